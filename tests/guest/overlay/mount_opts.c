/* mount -t overlay with lowerdir, upperdir and workdir: /proc/mounts shows the
 * options as given, statfs says OVERLAYFS_SUPER_MAGIC, the root is a directory
 * of the overlay's own device, workdir gets "work" (mode 0); two lowers and no
 * upper make a read-only overlay (EROFS). */
#include "ovl.h"
#include <sys/vfs.h>

int main(void)
{
    ovl_setup("ovl-opts");
    ovl_write(L("f"), "lower");
    CHECK_OK(mkdir(ovl_at(ovl_base, "l2"), 0755));
    struct stat lst, mst, wst;
    CHECK_OK(stat(ovl_lower, &lst));
    CHECK_OK(ovl_mount_rw());
    CHECK_OK(stat(ovl_merged, &mst));
    CHECK(S_ISDIR(mst.st_mode));
    CHECK(mst.st_dev != lst.st_dev);
    CHECK(mst.st_nlink == 1);           /* a merged directory */
    CHECK_OK(stat(ovl_at(ovl_work, "work"), &wst));
    CHECK(wst.st_mode == S_IFDIR);
    struct statfs sf;
    CHECK_OK(statfs(ovl_merged, &sf));
    CHECK(sf.f_type == 0x794c7630);

    char want[1024], line[1024];
    snprintf(want, sizeof want, "overlay %s overlay rw,relatime,lowerdir=%s,upperdir=%s,workdir=%s",
             ovl_merged, ovl_lower, ovl_upper, ovl_work);
    FILE *f = fopen("/proc/self/mounts", "r");
    CHECK(f != NULL);
    bool found = false;
    while (fgets(line, sizeof line, f))
        if (strncmp(line, want, strlen(want)) == 0)
            found = true;
    fclose(f);
    CHECK(found);
    CHECK_OK(umount(ovl_merged));

    /* Two lowers, no upper: read-only, the top layer first. */
    CHECK_OK(mkdir(ovl_at(ovl_base, "l2/sub"), 0755));
    char opts[600];
    snprintf(opts, sizeof opts, "lowerdir=%s:%s", ovl_at(ovl_base, "l2"), ovl_lower);
    CHECK_OK(mount("overlay", ovl_merged, "overlay", 0, opts));
    CHECK(strcmp(ovl_read(M("f")), "lower") == 0);
    struct stat st;
    CHECK_OK(stat(M("sub"), &st));
    CHECK_ERR(open(M("f"), O_WRONLY), EROFS);
    CHECK_ERR(mkdir(M("new"), 0755), EROFS);
    CHECK_ERR(unlink(M("f")), EROFS);
    snprintf(want, sizeof want, "overlay %s overlay ro,relatime,lowerdir=%s,", ovl_merged, opts + 9);
    found = false;
    f = fopen("/proc/self/mounts", "r");
    while (fgets(line, sizeof line, f))
        if (strncmp(line, want, strlen(want)) == 0)
            found = true;
    fclose(f);
    CHECK(found);
    CHECK_OK(umount(ovl_merged));
    return 0;
}
