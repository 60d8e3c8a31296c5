/* symlink's errors: an empty target ENOENT, an existing name EEXIST, a missing
 * parent ENOENT, a trailing slash on a new name ENOENT, a target of PATH_MAX bytes
 * ENAMETOOLONG, EFAULT for either string, EACCES without write permission. */
#include "guest.h"

static const char *locked;

static void user(void)
{
    char p[160];
    snprintf(p, sizeof p, "%s/l", locked);
    CHECK_ERR(symlink("x", p), EACCES);
}

int main(void)
{
    const char *l = tmp_path("symlink-errors"), *f = tmp_path("symlink-errors-f");
    locked = tmp_path("symlink-errors-locked");
    CHECK_OK(mkdir(locked, 0755));
    make_file(f, "", 0);
    char p[160];
    CHECK_ERR(symlink("", l), ENOENT);
    CHECK_ERR(symlink("x", f), EEXIST);
    CHECK_ERR(symlink("x", "/tmp/trellis-surely-missing/l"), ENOENT);
    snprintf(p, sizeof p, "%s/", l);
    CHECK_ERR(symlink("x", p), ENOENT);
    static char big[4097];
    memset(big, 'a', 4096);
    CHECK_ERR(symlink(big, l), ENAMETOOLONG);
    CHECK_ERR(syscall(SYS_symlink, BAD_PTR, l), EFAULT);
    CHECK_ERR(syscall(SYS_symlink, "x", BAD_PTR), EFAULT);
    run_as_user(user);
    struct stat st;
    CHECK_ERR(lstat(l, &st), ENOENT);
    return 0;
}
