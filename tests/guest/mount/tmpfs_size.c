/* tmpfs's size= limit: a 64 KiB tmpfs takes 16 pages, a write past that is short and
 * the next is ENOSPC; freeing a file gives the space back.  Bad options are EINVAL. */
#include "guest.h"
#include <sys/mount.h>

int main(void)
{
    private_mounts();
    const char *dir = tmp_path("mnt-size");
    CHECK_OK(mkdir(dir, 0755));
    CHECK_ERR(mount("none", dir, "tmpfs", 0, "size=12q"), EINVAL);
    CHECK_ERR(mount("none", dir, "tmpfs", 0, "bogus=1"), EINVAL);
    CHECK_OK(mount("none", dir, "tmpfs", 0, "size=64k,mode=0700"));
    struct stat st;
    CHECK_OK(stat(dir, &st));
    CHECK((st.st_mode & 07777) == 0700);
    char path[256];
    snprintf(path, sizeof path, "%s/big", dir);
    int fd = open(path, O_WRONLY | O_CREAT, 0644);
    CHECK(fd >= 0);
    static char buf[100000];
    memset(buf, 'a', sizeof buf);
    CHECK(write(fd, buf, sizeof buf) == 65536);
    CHECK_ERR(write(fd, buf, 1), ENOSPC);
    CHECK_OK(close(fd));
    CHECK_OK(unlink(path));
    fd = open(path, O_WRONLY | O_CREAT, 0644);
    CHECK(fd >= 0);
    CHECK(write(fd, buf, 4096) == 4096);
    CHECK_OK(close(fd));
    CHECK_OK(umount(dir));
    return 0;
}
