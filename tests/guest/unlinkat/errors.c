/* unlinkat: missing name ENOENT; a directory without AT_REMOVEDIR EISDIR; a file with
 * AT_REMOVEDIR ENOTDIR; a non-empty directory ENOTEMPTY; an unknown flag EINVAL; an
 * unmapped path EFAULT. */
#include "guest.h"

int main(void)
{
    const char *dir = tmp_path("unlinkat-errors");
    CHECK_OK(mkdir(dir, 0755));
    const char *file = tmp_path_in(dir, "f");
    make_file(file, "x", 1);
    CHECK_ERR(syscall(SYS_unlinkat, AT_FDCWD, "/tmp/trellis-surely-missing", 0), ENOENT);
    CHECK_ERR(syscall(SYS_unlinkat, AT_FDCWD, dir, 0), EISDIR);
    CHECK_ERR(syscall(SYS_unlinkat, AT_FDCWD, file, AT_REMOVEDIR), ENOTDIR);
    CHECK_ERR(syscall(SYS_unlinkat, AT_FDCWD, dir, AT_REMOVEDIR), ENOTEMPTY);
    CHECK_ERR(syscall(SYS_unlinkat, AT_FDCWD, file, 0x1), EINVAL);
    CHECK_ERR(syscall(SYS_unlinkat, AT_FDCWD, BAD_PTR, 0), EFAULT);
    struct stat st;
    CHECK_OK(stat(file, &st));
    return 0;
}
