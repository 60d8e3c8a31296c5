/* MS_BIND shows a directory (or a file) in a second place: the same objects, the
 * same device, changes seen through both; the bind's umount leaves the source. */
#include "guest.h"
#include <sys/mount.h>

int main(void)
{
    private_mounts();
    const char *src = tmp_path("mnt-bsrc");
    const char *dst = tmp_path("mnt-bdst");
    CHECK_OK(mkdir(src, 0755));
    CHECK_OK(mkdir(dst, 0755));
    const char *in_src = tmp_path_in(src, "f");   /* removed at exit, before src */
    char in_dst[256];
    snprintf(in_dst, sizeof in_dst, "%s/f", dst);
    make_file(in_src, "abc", 3);
    CHECK_OK(mount(src, dst, NULL, MS_BIND, NULL));
    struct stat s1, s2;
    CHECK_OK(stat(in_src, &s1));
    CHECK_OK(stat(in_dst, &s2));
    CHECK(s1.st_ino == s2.st_ino && s1.st_dev == s2.st_dev);
    char other[256];
    snprintf(other, sizeof other, "%s/g", dst);
    make_file(other, "x", 1);
    snprintf(other, sizeof other, "%s/g", src);
    CHECK_OK(stat(other, &s1));
    CHECK_OK(unlink(other));
    /* A file onto a file. */
    const char *file = tmp_path("mnt-bfile");
    make_file(file, "zz", 2);
    CHECK_OK(mount(in_src, file, NULL, MS_BIND, NULL));
    CHECK_OK(stat(file, &s2));
    CHECK(s2.st_size == 3);
    CHECK_ERR(mount(src, file, NULL, MS_BIND, NULL), ENOTDIR);
    CHECK_OK(umount(file));
    CHECK_OK(umount(dst));
    CHECK_ERR(stat(in_dst, &s2), ENOENT);
    return 0;
}
