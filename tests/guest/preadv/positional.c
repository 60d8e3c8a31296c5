/* preadv reads into several buffers at an offset without moving the file position;
 * a negative offset is EINVAL, a pipe ESPIPE, a write-only descriptor EBADF. */
#include "guest.h"
#include <sys/uio.h>

int main(void)
{
    const char *f = tmp_path("preadv");
    make_file(f, "0123456789", 10);
    int fd = CHECK_OK(open(f, O_RDONLY));
    char a[3], b[4];
    struct iovec iov[2] = { { a, 3 }, { b, 4 } };
    CHECK(syscall(SYS_preadv, fd, iov, 2, 2L, 0L) == 7);
    CHECK(memcmp(a, "234", 3) == 0 && memcmp(b, "5678", 4) == 0);
    CHECK(lseek(fd, 0, SEEK_CUR) == 0);
    CHECK(syscall(SYS_preadv, fd, iov, 2, 8L, 0L) == 2);
    CHECK(syscall(SYS_preadv, fd, iov, 2, 20L, 0L) == 0);
    CHECK_ERR(syscall(SYS_preadv, fd, iov, 2, -1L, 0L), EINVAL);
    int p[2];
    CHECK_OK(pipe(p));
    CHECK_ERR(syscall(SYS_preadv, p[0], iov, 2, 0L, 0L), ESPIPE);
    int wo = CHECK_OK(open(f, O_WRONLY));
    CHECK_ERR(syscall(SYS_preadv, wo, iov, 2, 0L, 0L), EBADF);
    CHECK_ERR(syscall(SYS_preadv, fd, BAD_PTR, 2, 0L, 0L), EFAULT);
    CHECK_ERR(syscall(SYS_preadv, fd, iov, 1025, 0L, 0L), EINVAL);
    close(fd);
    close(wo);
    close(p[0]);
    close(p[1]);
    return 0;
}
