/* A lookup sees the upper layer first: an upper file hides the lower one of
 * its name; directories of both layers merge; a name only one layer has is
 * there.  Directories report the overlay's device and keep their inode
 * numbers from one lookup to the next. */
#include "ovl.h"

int main(void)
{
    ovl_setup("ovl-lookup");
    ovl_write(L("both"), "lower");
    ovl_write(L("lonly"), "l");
    CHECK_OK(mkdir(L("d"), 0755));
    ovl_write(L("d/x"), "x");
    ovl_write(U("both"), "upper");
    ovl_write(U("uonly"), "u");
    CHECK_OK(mkdir(U("d"), 0755));
    ovl_write(U("d/y"), "y");
    CHECK_OK(symlink("both", L("link")));
    CHECK_OK(ovl_mount_rw());

    CHECK(strcmp(ovl_read(M("both")), "upper") == 0);
    CHECK(strcmp(ovl_read(M("lonly")), "l") == 0);
    CHECK(strcmp(ovl_read(M("uonly")), "u") == 0);
    CHECK(strcmp(ovl_read(M("d/x")), "x") == 0);
    CHECK(strcmp(ovl_read(M("d/y")), "y") == 0);
    CHECK(strcmp(ovl_read(M("link")), "upper") == 0);   /* the link resolves in the overlay */
    struct stat root, d1, d2, st;
    CHECK_OK(stat(ovl_merged, &root));
    CHECK_OK(stat(M("d"), &d1));
    CHECK_OK(stat(M("d/../d"), &d2));
    CHECK(S_ISDIR(d1.st_mode) && d1.st_dev == root.st_dev);
    CHECK(d1.st_ino == d2.st_ino);
    CHECK_ERR(stat(M("none"), &st), ENOENT);
    CHECK_ERR(stat(M("both/x"), &st), ENOTDIR);
    /* A directory is its own from the cwd too. */
    CHECK_OK(chdir(M("d")));
    CHECK(strcmp(ovl_read("x"), "x") == 0);
    CHECK(strcmp(ovl_read("../uonly"), "u") == 0);
    char cwd[512];
    CHECK(getcwd(cwd, sizeof cwd) != NULL);
    CHECK(strcmp(cwd, M("d")) == 0);
    CHECK_OK(chdir("/"));
    return 0;
}
