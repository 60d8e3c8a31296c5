/* newfstatat: missing path ENOENT, path through a file ENOTDIR, unknown flag EINVAL,
 * bad relative dirfd EBADF. */
#include "guest.h"

int main(void)
{
    struct stat st;
    const char *path = tmp_path("newfstatat-errors");
    make_file(path, "x", 1);
    char sub[160];
    snprintf(sub, sizeof sub, "%s/child", path);
    CHECK_ERR(syscall(SYS_newfstatat, AT_FDCWD, "/tmp/trellis-surely-missing", &st, 0), ENOENT);
    CHECK_ERR(syscall(SYS_newfstatat, AT_FDCWD, sub, &st, 0), ENOTDIR);
    CHECK_ERR(syscall(SYS_newfstatat, AT_FDCWD, path, &st, 0x40000000), EINVAL);
    CHECK_ERR(syscall(SYS_newfstatat, closed_fd(), "relative", &st, 0), EBADF);
    return 0;
}
