/* renameat2 with RENAME_NOREPLACE fails with EEXIST when the new name exists (a
 * dangling symlink too) and renames otherwise. */
#include "guest.h"

int main(void)
{
    const char *a = tmp_path("renameat2-nr-a"), *b = tmp_path("renameat2-nr-b");
    const char *l = tmp_path("renameat2-nr-l"), *c = tmp_path("renameat2-nr-c");
    make_file(a, "a", 1);
    make_file(b, "b", 1);
    CHECK_OK(symlink("/tmp/trellis-surely-missing", l));
    CHECK_ERR(syscall(SYS_renameat2, AT_FDCWD, a, AT_FDCWD, b, RENAME_NOREPLACE), EEXIST);
    CHECK_ERR(syscall(SYS_renameat2, AT_FDCWD, a, AT_FDCWD, l, RENAME_NOREPLACE), EEXIST);
    CHECK_OK(syscall(SYS_renameat2, AT_FDCWD, a, AT_FDCWD, c, RENAME_NOREPLACE));
    struct stat st;
    CHECK_ERR(stat(a, &st), ENOENT);
    CHECK_OK(stat(c, &st));
    CHECK(st.st_size == 1);
    return 0;
}
