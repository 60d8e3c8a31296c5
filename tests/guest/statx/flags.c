/* statx's flags: AT_SYMLINK_NOFOLLOW stats the link; AT_EMPTY_PATH with "" or a
 * NULL path stats the descriptor (a pipe too); both AT_STATX_FORCE_SYNC and
 * AT_STATX_DONT_SYNC, unknown flags, and STATX__RESERVED are EINVAL; NULL without
 * AT_EMPTY_PATH is EFAULT, "" ENOENT. */
#include "guest.h"

struct sx { uint32_t mask, blksize; uint64_t attributes; uint32_t nlink, uid, gid;
            uint16_t mode, spare0; uint64_t ino, size, rest[26]; };

int main(void)
{
    const char *f = tmp_path("statx-flags"), *l = tmp_path("statx-flags-l");
    make_file(f, "abc", 3);
    CHECK_OK(symlink(f, l));
    struct sx x;
    CHECK_OK(syscall(SYS_statx, AT_FDCWD, l, AT_SYMLINK_NOFOLLOW, 0x7ff, &x));
    CHECK(S_ISLNK(x.mode));
    CHECK_OK(syscall(SYS_statx, AT_FDCWD, l, 0, 0x7ff, &x));
    CHECK(S_ISREG(x.mode) && x.size == 3);
    int fd = CHECK_OK(open(f, O_RDONLY));
    CHECK_OK(syscall(SYS_statx, fd, "", AT_EMPTY_PATH, 0x7ff, &x));
    CHECK(x.size == 3);
    CHECK_OK(syscall(SYS_statx, fd, NULL, AT_EMPTY_PATH, 0x7ff, &x));
    CHECK(x.size == 3);
    int p[2];
    CHECK_OK(pipe(p));
    CHECK_OK(syscall(SYS_statx, p[0], "", AT_EMPTY_PATH, 0x7ff, &x));
    CHECK(S_ISFIFO(x.mode));
    CHECK_OK(syscall(SYS_statx, AT_FDCWD, f, 0x2000, 0x7ff, &x));
    CHECK_OK(syscall(SYS_statx, AT_FDCWD, f, 0x4000, 0x7ff, &x));
    CHECK_ERR(syscall(SYS_statx, AT_FDCWD, f, 0x6000, 0x7ff, &x), EINVAL);
    CHECK_ERR(syscall(SYS_statx, AT_FDCWD, f, 0x1, 0x7ff, &x), EINVAL);
    CHECK_ERR(syscall(SYS_statx, AT_FDCWD, f, 0, 0x80000000u, &x), EINVAL);
    CHECK_ERR(syscall(SYS_statx, fd, NULL, 0, 0x7ff, &x), EFAULT);
    CHECK_ERR(syscall(SYS_statx, fd, "", 0, 0x7ff, &x), ENOENT);
    CHECK_ERR(syscall(SYS_statx, AT_FDCWD, f, 0, 0x7ff, BAD_PTR), EFAULT);
    CHECK_ERR(syscall(SYS_statx, closed_fd(), "", AT_EMPTY_PATH, 0x7ff, &x), EBADF);
    CHECK_ERR(syscall(SYS_statx, AT_FDCWD, "/tmp/trellis-surely-missing", 0, 0x7ff, &x), ENOENT);
    close(fd);
    close(p[0]);
    close(p[1]);
    return 0;
}
