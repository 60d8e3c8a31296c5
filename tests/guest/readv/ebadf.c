/* readv on a closed descriptor fails with EBADF. */
#include "guest.h"
#include <sys/uio.h>

int main(void)
{
    char buf[4];
    struct iovec iov = {buf, sizeof buf};
    CHECK_ERR(readv(closed_fd(), &iov, 1), EBADF);
    return 0;
}
