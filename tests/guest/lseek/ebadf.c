/* lseek on a closed descriptor fails with EBADF. */
#include "guest.h"

int main(void)
{
    CHECK_ERR(lseek(closed_fd(), 0, SEEK_SET), EBADF);
    return 0;
}
