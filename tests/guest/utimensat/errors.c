/* utimensat: two UTIME_OMITs return 0 without looking at the path; a nanosecond
 * field out of range is EINVAL (after the lookup: a missing path is ENOENT first);
 * unknown flags EINVAL; a NULL path works on dirfd itself (and needs flags 0);
 * AT_SYMLINK_NOFOLLOW sets a symlink's own times; EFAULT for the times. */
#include "guest.h"

int main(void)
{
    const char *f = tmp_path("utimensat-errors-f"), *l = tmp_path("utimensat-errors-l");
    make_file(f, "", 0);
    CHECK_OK(symlink(f, l));
    struct timespec omit[2] = { { 0, UTIME_OMIT }, { 0, UTIME_OMIT } };
    CHECK_OK(syscall(SYS_utimensat, AT_FDCWD, "/tmp/trellis-surely-missing", omit, 0));
    struct timespec bad[2] = { { 0, 1000000000 }, { 0, 0 } };
    CHECK_ERR(syscall(SYS_utimensat, AT_FDCWD, f, bad, 0), EINVAL);
    CHECK_ERR(syscall(SYS_utimensat, AT_FDCWD, "/tmp/trellis-surely-missing", bad, 0), ENOENT);
    struct timespec neg[2] = { { 0, -1 }, { 0, 0 } };
    CHECK_ERR(syscall(SYS_utimensat, AT_FDCWD, f, neg, 0), EINVAL);
    CHECK_ERR(syscall(SYS_utimensat, AT_FDCWD, f, NULL, 0x8000), EINVAL);
    CHECK_ERR(syscall(SYS_utimensat, AT_FDCWD, f, BAD_PTR, 0), EFAULT);
    int fd = CHECK_OK(open(f, O_RDONLY));
    struct timespec ts[2] = { { 100, 0 }, { 200, 0 } };
    CHECK_OK(syscall(SYS_utimensat, fd, NULL, ts, 0));
    struct stat st;
    CHECK_OK(stat(f, &st));
    CHECK(st.st_atime == 100 && st.st_mtime == 200);
    CHECK_ERR(syscall(SYS_utimensat, fd, NULL, ts, AT_SYMLINK_NOFOLLOW), EINVAL);
    CHECK_ERR(syscall(SYS_utimensat, AT_FDCWD, NULL, ts, 0), EFAULT);
    CHECK_ERR(syscall(SYS_utimensat, closed_fd(), NULL, ts, 0), EBADF);
    struct timespec lt[2] = { { 300, 0 }, { 400, 0 } };
    CHECK_OK(syscall(SYS_utimensat, AT_FDCWD, l, lt, AT_SYMLINK_NOFOLLOW));
    CHECK_OK(lstat(l, &st));
    CHECK(st.st_mtime == 400);
    CHECK_OK(stat(f, &st));
    CHECK(st.st_mtime == 200);
    close(fd);
    return 0;
}
