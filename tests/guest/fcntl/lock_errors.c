/* Record lock errors: a bad type or whence EINVAL, a start before the file's
 * beginning EINVAL, an overflowing range EOVERFLOW, a read lock on a descriptor not
 * open for reading (and a write lock without writing) EBADF, F_GETLK of F_UNLCK
 * EINVAL, an unmapped struct EFAULT, an O_PATH descriptor EBADF. */
#include "guest.h"

static int lk(int fd, int cmd, short type, short whence, off_t start, off_t len)
{
    struct flock fl = { .l_type = type, .l_whence = whence, .l_start = start, .l_len = len };
    return fcntl(fd, cmd, &fl);
}

int main(void)
{
    const char *f = tmp_path("fcntl-lockerr");
    make_file(f, "0123456789", 10);
    int rw = CHECK_OK(open(f, O_RDWR));
    int ro = CHECK_OK(open(f, O_RDONLY));
    int wo = CHECK_OK(open(f, O_WRONLY));
    int pfd = CHECK_OK(open(f, O_PATH));
    CHECK_ERR(lk(rw, F_SETLK, 7, SEEK_SET, 0, 1), EINVAL);
    CHECK_ERR(lk(rw, F_SETLK, F_WRLCK, 9, 0, 1), EINVAL);
    CHECK_ERR(lk(rw, F_SETLK, F_WRLCK, SEEK_SET, -1, 1), EINVAL);
    CHECK_ERR(lk(rw, F_SETLK, F_WRLCK, SEEK_END, -11, 1), EINVAL);
    CHECK_ERR(lk(rw, F_SETLK, F_WRLCK, SEEK_SET, 5, -6), EINVAL);
    CHECK_OK(lk(rw, F_SETLK, F_WRLCK, SEEK_SET, 5, -5));
    CHECK_OK(lk(rw, F_SETLK, F_WRLCK, SEEK_END, -2, 2));
    CHECK_ERR(lk(rw, F_SETLK, F_WRLCK, SEEK_SET, 0x7fffffffffffffffLL, 2), EOVERFLOW);
    CHECK_ERR(lk(wo, F_SETLK, F_RDLCK, SEEK_SET, 0, 1), EBADF);
    CHECK_ERR(lk(ro, F_SETLK, F_WRLCK, SEEK_SET, 0, 1), EBADF);
    CHECK_ERR(lk(rw, F_GETLK, F_UNLCK, SEEK_SET, 0, 1), EINVAL);
    CHECK_ERR(fcntl(rw, F_SETLK, BAD_PTR), EFAULT);
    CHECK_ERR(lk(pfd, F_GETLK, F_RDLCK, SEEK_SET, 0, 1), EBADF);
    CHECK_ERR(lk(closed_fd(), F_GETLK, F_RDLCK, SEEK_SET, 0, 1), EBADF);
    close(rw);
    close(ro);
    close(wo);
    close(pfd);
    return 0;
}
