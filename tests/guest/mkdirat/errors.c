/* mkdir of an existing name fails with EEXIST (file or directory), under a missing
 * parent with ENOENT, under a regular file with ENOTDIR, of an unmapped path with EFAULT. */
#include "guest.h"

int main(void)
{
    const char *file = tmp_path("mkdirat-file");
    make_file(file, "x", 1);
    char sub[160];
    snprintf(sub, sizeof sub, "%s/child", file);
    CHECK_ERR(mkdir("/tmp", 0755), EEXIST);
    CHECK_ERR(mkdir(file, 0755), EEXIST);
    CHECK_ERR(mkdir("/tmp/trellis-surely-missing/child", 0755), ENOENT);
    CHECK_ERR(mkdir(sub, 0755), ENOTDIR);
    CHECK_ERR(syscall(SYS_mkdirat, AT_FDCWD, BAD_PTR, 0755), EFAULT);
    CHECK_ERR(mkdir("", 0755), ENOENT);
    return 0;
}
