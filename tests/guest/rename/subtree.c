/* rename of a directory into its own subtree is EINVAL; onto one of its own
 * ancestors (not empty, since it holds the source) ENOTEMPTY. */
#include "guest.h"

int main(void)
{
    const char *a = tmp_path("rename-subtree");
    CHECK_OK(mkdir(a, 0755));
    const char *b = tmp_path_in(a, "b"), *c = tmp_path_in(b, "c");
    CHECK_OK(mkdir(b, 0755));
    CHECK_OK(mkdir(c, 0755));
    char dst[160];
    snprintf(dst, sizeof dst, "%s/new", c);
    CHECK_ERR(rename(a, dst), EINVAL);
    CHECK_ERR(rename(b, dst), EINVAL);
    snprintf(dst, sizeof dst, "%s/new", b);
    CHECK_ERR(rename(b, dst), EINVAL);
    CHECK_ERR(rename(c, a), ENOTEMPTY);
    struct stat st;
    CHECK_OK(stat(c, &st));
    return 0;
}
