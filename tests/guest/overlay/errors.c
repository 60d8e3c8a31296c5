/* mount(2)'s and rmdir(2)'s errors on overlays, as Linux gives them: no
 * lowerdir, upperdir without workdir, one lower and no upper, an unknown
 * option, a file for a directory: EINVAL; a missing one ENOENT; rmdir of a
 * merged directory with a lower entry left ENOTEMPTY. */
#include "ovl.h"

static int try(const char *fmt, const char *a, const char *b)
{
    char opts[700];
    snprintf(opts, sizeof opts, fmt, a, b);
    return mount("overlay", ovl_merged, "overlay", 0, opts);
}

int main(void)
{
    ovl_setup("ovl-errors");
    ovl_write(L("file"), "f");
    CHECK_ERR(mount("overlay", ovl_merged, "overlay", 0, NULL), EINVAL);
    CHECK_ERR(try("upperdir=%s,workdir=%s", ovl_upper, ovl_work), EINVAL);
    CHECK_ERR(try("lowerdir=%s,upperdir=%s", ovl_lower, ovl_upper), EINVAL);
    CHECK_ERR(try("lowerdir=%s", ovl_lower, NULL), EINVAL);
    CHECK_ERR(try("lowerdir=%s,bogus=%s", ovl_lower, "1"), EINVAL);
    CHECK_ERR(try("lowerdir=%s/none,upperdir=%s", ovl_lower, ovl_upper), ENOENT);
    CHECK_ERR(try("lowerdir=%s/file:%s", ovl_lower, ovl_upper), EINVAL);

    CHECK_OK(mkdir(L("d"), 0755));
    ovl_write(L("d/x"), "x");
    ovl_write(L("d/y"), "y");
    CHECK_OK(ovl_mount_rw());
    CHECK_ERR(rmdir(M("d")), ENOTEMPTY);
    CHECK_OK(unlink(M("d/x")));
    CHECK_ERR(rmdir(M("d")), ENOTEMPTY);
    CHECK_OK(unlink(M("d/y")));
    CHECK_OK(rmdir(M("d")));            /* only whiteouts were left */
    struct stat st;
    CHECK_ERR(stat(M("d"), &st), ENOENT);
    CHECK_OK(stat(L("d/x"), &st));
    CHECK_ERR(unlink(M("nothing")), ENOENT);
    CHECK_ERR(mkdir(M("file"), 0755), EEXIST);
    return 0;
}
