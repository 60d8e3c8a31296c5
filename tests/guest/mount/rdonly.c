/* A read-only remount refuses writes with EROFS (open for writing, create, mkdir,
 * unlink) while reads go on; a read-only bind leaves the source writable. */
#include "guest.h"
#include <sys/mount.h>

int main(void)
{
    private_mounts();
    const char *dir = tmp_path("mnt-ro");
    const char *view = tmp_path("mnt-roview");
    CHECK_OK(mkdir(dir, 0755));
    CHECK_OK(mkdir(view, 0755));
    CHECK_OK(mount("none", dir, "tmpfs", 0, NULL));
    char f[256], g[256], vf[256];
    snprintf(f, sizeof f, "%s/f", dir);
    snprintf(g, sizeof g, "%s/g", dir);
    snprintf(vf, sizeof vf, "%s/f", view);
    make_file(f, "data", 4);
    CHECK_OK(mount(dir, view, NULL, MS_BIND, NULL));
    CHECK_OK(mount(NULL, view, NULL, MS_REMOUNT | MS_BIND | MS_RDONLY, NULL));
    CHECK_ERR(open(vf, O_WRONLY), EROFS);
    int fd = open(f, O_WRONLY);
    CHECK(fd >= 0);
    CHECK_OK(close(fd));
    CHECK_OK(umount(view));
    CHECK_OK(mount(NULL, dir, NULL, MS_REMOUNT | MS_RDONLY, NULL));
    CHECK_ERR(open(f, O_WRONLY), EROFS);
    CHECK_ERR(open(f, O_RDONLY | O_TRUNC), EROFS);
    CHECK_ERR(open(g, O_WRONLY | O_CREAT, 0644), EROFS);
    CHECK_ERR(mkdir(g, 0755), EROFS);
    CHECK_ERR(unlink(f), EROFS);
    fd = open(f, O_RDONLY);
    char buf[8];
    CHECK(fd >= 0 && read(fd, buf, sizeof buf) == 4);
    CHECK_OK(close(fd));
    CHECK_OK(mount(NULL, dir, NULL, MS_REMOUNT, NULL));
    CHECK_OK(unlink(f));
    CHECK_OK(umount(dir));
    return 0;
}
