/* Shared set-up of the overlay tests: a tmpfs scratch directory holding
 * lower/, upper/, work/ and merged/, unmounted at exit (the overlay
 * first).  ovl_at() names a path under one of them. */
#ifndef OVL_H
#define OVL_H
#include "guest.h"
#include <stdbool.h>
#include <sys/mount.h>
#include <sys/xattr.h>
#include <dirent.h>
#include <sys/stat.h>

static char ovl_base[128], ovl_lower[192], ovl_upper[192], ovl_work[192], ovl_merged[192];

static void ovl_umount(void)
{
    umount2(ovl_merged, MNT_DETACH);
    umount2(ovl_base, MNT_DETACH);
}

static inline void ovl_setup(const char *tag)
{
    private_mounts();
    snprintf(ovl_base, sizeof ovl_base, "%s", tmp_path(tag));
    CHECK_OK(mkdir(ovl_base, 0755));
    CHECK_OK(mount("none", ovl_base, "tmpfs", 0, NULL));
    atexit(ovl_umount);
    snprintf(ovl_lower, sizeof ovl_lower, "%s/lower", ovl_base);
    snprintf(ovl_upper, sizeof ovl_upper, "%s/upper", ovl_base);
    snprintf(ovl_work, sizeof ovl_work, "%s/work", ovl_base);
    snprintf(ovl_merged, sizeof ovl_merged, "%s/merged", ovl_base);
    CHECK_OK(mkdir(ovl_lower, 0755));
    CHECK_OK(mkdir(ovl_upper, 0755));
    CHECK_OK(mkdir(ovl_work, 0755));
    CHECK_OK(mkdir(ovl_merged, 0755));
}

static inline int ovl_mount_rw(void)
{
    char opts[700];
    snprintf(opts, sizeof opts, "lowerdir=%s,upperdir=%s,workdir=%s", ovl_lower, ovl_upper,
             ovl_work);
    return mount("overlay", ovl_merged, "overlay", 0, opts);
}

/* "<root>/<rel>" in one of eight rotating buffers. */
static inline const char *ovl_at(const char *root, const char *rel)
{
    static char bufs[8][320];
    static int next;
    char *b = bufs[next++ % 8];
    snprintf(b, sizeof bufs[0], "%s/%s", root, rel);
    return b;
}
#define L(rel) ovl_at(ovl_lower, rel)
#define U(rel) ovl_at(ovl_upper, rel)
#define M(rel) ovl_at(ovl_merged, rel)

/* The whole contents of a small file, NUL-terminated, in a static buffer. */
static inline const char *ovl_read(const char *path)
{
    static char buf[4096];
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        FAIL("open(%s): %s", path, strerror(errno));
    ssize_t n = read(fd, buf, sizeof buf - 1);
    close(fd);
    if (n < 0)
        FAIL("read(%s): %s", path, strerror(errno));
    buf[n] = '\0';
    return buf;
}

static inline void ovl_write(const char *path, const char *s)
{
    make_file(path, s, strlen(s));
}

/* A file with a fixed old mtime, so a change would show. */
static inline void ovl_old_file(const char *path, const char *s)
{
    ovl_write(path, s);
    struct timespec ts[2] = {{1000000000, 0}, {1000000000, 0}};
    CHECK_OK(utimensat(AT_FDCWD, path, ts, AT_SYMLINK_NOFOLLOW));
}

/* The lower file still holds s, with the old mtime. */
static inline void ovl_lower_intact(const char *rel, const char *s)
{
    struct stat st;
    CHECK_OK(lstat(L(rel), &st));
    CHECK(st.st_mtime == 1000000000);
    CHECK(strcmp(ovl_read(L(rel)), s) == 0);
}

static inline bool ovl_is_whiteout(const char *path)
{
    struct stat st;
    return lstat(path, &st) == 0 && S_ISCHR(st.st_mode) && st.st_rdev == 0;
}
#endif
