/* mount's errors: ENODEV for an unknown file-system type, ENOENT for a missing target,
 * ENOTDIR for a new mount on a regular file, EINVAL for a remount of a directory that
 * is not a mount point. */
#include "guest.h"
#include <sys/mount.h>

int main(void)
{
    private_mounts();
    const char *dir = tmp_path("mnt-err");
    CHECK_OK(mkdir(dir, 0755));
    const char *file = tmp_path("mnt-err-file");
    make_file(file, "x", 1);
    CHECK_ERR(mount("none", dir, "no-such-fs", 0, NULL), ENODEV);
    CHECK_ERR(mount("none", "/nonexistent-trellis", "tmpfs", 0, NULL), ENOENT);
    CHECK_ERR(mount("none", file, "tmpfs", 0, NULL), ENOTDIR);
    CHECK_ERR(mount(NULL, dir, NULL, MS_REMOUNT | MS_RDONLY, NULL), EINVAL);
    CHECK_ERR(mount(BAD_PTR, dir, "tmpfs", 0, NULL), EFAULT);
    return 0;
}
