/*
 * services/fs/sys_statx.c: statx(2) as tmpfs fills it: the basic stats
 * (the mtime and ctime only when asked for, as multigrain timestamps
 * do), the birth time when asked for, and the mount id (STATX_MNT_ID, or
 * STATX_MNT_ID_UNIQUE when asked for); the attributes tmpfs can report
 * (append, immutable, nodump, and automount, DAX, mount root from the
 * VFS), with STATX_ATTR_MOUNT_ROOT set on the root.  Flags beyond
 * AT_SYMLINK_NOFOLLOW, AT_NO_AUTOMOUNT, AT_EMPTY_PATH and one
 * AT_STATX_SYNC_* are EINVAL, as is STATX__RESERVED in the mask; a NULL
 * path with AT_EMPTY_PATH means dirfd, as "" does.
 * Locks: fs_lock while the attributes are copied.
 */
#include <fw/uaccess.h>
#include <svc/file.h>
#include <svc/syscall.h>
#include <svc/vfs.h>
#include <uapi/stat.h>
#include "fs.h"

#define STATX_FLAGS	(LINUX_AT_SYMLINK_NOFOLLOW | LINUX_AT_NO_AUTOMOUNT | \
			 LINUX_AT_EMPTY_PATH | LINUX_AT_STATX_SYNC_TYPE)
#define STATX_MNT_ID_UNIQUE	0x4000U
#define STATX_ATTRS	(LINUX_STATX_ATTR_IMMUTABLE | \
			 LINUX_STATX_ATTR_APPEND | LINUX_STATX_ATTR_NODUMP | \
			 LINUX_STATX_ATTR_AUTOMOUNT | \
			 LINUX_STATX_ATTR_MOUNT_ROOT | LINUX_STATX_ATTR_DAX)
#define RAMFS_MNT_ID		1
#define RAMFS_MNT_ID_UNIQUE	(1ULL << 31)

static void
ts_set(struct linux_statx_timestamp *ts, uint64_t sec, uint64_t nsec)
{
	ts->tv_sec = (int64_t)sec;
	ts->tv_nsec = (uint32_t)nsec;
	ts->reserved = 0;
}

/* cp_statx() of what stat has, for the request mask. */
static void
statx_from_stat(const struct linux_stat *st, uint32_t mask,
    struct linux_statx *x)
{
	memset(x, 0, sizeof(*x));
	x->stx_mask = LINUX_STATX_BASIC_STATS;
	if (!(mask & (LINUX_STATX_MTIME | LINUX_STATX_CTIME)))
		x->stx_mask &= ~(LINUX_STATX_MTIME | LINUX_STATX_CTIME);
	if (mask & STATX_MNT_ID_UNIQUE) {
		x->stx_mask |= STATX_MNT_ID_UNIQUE;
		x->stx_mnt_id = RAMFS_MNT_ID_UNIQUE;
	} else {
		x->stx_mask |= LINUX_STATX_MNT_ID;
		x->stx_mnt_id = RAMFS_MNT_ID;
	}
	x->stx_blksize = (uint32_t)st->st_blksize;
	x->stx_nlink = (uint32_t)st->st_nlink;
	x->stx_uid = st->st_uid;
	x->stx_gid = st->st_gid;
	x->stx_mode = (uint16_t)st->st_mode;
	x->stx_ino = st->st_ino;
	x->stx_size = (uint64_t)st->st_size;
	x->stx_blocks = (uint64_t)st->st_blocks;
	x->stx_attributes_mask = STATX_ATTRS;
	ts_set(&x->stx_atime, st->st_atime_sec, st->st_atime_nsec);
	ts_set(&x->stx_mtime, st->st_mtime_sec, st->st_mtime_nsec);
	ts_set(&x->stx_ctime, st->st_ctime_sec, st->st_ctime_nsec);
	x->stx_rdev_major = (uint32_t)((st->st_rdev >> 8) & 0xfff);
	x->stx_rdev_minor = (uint32_t)((st->st_rdev & 0xff) |
	    ((st->st_rdev >> 12) & ~0xffULL));
	x->stx_dev_major = (uint32_t)((st->st_dev >> 8) & 0xfff);
	x->stx_dev_minor = (uint32_t)((st->st_dev & 0xff) |
	    ((st->st_dev >> 12) & ~0xffULL));
}

/* The root of the ramfs is the one directory without a parent. */
static void
statx_vnode(const struct fsctx *c, struct vnode *v, uint32_t mask,
    struct linux_statx *x)
{
	struct linux_stat st;

	fw_mutex_lock(&fs_lock);
	vnode_stat_locked(v, &st);
	statx_from_stat(&st, mask, x);
	if (mask & LINUX_STATX_BTIME) {
		x->stx_mask |= LINUX_STATX_BTIME;
		ts_set(&x->stx_btime, v->btime / 1000000000u,
		    v->btime % 1000000000u);
	}
	fw_mutex_unlock(&fs_lock);
	if (vnode_is(v, LINUX_S_IFDIR) && v->parent == NULL && v->nlink > 0)
		x->stx_attributes |= LINUX_STATX_ATTR_MOUNT_ROOT;
}

/* "" (or NULL) with AT_EMPTY_PATH: the descriptor itself, any kind. */
static int
statx_fd(struct proc *p, const struct fsctx *c, int fd, uint32_t mask,
    struct linux_statx *x)
{
	struct linux_stat st;
	struct file *f;
	int err;

	if (fd == LINUX_AT_FDCWD) {
		statx_vnode(c, c->cwd.v, mask, x);
		return 0;
	}
	if ((err = fd_get(p, fd, &f)) < 0)
		return err;
	if (f->vnode != NULL) {
		statx_vnode(c, f->vnode, mask, x);
	} else {
		file_stat(f, &st);
		statx_from_stat(&st, mask, x);
	}
	file_unref(f);
	return 0;
}

static int
statx_path(struct proc *p, const struct fsctx *c, int dirfd, char *path,
    int flags, uint32_t mask, struct linux_statx *x)
{
	struct walk w;
	int err;

	if (path[0] == '\0' && (flags & LINUX_AT_EMPTY_PATH))
		return statx_fd(p, c, dirfd, mask, x);
	err = lookup_at(c, dirfd, path, flags,
	    (flags & LINUX_AT_SYMLINK_NOFOLLOW) ? 0 : WALK_FOLLOW, &w);
	if (err < 0)
		return err;
	statx_vnode(c, w.v, mask, x);
	walk_done(&w);
	return 0;
}

SYSCALL(statx)
{
	struct proc *p = t->proc;
	int dirfd = (int)a->a[0], flags = (int)a->a[2], err;
	uint32_t mask = (uint32_t)a->a[3];
	struct linux_statx x;
	struct fsctx c;
	char *path = NULL;

	if ((flags & LINUX_AT_STATX_SYNC_TYPE) == LINUX_AT_STATX_SYNC_TYPE)
		return -EINVAL;
	if ((mask & LINUX_STATX__RESERVED) || (flags & ~STATX_FLAGS))
		return -EINVAL;
	if ((a->a[1] != 0 || !(flags & LINUX_AT_EMPTY_PATH)) &&
	    (err = path_get(p->vm, a->a[1], &path)) < 0)
		return err;
	fsctx_get(p, &c);
	if (path == NULL)
		err = statx_fd(p, &c, dirfd, mask, &x);
	else
		err = statx_path(p, &c, dirfd, path, flags, mask, &x);
	fsctx_put(&c);
	if (path != NULL)
		path_put(path);
	if (err < 0)
		return err;
	return fw_copy_to_user(p->vm, fw_uaddr(a->a[4]), &x, sizeof(x));
}
