/* unlinkat with AT_REMOVEDIR removes an empty directory and drops the parent's link. */
#include "guest.h"

int main(void)
{
    const char *parent = tmp_path("unlinkat-rmdir");
    CHECK_OK(mkdir(parent, 0755));
    const char *dir = tmp_path_in(parent, "d");
    CHECK_OK(mkdir(dir, 0755));
    struct stat st;
    CHECK_OK(stat(parent, &st));
    CHECK(st.st_nlink == 3);
    int pfd = CHECK_OK(open(parent, O_RDONLY | O_DIRECTORY));
    CHECK_OK(syscall(SYS_unlinkat, pfd, "d", AT_REMOVEDIR));
    CHECK_ERR(stat(dir, &st), ENOENT);
    CHECK_OK(stat(parent, &st));
    CHECK(st.st_nlink == 2);
    close(pfd);
    return 0;
}
