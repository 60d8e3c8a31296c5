/* getdents64: closed fd EBADF, a regular file ENOTDIR, a buffer too small for one
 * entry EINVAL, an unmapped buffer EFAULT. */
#include "guest.h"

int main(void)
{
    char buf[4096] __attribute__((aligned(8)));
    CHECK_ERR(syscall(SYS_getdents64, closed_fd(), buf, sizeof buf), EBADF);
    const char *path = tmp_path("getdents-errors");
    make_file(path, "x", 1);
    int ffd = CHECK_OK(open(path, O_RDONLY));
    CHECK_ERR(syscall(SYS_getdents64, ffd, buf, sizeof buf), ENOTDIR);
    close(ffd);
    int fd = CHECK_OK(open("/", O_RDONLY | O_DIRECTORY));
    CHECK_ERR(syscall(SYS_getdents64, fd, buf, 1), EINVAL);
    CHECK_ERR(syscall(SYS_getdents64, fd, BAD_PTR, sizeof buf), EFAULT);
    close(fd);
    return 0;
}
