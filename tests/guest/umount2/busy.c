/* umount refuses a mount still in use (an open file in it, a cwd in it) with EBUSY;
 * MNT_DETACH takes it away at once and the open file keeps working. */
#include "guest.h"
#include <sys/mount.h>

int main(void)
{
    private_mounts();
    const char *dir = tmp_path("mnt-busy");
    CHECK_OK(mkdir(dir, 0755));
    CHECK_OK(mount("none", dir, "tmpfs", 0, NULL));
    char path[256];
    snprintf(path, sizeof path, "%s/f", dir);
    make_file(path, "data", 4);
    int fd = open(path, O_RDONLY);
    CHECK(fd >= 0);
    CHECK_ERR(umount(dir), EBUSY);
    CHECK_OK(close(fd));
    int cwd = open(".", O_RDONLY | O_DIRECTORY);
    CHECK(cwd >= 0);
    CHECK_OK(chdir(dir));
    CHECK_ERR(umount(dir), EBUSY);
    CHECK_OK(fchdir(cwd));
    fd = open(path, O_RDONLY);
    CHECK(fd >= 0);
    CHECK_OK(umount2(dir, MNT_DETACH));
    struct stat st;
    CHECK_ERR(stat(path, &st), ENOENT);
    char buf[8];
    CHECK(pread(fd, buf, sizeof buf, 0) == 4 && memcmp(buf, "data", 4) == 0);
    CHECK_OK(close(fd));
    return 0;
}
