/* pread on a closed descriptor fails with EBADF. */
#include "guest.h"

int main(void)
{
    char buf[4];
    CHECK_ERR(pread(closed_fd(), buf, sizeof buf, 0), EBADF);
    return 0;
}
