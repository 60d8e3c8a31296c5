/* pwritev writes several buffers at an offset without moving the file position,
 * extending the file. */
#include "guest.h"
#include <sys/uio.h>

int main(void)
{
    const char *f = tmp_path("pwritev");
    make_file(f, "..........", 10);
    int fd = CHECK_OK(open(f, O_RDWR));
    struct iovec iov[2] = { { "ab", 2 }, { "cde", 3 } };
    CHECK(syscall(SYS_pwritev, fd, iov, 2, 8L, 0L) == 5);
    CHECK(lseek(fd, 0, SEEK_CUR) == 0);
    char buf[16] = { 0 };
    CHECK(pread(fd, buf, sizeof buf, 0) == 13);
    CHECK(memcmp(buf, "........abcde", 13) == 0);
    CHECK_ERR(syscall(SYS_pwritev, fd, iov, 2, -5L, 0L), EINVAL);
    int ro = CHECK_OK(open(f, O_RDONLY));
    CHECK_ERR(syscall(SYS_pwritev, ro, iov, 2, 0L, 0L), EBADF);
    close(fd);
    close(ro);
    return 0;
}
