/* rename(2) in an overlay: a lower file moves by copy-up, leaving a whiteout
 * where it was; it may replace a lower or upper file; a directory that came
 * from a lower layer gives EXDEV (Linux without redirect_dir), one made in the
 * upper layer moves, with its contents. */
#include "ovl.h"

int main(void)
{
    ovl_setup("ovl-rename");
    ovl_old_file(L("f"), "ff");
    ovl_old_file(L("g"), "gg");
    ovl_old_file(L("h"), "hh");
    CHECK_OK(mkdir(L("d"), 0755));
    ovl_old_file(L("d/in"), "in");
    CHECK_OK(ovl_mount_rw());

    struct stat st;
    CHECK_OK(rename(M("f"), M("f2")));
    CHECK_ERR(stat(M("f"), &st), ENOENT);
    CHECK(strcmp(ovl_read(M("f2")), "ff") == 0);
    CHECK(ovl_is_whiteout(U("f")));
    ovl_lower_intact("f", "ff");

    /* Over a lower file, and into a merged directory. */
    CHECK_OK(rename(M("f2"), M("g")));
    CHECK(strcmp(ovl_read(M("g")), "ff") == 0);
    CHECK_OK(rename(M("h"), M("d/h")));
    CHECK(strcmp(ovl_read(M("d/h")), "hh") == 0);
    CHECK_ERR(stat(M("h"), &st), ENOENT);
    ovl_lower_intact("g", "gg");
    ovl_lower_intact("h", "hh");

    CHECK_ERR(rename(M("d"), M("d2")), EXDEV);
    CHECK_OK(mkdir(M("n"), 0755));
    ovl_write(M("n/x"), "x");
    CHECK_OK(rename(M("n"), M("n2")));
    CHECK(strcmp(ovl_read(M("n2/x")), "x") == 0);
    CHECK_ERR(stat(M("n"), &st), ENOENT);
    CHECK_OK(rename(M("n2"), M("d/n3")));
    CHECK(strcmp(ovl_read(M("d/n3/x")), "x") == 0);
    char cwd[512];
    CHECK_OK(chdir(M("d/n3")));
    CHECK(getcwd(cwd, sizeof cwd) != NULL && strcmp(cwd, M("d/n3")) == 0);
    CHECK_OK(chdir("/"));
    return 0;
}
