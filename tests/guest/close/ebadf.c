/* close of a closed descriptor, of -1 and of a huge number fails with EBADF. */
#include "guest.h"

int main(void)
{
    int fd = CHECK_OK(open("/", O_RDONLY | O_DIRECTORY));
    CHECK_OK(close(fd));
    CHECK_ERR(close(fd), EBADF);
    CHECK_ERR(close(-1), EBADF);
    CHECK_ERR(close(1 << 30), EBADF);
    return 0;
}
