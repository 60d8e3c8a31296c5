/* lchown changes a symlink's own owner and leaves its target alone; a dangling link
 * is no problem. */
#include "guest.h"

int main(void)
{
    const char *l = tmp_path("lchown");
    CHECK_OK(symlink("/tmp/trellis-surely-missing", l));
    CHECK_OK(lchown(l, 11, 22));
    struct stat st;
    CHECK_OK(lstat(l, &st));
    CHECK(st.st_uid == 11 && st.st_gid == 22);
    CHECK_ERR(chown(l, 11, 22), ENOENT);
    return 0;
}
