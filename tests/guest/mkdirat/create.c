/* mkdir makes an empty directory (".", ".." only) with the requested owner bits, and
 * adds one link to its parent. */
#include "guest.h"

int main(void)
{
    const char *parent = tmp_path("mkdirat");
    CHECK_OK(mkdir(parent, 0755));
    struct stat p0, p1, st;
    CHECK_OK(stat(parent, &p0));
    const char *dir = tmp_path_in(parent, "child");
    CHECK_OK(syscall(SYS_mkdirat, AT_FDCWD, dir, 0700));
    CHECK_OK(stat(dir, &st));
    CHECK(S_ISDIR(st.st_mode));
    CHECK((st.st_mode & 0777) == 0700);
    CHECK(st.st_nlink == 2);
    CHECK_OK(stat(parent, &p1));
    CHECK(p1.st_nlink == p0.st_nlink + 1);
    return 0;
}
