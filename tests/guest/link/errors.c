/* link's errors: an existing new name EEXIST (a dangling symlink too), a missing
 * old name ENOENT, a missing new parent ENOENT, a new name with a trailing slash
 * ENOENT, a directory EPERM, "." as the new name EEXIST, EFAULT. */
#include "guest.h"

int main(void)
{
    const char *d = tmp_path("link-errors");
    CHECK_OK(mkdir(d, 0755));
    const char *f = tmp_path_in(d, "f"), *g = tmp_path_in(d, "g"), *l = tmp_path_in(d, "l");
    make_file(f, "x", 1);
    make_file(g, "y", 1);
    CHECK_OK(symlink("/tmp/trellis-surely-missing", l));
    char buf[160];
    CHECK_ERR(link(f, g), EEXIST);
    CHECK_ERR(link(f, l), EEXIST);
    CHECK_ERR(link("/tmp/trellis-surely-missing", "/tmp/trellis-surely-missing2"), ENOENT);
    CHECK_ERR(link(f, "/tmp/trellis-surely-missing/x"), ENOENT);
    snprintf(buf, sizeof buf, "%s/h/", d);
    CHECK_ERR(link(f, buf), ENOENT);
    snprintf(buf, sizeof buf, "%s/sub", d);
    CHECK_ERR(link(d, buf), EPERM);
    snprintf(buf, sizeof buf, "%s/.", d);
    CHECK_ERR(link(f, buf), EEXIST);
    CHECK_ERR(syscall(SYS_link, BAD_PTR, buf), EFAULT);
    CHECK_ERR(syscall(SYS_link, f, BAD_PTR), EFAULT);
    struct stat st;
    CHECK_OK(stat(f, &st));
    CHECK(st.st_nlink == 1);
    return 0;
}
