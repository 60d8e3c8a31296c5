/* MS_MOVE takes a mount from one place to another; a source that is not a mount
 * point is EINVAL, and the old place no longer is one. */
#include "guest.h"
#include <sys/mount.h>

int main(void)
{
    private_mounts();
    const char *a = tmp_path("mnt-mva");
    const char *b = tmp_path("mnt-mvb");
    CHECK_OK(mkdir(a, 0755));
    CHECK_OK(mkdir(b, 0755));
    CHECK_ERR(mount(a, b, NULL, MS_MOVE, NULL), EINVAL);
    CHECK_OK(mount("none", a, "tmpfs", 0, NULL));
    char fa[256], fb[256];
    snprintf(fa, sizeof fa, "%s/f", a);
    snprintf(fb, sizeof fb, "%s/f", b);
    make_file(fa, "m", 1);
    CHECK_OK(mount(a, b, NULL, MS_MOVE, NULL));
    struct stat st;
    CHECK_ERR(stat(fa, &st), ENOENT);
    CHECK_OK(stat(fb, &st));
    CHECK_ERR(umount(a), EINVAL);
    CHECK_OK(umount(b));
    return 0;
}
