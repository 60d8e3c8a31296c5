/* fstat of a closed descriptor fails with EBADF. */
#include "guest.h"

int main(void)
{
    struct stat st;
    CHECK_ERR(fstat(closed_fd(), &st), EBADF);
    CHECK_ERR(syscall(SYS_fstat, -1, &st), EBADF);
    return 0;
}
