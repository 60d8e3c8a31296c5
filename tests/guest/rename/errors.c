/* rename's errors: a missing source or target parent ENOENT, a trailing slash on a
 * file ENOTDIR, a path through a file ENOTDIR, an unmapped path EFAULT, a name
 * longer than NAME_MAX ENAMETOOLONG, an empty path ENOENT. */
#include "guest.h"

int main(void)
{
    const char *d = tmp_path("rename-errors");
    CHECK_OK(mkdir(d, 0755));
    const char *f = tmp_path_in(d, "f"), *g = tmp_path_in(d, "g");
    make_file(f, "x", 1);
    char buf[512];
    CHECK_ERR(rename("/tmp/trellis-surely-missing", g), ENOENT);
    CHECK_ERR(rename(f, "/tmp/trellis-surely-missing/x"), ENOENT);
    snprintf(buf, sizeof buf, "%s/", f);
    CHECK_ERR(rename(buf, g), ENOTDIR);
    CHECK_ERR(rename(f, buf), ENOTDIR);
    snprintf(buf, sizeof buf, "%s/x", f);
    CHECK_ERR(rename(buf, g), ENOTDIR);
    CHECK_ERR(rename(f, buf), ENOTDIR);
    CHECK_ERR(syscall(SYS_rename, BAD_PTR, g), EFAULT);
    CHECK_ERR(syscall(SYS_rename, f, BAD_PTR), EFAULT);
    CHECK_ERR(rename("", g), ENOENT);
    CHECK_ERR(rename(f, ""), ENOENT);
    char name[300];
    memset(name, 'n', sizeof name - 1);
    name[sizeof name - 1] = '\0';
    snprintf(buf, sizeof buf, "%s/%s", d, name);
    CHECK_ERR(rename(f, buf), ENAMETOOLONG);
    struct stat st;
    CHECK_OK(stat(f, &st));
    return 0;
}
