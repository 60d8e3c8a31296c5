/* faccessat: missing path ENOENT, through a file ENOTDIR, unknown mode bits EINVAL,
 * unmapped path EFAULT. */
#include "guest.h"

int main(void)
{
    const char *file = tmp_path("faccessat-errors");
    make_file(file, "x", 1);
    char sub[160];
    snprintf(sub, sizeof sub, "%s/child", file);
    CHECK_ERR(syscall(SYS_faccessat, AT_FDCWD, "/tmp/trellis-surely-missing", F_OK), ENOENT);
    CHECK_ERR(syscall(SYS_faccessat, AT_FDCWD, sub, F_OK), ENOTDIR);
    CHECK_ERR(syscall(SYS_faccessat, AT_FDCWD, file, 0x10), EINVAL);
    CHECK_ERR(syscall(SYS_faccessat, AT_FDCWD, BAD_PTR, F_OK), EFAULT);
    return 0;
}
