/* copy_file_range's errors: flags EINVAL; a directory EISDIR; a pipe EINVAL; an
 * input not readable, an output not writable or O_APPEND EBADF; overlapping ranges
 * of one file EINVAL; a wrapping range (a negative offset too) EOVERFLOW; an
 * output past the largest file size EFBIG. */
#include "guest.h"

int main(void)
{
    const char *f = tmp_path("cfr-errors");
    make_file(f, "0123456789", 10);
    int rw = CHECK_OK(open(f, O_RDWR));
    int ro = CHECK_OK(open(f, O_RDONLY));
    int ap = CHECK_OK(open(f, O_WRONLY | O_APPEND));
    int dfd = CHECK_OK(open("/tmp", O_RDONLY | O_DIRECTORY));
    int p[2];
    CHECK_OK(pipe(p));
    loff_t a = 0, b = 5;
    CHECK_ERR(syscall(SYS_copy_file_range, rw, &a, rw, &b, 1L, 1), EINVAL);
    CHECK_ERR(syscall(SYS_copy_file_range, dfd, NULL, rw, NULL, 1L, 0), EISDIR);
    CHECK_ERR(syscall(SYS_copy_file_range, p[0], NULL, rw, NULL, 1L, 0), EINVAL);
    CHECK_ERR(syscall(SYS_copy_file_range, rw, &a, ro, &b, 1L, 0), EBADF);
    CHECK_ERR(syscall(SYS_copy_file_range, rw, &a, ap, &b, 1L, 0), EBADF);
    a = 0, b = 3;
    CHECK_ERR(syscall(SYS_copy_file_range, rw, &a, rw, &b, 5L, 0), EINVAL);
    a = 0, b = 5;
    CHECK(syscall(SYS_copy_file_range, rw, &a, rw, &b, 5L, 0) == 5);
    a = -1;                                 /* wraps, as an unsigned sum */
    CHECK_ERR(syscall(SYS_copy_file_range, ro, &a, rw, &b, 1L, 0), EOVERFLOW);
    a = 0, b = -16;
    CHECK_ERR(syscall(SYS_copy_file_range, ro, &a, rw, &b, 0x20L, 0), EOVERFLOW);
    b = 0x7ffffffffffffff0LL;
    CHECK_ERR(syscall(SYS_copy_file_range, ro, &a, rw, &b, 0x20L, 0), EFBIG);
    CHECK_ERR(syscall(SYS_copy_file_range, closed_fd(), NULL, rw, NULL, 1L, 0), EBADF);
    close(rw);
    close(ro);
    close(ap);
    close(dfd);
    close(p[0]);
    close(p[1]);
    return 0;
}
