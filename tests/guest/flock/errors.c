/* flock's errors: an operation that is not LOCK_SH, LOCK_EX or LOCK_UN EINVAL (also
 * checked before the descriptor), a closed or O_PATH descriptor EBADF; the long
 * gone LOCK_MAND is accepted and ignored. */
#include "guest.h"
#include <sys/file.h>

int main(void)
{
    const char *f = tmp_path("flock-errors");
    make_file(f, "", 0);
    int fd = CHECK_OK(open(f, O_RDONLY));
    CHECK_ERR(flock(fd, 0), EINVAL);
    CHECK_ERR(flock(fd, LOCK_SH | LOCK_EX), EINVAL);
    CHECK_ERR(flock(fd, LOCK_NB), EINVAL);
    CHECK_ERR(flock(closed_fd(), 3), EINVAL);
    CHECK_ERR(flock(closed_fd(), LOCK_SH), EBADF);
    int pfd = CHECK_OK(open(f, O_PATH));
    CHECK_ERR(flock(pfd, LOCK_SH), EBADF);
    CHECK_OK(flock(fd, 32 | LOCK_EX));
    close(fd);
    close(pfd);
    return 0;
}
