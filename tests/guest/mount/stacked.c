/* Mounts stack: a second tmpfs on the same directory covers the first, and its
 * umount shows the first again; ".." out of a mount's root is the directory above
 * the mount point, and getcwd names paths across mounts. */
#include "guest.h"
#include <sys/mount.h>

int main(void)
{
    private_mounts();
    const char *dir = tmp_path("mnt-stack");
    CHECK_OK(mkdir(dir, 0755));
    char a[256], b[256], cwd[512];
    snprintf(a, sizeof a, "%s/a", dir);
    snprintf(b, sizeof b, "%s/b", dir);
    CHECK_OK(mount("one", dir, "tmpfs", 0, NULL));
    make_file(a, "1", 1);
    CHECK_OK(mount("two", dir, "tmpfs", 0, NULL));
    make_file(b, "2", 1);
    struct stat st;
    CHECK_ERR(stat(a, &st), ENOENT);
    CHECK_OK(mkdir(a, 0755));
    CHECK_OK(chdir(a));
    CHECK(getcwd(cwd, sizeof cwd) != NULL && strcmp(cwd, a) == 0);
    struct stat up, parent;
    CHECK_OK(stat("../..", &up));
    CHECK_OK(stat("/tmp", &parent));
    CHECK(up.st_ino == parent.st_ino && up.st_dev == parent.st_dev);
    CHECK_OK(chdir("/"));
    CHECK_OK(umount(dir));
    CHECK_OK(stat(a, &st));
    CHECK(S_ISREG(st.st_mode));
    CHECK_ERR(stat(b, &st), ENOENT);
    CHECK_OK(umount(dir));
    return 0;
}
