/*
 * services/fs/vnode.c: vnodes, the in-memory inodes every file system
 * hands the VFS: allocation, counting, permissions (as Linux's
 * generic_permission()) and stat.
 *
 * Locks: nref is atomic; the attributes are [F] (fs.h).  The last
 * vnode_unref() frees without a lock: nothing else can reach the vnode.
 */
#include <fw/alloc.h>
#include <fw/timer.h>
#include "fs.h"
#include "overlay.h"
#include "vext.h"

static atomic_uint_fast64_t next_ino = 1;

/* A vnode with one reference, times set to now, owned by root. */
int
vnode_alloc(const struct vnode_ops *ops, uint32_t mode, struct vnode **out)
{
	struct vnode *v;
	uint64_t now;

	if ((v = fw_zalloc(1, sizeof(*v))) == NULL)
		return -ENOMEM;
	atomic_init(&v->nref, 1);
	v->ops = ops;
	v->ino = atomic_fetch_add(&next_ino, 1);
	v->mode = mode;
	v->nlink = 1;
	now = fw_clock_realtime();
	v->atime = v->mtime = v->ctime = v->btime = now;
	atomic_init(&v->ext, NULL);
	*out = v;
	return 0;
}

struct vnode *
vnode_ref(struct vnode *v)
{
	atomic_fetch_add(&v->nref, 1);
	return v;
}

void
vnode_unref(struct vnode *v)
{
	if (v == NULL)
		return;
	if (atomic_fetch_sub(&v->nref, 1) != 1)
		return;
	if (v->ops != NULL && v->ops->release != NULL)
		v->ops->release(v);
	vext_free(v);
	fw_free(v);
}

bool
vnode_is(const struct vnode *v, uint32_t type)
{
	return (v->mode & LINUX_S_IFMT) == type;
}

/*
 * generic_permission(): the owner's, group's or others' bits; uid 0 may
 * read and write anything, and search directories, but executes a file
 * only when some x bit is set.  No supplementary groups yet.
 */
int
vnode_permission(const struct vnode *v, const struct fsctx *c, int mask)
{
	const struct cred *cr = &c->cred;
	uint32_t bits;

	mask &= LINUX_R_OK | LINUX_W_OK | LINUX_X_OK;
	if (cr->fsuid == 0) {
		if (!(mask & LINUX_X_OK) || vnode_is(v, LINUX_S_IFDIR) ||
		    (v->mode & 0111) != 0)
			return 0;
		return -EACCES;
	}
	if (cr->fsuid == v->uid)
		bits = (v->mode >> 6) & 7;
	else if (fsctx_in_group(c, v->gid))
		bits = (v->mode >> 3) & 7;
	else
		bits = v->mode & 7;
	return ((uint32_t)mask & ~bits) == 0 ? 0 : -EACCES;
}

void
vnode_stat_locked(const struct vnode *v, struct linux_stat *st)
{
	memset(st, 0, sizeof(*st));
	st->st_dev = v->sb != NULL ? linux_makedev(0, v->sb->dev) : 0;
	st->st_ino = v->ino;
	st->st_nlink = v->nlink;
	st->st_mode = v->mode;
	st->st_uid = v->uid;
	st->st_gid = v->gid;
	if (vnode_is(v, LINUX_S_IFCHR) || vnode_is(v, LINUX_S_IFBLK))
		st->st_rdev = linux_makedev(v->rmajor, v->rminor);
	st->st_size = (int64_t)v->size;
	st->st_blksize = (int64_t)FW_PAGE_SIZE;
	st->st_blocks = (int64_t)vnode_blocks(v);
	st->st_atime_sec = v->atime / 1000000000u;
	st->st_atime_nsec = v->atime % 1000000000u;
	st->st_mtime_sec = v->mtime / 1000000000u;
	st->st_mtime_nsec = v->mtime % 1000000000u;
	st->st_ctime_sec = v->ctime / 1000000000u;
	st->st_ctime_nsec = v->ctime % 1000000000u;
}

/*
 * 512-byte blocks held, as tmpfs counts them: a regular file's frames, a
 * page for a symlink too long to keep in the inode, nothing else.
 */
uint64_t
vnode_blocks(const struct vnode *v)
{
	if (v->p9 != NULL)
		return p9fs_blocks(v);
	if (ovl_is_dir(v))			/* what the shown layer says */
		return vnode_blocks(v->u.ovl->upper != NULL ?
		    v->u.ovl->upper : v->u.ovl->lower[0]);
	if (vnode_is(v, LINUX_S_IFREG))
		return v->u.reg.npages * (FW_PAGE_SIZE / 512);
	if (vnode_is(v, LINUX_S_IFLNK) && v->size >= 128)
		return FW_PAGE_SIZE / 512;
	return 0;
}

/* Marks an access (atime) or a modification (mtime and ctime). */
void
vnode_touch_locked(struct vnode *v, bool modify)
{
	uint64_t now = fw_clock_realtime();

	if (modify)
		v->mtime = v->ctime = now;
	else
		v->atime = now;
}

uint8_t
vnode_dtype(const struct vnode *v)
{
	switch (v->mode & LINUX_S_IFMT) {
	case LINUX_S_IFDIR:	return LINUX_DT_DIR;
	case LINUX_S_IFREG:	return LINUX_DT_REG;
	case LINUX_S_IFLNK:	return LINUX_DT_LNK;
	case LINUX_S_IFCHR:	return LINUX_DT_CHR;
	case LINUX_S_IFBLK:	return LINUX_DT_BLK;
	case LINUX_S_IFIFO:	return LINUX_DT_FIFO;
	case LINUX_S_IFSOCK:	return LINUX_DT_SOCK;
	default:		return LINUX_DT_UNKNOWN;
	}
}

/* One linux_dirent64 into buf at off: its length, or 0 if it does not fit. */
size_t
dirent_put(void *buf, size_t len, size_t off, uint64_t ino, int64_t next,
    uint8_t type, const char *name, size_t nlen)
{
	size_t reclen = (offsetof(struct linux_dirent64, d_name) + nlen + 1 +
	    7) & ~(size_t)7;
	struct linux_dirent64 h;
	uint8_t *p = buf;

	if (reclen > len - off)
		return 0;
	h.d_ino = ino;
	h.d_off = next;
	h.d_reclen = (uint16_t)reclen;
	h.d_type = type;
	memset(p + off, 0, reclen);
	memcpy(p + off, &h, offsetof(struct linux_dirent64, d_name));
	memcpy(p + off + offsetof(struct linux_dirent64, d_name), name, nlen);
	return reclen;
}
