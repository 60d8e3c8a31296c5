/* symlink makes a link holding the target text as given (dangling or not): lstat
 * shows S_IFLNK with mode 0777 and the target's length as size; readlink returns it. */
#include "guest.h"

int main(void)
{
    const char *l = tmp_path("symlink-l"), *m = tmp_path("symlink-m");
    CHECK_OK(symlink("some/relative/target", l));
    CHECK_OK(symlink("/tmp/trellis-surely-missing", m));
    struct stat st;
    CHECK_OK(lstat(l, &st));
    CHECK(S_ISLNK(st.st_mode) && (st.st_mode & 07777) == 0777);
    CHECK(st.st_size == (off_t)strlen("some/relative/target"));
    CHECK(st.st_uid == getuid());
    char buf[64] = { 0 };
    CHECK(readlink(l, buf, sizeof buf) == (ssize_t)strlen("some/relative/target"));
    CHECK(strcmp(buf, "some/relative/target") == 0);
    CHECK_ERR(stat(m, &st), ENOENT);
    CHECK_OK(lstat(m, &st));
    return 0;
}
