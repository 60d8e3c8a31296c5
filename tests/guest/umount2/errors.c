/* umount2's errors: EINVAL for a directory that is not a mount point and for unknown
 * flags or MNT_EXPIRE with MNT_DETACH, ENOENT for a missing path, EBUSY for a mount
 * point's rmdir, EPERM without privilege. */
#include "guest.h"
#include <sys/mount.h>

static const char *dir;

static void unprivileged(void)
{
    CHECK_OK(setresuid(1000, 1000, 1000));
    CHECK_ERR(umount(dir), EPERM);
    CHECK_ERR(mount("none", dir, "tmpfs", 0, NULL), EPERM);
}

int main(void)
{
    private_mounts();
    dir = tmp_path("mnt-uerr");
    CHECK_OK(mkdir(dir, 0755));
    CHECK_ERR(umount(dir), EINVAL);
    CHECK_ERR(umount("/nonexistent-trellis"), ENOENT);
    CHECK_OK(mount("none", dir, "tmpfs", 0, NULL));
    CHECK_ERR(umount2(dir, 0x100), EINVAL);
    CHECK_ERR(umount2(dir, MNT_EXPIRE | MNT_DETACH), EINVAL);
    CHECK_ERR(rmdir(dir), EBUSY);
    run_in_child(unprivileged);
    CHECK_OK(umount(dir));
    CHECK_ERR(umount(dir), EINVAL);
    return 0;
}
