/* setxattr and removexattr on a read-only mount answer EROFS (mnt_want_write()
 * comes before the name's checks); getxattr still reads.  Regression: Trellis
 * let xattrs change through a read-only mount. */
#include "guest.h"
#include <sys/mount.h>
#include <sys/xattr.h>

int main(void)
{
    private_mounts();
    const char *dir = tmp_path("xattr-ro");
    CHECK_OK(mkdir(dir, 0755));
    CHECK_OK(mount("none", dir, "tmpfs", 0, NULL));
    char f[256];
    snprintf(f, sizeof f, "%s/f", dir);
    make_file(f, "data", 4);
    CHECK_OK(setxattr(f, "trusted.a", "1", 1, 0));
    CHECK_OK(mount(NULL, dir, NULL, MS_REMOUNT | MS_RDONLY, NULL));
    CHECK_ERR(setxattr(f, "trusted.b", "2", 1, 0), EROFS);
    CHECK_ERR(setxattr(f, "bogus.b", "2", 1, 0), EROFS);
    CHECK_ERR(removexattr(f, "trusted.a"), EROFS);
    char v[4];
    CHECK(getxattr(f, "trusted.a", v, sizeof v) == 1);
    int fd = open(f, O_RDONLY);
    CHECK(fd >= 0);
    CHECK_ERR(fsetxattr(fd, "trusted.b", "2", 1, 0), EROFS);
    CHECK_OK(close(fd));
    CHECK_OK(umount(dir));
    return 0;
}
