/* Removing a name a lower layer holds leaves a whiteout in the upper layer (a
 * character device 0:0) that hides it; the lower file stays.  A new file may
 * take the name again. */
#include "ovl.h"

int main(void)
{
    ovl_setup("ovl-whiteout");
    ovl_old_file(L("f"), "lower");
    CHECK_OK(mkdir(L("d"), 0755));
    ovl_write(U("u"), "upper");
    CHECK_OK(ovl_mount_rw());

    struct stat st;
    CHECK_OK(unlink(M("f")));
    CHECK_ERR(stat(M("f"), &st), ENOENT);
    CHECK(ovl_is_whiteout(U("f")));
    ovl_lower_intact("f", "lower");
    CHECK_ERR(unlink(M("f")), ENOENT);

    CHECK_OK(rmdir(M("d")));
    CHECK_ERR(stat(M("d"), &st), ENOENT);
    CHECK(ovl_is_whiteout(U("d")));
    CHECK_OK(stat(L("d"), &st));

    /* An upper-only file goes without a trace. */
    CHECK_OK(unlink(M("u")));
    CHECK_ERR(lstat(U("u"), &st), ENOENT);

    ovl_write(M("f"), "again");
    CHECK(strcmp(ovl_read(M("f")), "again") == 0);
    CHECK_OK(lstat(U("f"), &st));
    CHECK(S_ISREG(st.st_mode));
    ovl_lower_intact("f", "lower");
    return 0;
}
