/* On an O_PATH descriptor fcntl allows only F_DUPFD(_CLOEXEC), F_GETFD, F_SETFD and
 * F_GETFL; F_SETFL, locks and the rest are EBADF. */
#include "guest.h"

int main(void)
{
    int pfd = CHECK_OK(open("/tmp", O_PATH));
    CHECK((fcntl(pfd, F_GETFL) & O_PATH) != 0);
    CHECK_OK(fcntl(pfd, F_SETFD, FD_CLOEXEC));
    CHECK(fcntl(pfd, F_GETFD) == FD_CLOEXEC);
    int d = CHECK_OK(fcntl(pfd, F_DUPFD_CLOEXEC, 10));
    CHECK(d >= 10 && fcntl(d, F_GETFD) == FD_CLOEXEC);
    CHECK_ERR(fcntl(pfd, F_SETFL, O_NONBLOCK), EBADF);
    struct flock fl = { .l_type = F_RDLCK, .l_whence = SEEK_SET };
    CHECK_ERR(fcntl(pfd, F_GETLK, &fl), EBADF);
    CHECK_ERR(fcntl(pfd, 1034), EBADF);
    CHECK_ERR(fcntl(pfd, 9999), EBADF);
    int fd = CHECK_OK(open("/tmp", O_RDONLY | O_DIRECTORY));
    CHECK_ERR(fcntl(fd, 9999), EINVAL);
    close(fd);
    close(d);
    close(pfd);
    return 0;
}
