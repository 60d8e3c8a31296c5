/* rename with "." or ".." as either last name, or the root, is EBUSY (EEXIST for the
 * new name with RENAME_NOREPLACE). */
#include "guest.h"

int main(void)
{
    const char *d = tmp_path("rename-dots");
    CHECK_OK(mkdir(d, 0755));
    const char *f = tmp_path_in(d, "f"), *sub = tmp_path_in(d, "sub");
    make_file(f, "", 0);
    CHECK_OK(mkdir(sub, 0755));
    char dot[160], dotdot[160], g[160];
    snprintf(dot, sizeof dot, "%s/.", sub);
    snprintf(dotdot, sizeof dotdot, "%s/..", sub);
    snprintf(g, sizeof g, "%s/g", d);
    CHECK_ERR(rename(dot, g), EBUSY);
    CHECK_ERR(rename(dotdot, g), EBUSY);
    CHECK_ERR(rename(f, dot), EBUSY);
    CHECK_ERR(rename(f, dotdot), EBUSY);
    CHECK_ERR(rename("/", g), EBUSY);
    CHECK_ERR(rename(f, "/"), EBUSY);
    CHECK_ERR(syscall(SYS_renameat2, AT_FDCWD, f, AT_FDCWD, dot, RENAME_NOREPLACE), EEXIST);
    struct stat st;
    CHECK_OK(stat(f, &st));
    CHECK_OK(stat(sub, &st));
    return 0;
}
