/* A tmpfs mounted on a directory hides what was there, has its own device and a
 * sticky 1777 root; what is made in it goes away with the umount. */
#include "guest.h"
#include <sys/mount.h>

int main(void)
{
    private_mounts();
    const char *dir = tmp_path("mnt-tmpfs");
    CHECK_OK(mkdir(dir, 0755));
    const char *under = tmp_path_in(dir, "under");
    make_file(under, "x", 1);
    struct stat before, root, st;
    CHECK_OK(stat(dir, &before));
    CHECK_OK(mount("none", dir, "tmpfs", 0, NULL));
    CHECK_OK(stat(dir, &root));
    CHECK(root.st_dev != before.st_dev);
    CHECK(root.st_mode == (S_IFDIR | 01777));
    CHECK_ERR(stat(under, &st), ENOENT);
    char path[256];
    snprintf(path, sizeof path, "%s/new", dir);
    make_file(path, "hello", 5);
    CHECK_OK(stat(path, &st));
    CHECK(st.st_dev == root.st_dev && st.st_size == 5);
    CHECK_OK(umount(dir));
    CHECK_ERR(stat(path, &st), ENOENT);
    CHECK_OK(stat(under, &st));
    CHECK(st.st_size == 1);
    return 0;
}
