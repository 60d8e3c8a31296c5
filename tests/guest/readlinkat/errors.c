/* readlinkat: a regular file EINVAL, a missing path ENOENT, size 0 EINVAL, an unmapped
 * buffer or path EFAULT. */
#include "guest.h"

int main(void)
{
    const char *file = tmp_path("readlinkat-errors");
    make_file(file, "x", 1);
    char buf[64];
    CHECK_ERR(syscall(SYS_readlinkat, AT_FDCWD, file, buf, sizeof buf), EINVAL);
    CHECK_ERR(syscall(SYS_readlinkat, AT_FDCWD, "/tmp/trellis-surely-missing", buf, sizeof buf), ENOENT);
    CHECK_ERR(syscall(SYS_readlinkat, AT_FDCWD, "/bin/sh", buf, 0), EINVAL);
    CHECK_ERR(syscall(SYS_readlinkat, AT_FDCWD, "/bin/sh", BAD_PTR, sizeof buf), EFAULT);
    CHECK_ERR(syscall(SYS_readlinkat, AT_FDCWD, BAD_PTR, buf, sizeof buf), EFAULT);
    return 0;
}
