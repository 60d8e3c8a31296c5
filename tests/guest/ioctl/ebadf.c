/* ioctl on a closed descriptor fails with EBADF. */
#include "guest.h"
#include <sys/ioctl.h>
#include <termios.h>

int main(void)
{
    struct termios t;
    CHECK_ERR(ioctl(closed_fd(), TCGETS, &t), EBADF);
    return 0;
}
