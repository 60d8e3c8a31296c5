/* An upper directory marked opaque (trusted.overlay.opaque "y") hides the lower
 * directory of its name; mkdir where a whiteout is makes such a directory,
 * so the lower contents stay hidden.  The marker is not shown through the
 * overlay. */
#include "ovl.h"

int main(void)
{
    ovl_setup("ovl-opaque");
    CHECK_OK(mkdir(L("o"), 0755));
    ovl_write(L("o/hidden"), "h");
    CHECK_OK(mkdir(U("o"), 0755));
    ovl_write(U("o/shown"), "s");
    CHECK_OK(setxattr(U("o"), "trusted.overlay.opaque", "y", 1, 0));
    CHECK_OK(mkdir(L("d"), 0755));
    ovl_write(L("d/old"), "old");
    CHECK_OK(ovl_mount_rw());

    struct stat st;
    CHECK_OK(stat(M("o/shown"), &st));
    CHECK_ERR(stat(M("o/hidden"), &st), ENOENT);
    char v[8];
    CHECK(getxattr(M("o"), "trusted.overlay.opaque", v, sizeof v) < 0);

    CHECK_OK(unlink(M("d/old")));
    CHECK_OK(rmdir(M("d")));
    CHECK_OK(mkdir(M("d"), 0700));
    CHECK_ERR(stat(M("d/old"), &st), ENOENT);
    CHECK(getxattr(U("d"), "trusted.overlay.opaque", v, sizeof v) == 1 && v[0] == 'y');
    CHECK_OK(stat(M("d"), &st));
    CHECK((st.st_mode & 07777) == 0700);
    CHECK_OK(stat(L("d/old"), &st));
    DIR *dir = opendir(M("d"));
    CHECK(dir != NULL);
    struct dirent *e;
    int n = 0;
    while ((e = readdir(dir)) != NULL)
        n++;
    closedir(dir);
    CHECK(n == 2);
    return 0;
}
