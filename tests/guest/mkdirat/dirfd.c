/* mkdirat creates its relative path inside the directory dirfd names. */
#include "guest.h"

int main(void)
{
    const char *parent = tmp_path("mkdirat-dirfd");
    CHECK_OK(mkdir(parent, 0755));
    const char *child = tmp_path_in(parent, "sub");
    int dfd = CHECK_OK(open(parent, O_RDONLY | O_DIRECTORY));
    CHECK_OK(chdir("/"));
    CHECK_OK(mkdirat(dfd, "sub", 0755));
    struct stat st;
    CHECK_OK(stat(child, &st));
    CHECK(S_ISDIR(st.st_mode));
    close(dfd);
    return 0;
}
