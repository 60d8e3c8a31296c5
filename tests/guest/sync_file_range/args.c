/* sync_file_range: EBADF first, then unknown flags or a negative or wrapping range
 * EINVAL, then a pipe ESPIPE; a regular file or a directory succeed. */
#include "guest.h"

int main(void)
{
    const char *f = tmp_path("sfr");
    make_file(f, "x", 1);
    int fd = CHECK_OK(open(f, O_RDWR));
    int dfd = CHECK_OK(open("/tmp", O_RDONLY | O_DIRECTORY));
    int p[2];
    CHECK_OK(pipe(p));
    CHECK_OK(syscall(SYS_sync_file_range, fd, 0L, 0L, 7));
    CHECK_OK(syscall(SYS_sync_file_range, dfd, 0L, 4096L, 0));
    CHECK_ERR(syscall(SYS_sync_file_range, closed_fd(), -1L, 0L, 0x100), EBADF);
    CHECK_ERR(syscall(SYS_sync_file_range, fd, 0L, 0L, 0x8), EINVAL);
    CHECK_ERR(syscall(SYS_sync_file_range, fd, -1L, 0L, 0), EINVAL);
    CHECK_ERR(syscall(SYS_sync_file_range, fd, 0x7fffffffffffff00L, 0x1000L, 0), EINVAL);
    CHECK_ERR(syscall(SYS_sync_file_range, p[0], 0L, 0L, 0), ESPIPE);
    close(fd);
    close(dfd);
    close(p[0]);
    close(p[1]);
    return 0;
}
