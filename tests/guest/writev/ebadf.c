/* writev on a closed descriptor fails with EBADF. */
#include "guest.h"
#include <sys/uio.h>

int main(void)
{
    struct iovec iov = {"x", 1};
    CHECK_ERR(writev(closed_fd(), &iov, 1), EBADF);
    return 0;
}
