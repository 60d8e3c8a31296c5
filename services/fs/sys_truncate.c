/*
 * services/fs/sys_truncate.c: truncate(2), ftruncate(2) and fallocate(2)
 * on the ramfs, as tmpfs answers them.  A negative length is EINVAL;
 * truncate wants a regular file (EISDIR for a directory, EINVAL for the
 * rest) and write permission (EACCES); ftruncate a regular file open for
 * writing (EINVAL), not O_PATH (EBADF).  Both change the mtime and ctime
 * even when the size stays, and drop set-user-ID (and set-group-ID with
 * group execute) unless the caller is CAP_FSETID.  fallocate takes mode
 * 0, FALLOC_FL_KEEP_SIZE and FALLOC_FL_PUNCH_HOLE|FALLOC_FL_KEEP_SIZE;
 * the other modes Linux knows pass vfs_fallocate()'s checks and then are
 * EOPNOTSUPP from tmpfs, as are unknown bits.  Seals are honoured:
 * F_SEAL_SHRINK and F_SEAL_GROW (EPERM) for sizes, F_SEAL_WRITE for holes.
 * Locks: fs_lock for the checks and the change.
 */
#include <svc/file.h>
#include <svc/syscall.h>
#include <svc/vfs.h>
#include "attr.h"
#include "vext.h"

#define FALLOC_FL_WRITE_ZEROES	0x80	/* Linux 6.17 */
#define FALLOC_MODES	(LINUX_FALLOC_FL_PUNCH_HOLE | \
			 LINUX_FALLOC_FL_COLLAPSE_RANGE | \
			 LINUX_FALLOC_FL_ZERO_RANGE | \
			 LINUX_FALLOC_FL_INSERT_RANGE | \
			 LINUX_FALLOC_FL_UNSHARE_RANGE | FALLOC_FL_WRITE_ZEROES)

/* do_truncate(): the new size, privileges dropped; fsuid is the caller's. */
static int
truncate_locked(struct vnode *v, uint64_t len, uint32_t fsuid)
    FW_REQUIRES(&fs_lock)
{
	int err;

	if ((err = seal_check_size_locked(v, len)) < 0)
		return err;
	if ((err = v->ops->truncate(v, len)) < 0)
		return err;
	if (fsuid != 0) {
		if (v->mode & 0010)
			v->mode &= ~(uint32_t)LINUX_S_ISGID;
		v->mode &= ~(uint32_t)LINUX_S_ISUID;
	}
	return 0;
}

/* Pages past the new end leave every mapping: the next touch is SIGBUS. */
void
truncate_unmap(struct vnode *v, uint64_t size)
{
	vnode_unmap_pages(v, fw_page_up(size) >> FW_PAGE_SHIFT, UINT64_MAX);
}

SYSCALL(truncate)
{
	int64_t len = (int64_t)a->a[1];
	struct attr_req r;
	int err;

	if (len < 0)
		return -EINVAL;
	if ((err = attr_at(t->proc, LINUX_AT_FDCWD, a->a[0], 0, &r)) < 0)
		return err;
	fw_mutex_lock(&fs_lock);
	if (vnode_is(r.v, LINUX_S_IFDIR))
		err = -EISDIR;
	else if (r.rdonly)
		err = -EROFS;
	else if (!vnode_is(r.v, LINUX_S_IFREG))
		err = -EINVAL;
	else if ((err = vnode_permission(r.v, &r.c, LINUX_W_OK)) == 0 &&
	    (err = attr_want_write_locked(&r)) == 0 &&	/* copy-up */
	    (err = vnode_get_write(r.v)) == 0) {	/* ETXTBSY */
		err = truncate_locked(r.v, (uint64_t)len, r.c.cred.fsuid);
		vnode_put_write(r.v);
	}
	fw_mutex_unlock(&fs_lock);
	if (err == 0)
		truncate_unmap(r.v, (uint64_t)len);
	attr_done(&r);
	return err;
}

SYSCALL(ftruncate)
{
	int64_t len = (int64_t)a->a[1];
	struct attr_req r;
	struct file *f;
	int err;

	if (len < 0)
		return -EINVAL;
	if ((err = fd_get(t->proc, (int)a->a[0], &f)) < 0)
		return err;
	if (atomic_load(&f->flags) & LINUX_O_PATH)
		err = -EBADF;
	else if (f->vnode == NULL || !vnode_is(f->vnode, LINUX_S_IFREG) ||
	    !file_writable(f))
		err = -EINVAL;
	else if ((err = attr_fd(t->proc, (int)a->a[0], &r)) == 0) {
		fw_mutex_lock(&fs_lock);
		err = truncate_locked(f->vnode, (uint64_t)len,
		    r.c.cred.fsuid);
		fw_mutex_unlock(&fs_lock);
		if (err == 0)
			truncate_unmap(f->vnode, (uint64_t)len);
		attr_done(&r);
	}
	file_unref(f);
	return err;
}

/* vfs_fallocate()'s test of the mode alone. */
static int
falloc_mode_ok(int mode)
{
	bool keep = mode & LINUX_FALLOC_FL_KEEP_SIZE;

	if (mode & ~(FALLOC_MODES | LINUX_FALLOC_FL_KEEP_SIZE))
		return -EOPNOTSUPP;
	switch (mode & FALLOC_MODES) {
	case 0:
	case LINUX_FALLOC_FL_UNSHARE_RANGE:
	case LINUX_FALLOC_FL_ZERO_RANGE:
		return 0;
	case LINUX_FALLOC_FL_PUNCH_HOLE:
		return keep ? 0 : -EOPNOTSUPP;
	case LINUX_FALLOC_FL_COLLAPSE_RANGE:
	case LINUX_FALLOC_FL_INSERT_RANGE:
	case FALLOC_FL_WRITE_ZEROES:
		return keep ? -EOPNOTSUPP : 0;
	default:
		return -EOPNOTSUPP;
	}
}

/* The kind of file f is, for vfs_fallocate()'s ESPIPE/EISDIR/ENODEV. */
static int
falloc_file_ok(struct file *f)
{
	uint32_t type = file_mode(f) & LINUX_S_IFMT;

	if (type == LINUX_S_IFIFO)
		return -ESPIPE;
	if (type == LINUX_S_IFDIR)
		return -EISDIR;
	if (type != LINUX_S_IFREG)
		return -ENODEV;
	return 0;
}

/* shmem_fallocate() on a regular ramfs file. */
static int
falloc_locked(struct vnode *v, int mode, uint64_t off, uint64_t len)
    FW_REQUIRES(&fs_lock)
{
	uint32_t seals = seal_of_locked(v);
	int err;

	if (mode & ~(LINUX_FALLOC_FL_KEEP_SIZE | LINUX_FALLOC_FL_PUNCH_HOLE))
		return -EOPNOTSUPP;
	if (mode & LINUX_FALLOC_FL_PUNCH_HOLE) {
		if (seals & (LINUX_F_SEAL_WRITE | LINUX_F_SEAL_FUTURE_WRITE))
			return -EPERM;
		return ramfs_punch_range(v, off, len);
	}
	if ((seals & LINUX_F_SEAL_GROW) && off + len > v->size)
		return -EPERM;
	if ((err = ramfs_alloc_range(v, off, len)) < 0)
		return err;
	if (!(mode & LINUX_FALLOC_FL_KEEP_SIZE) && off + len > v->size)
		v->size = off + len;
	return 0;
}

/* vfs_fallocate() on f, in its order. */
static int
do_fallocate(struct file *f, int mode, int64_t off, int64_t len)
{
	int err;

	if (atomic_load(&f->flags) & LINUX_O_PATH)
		return -EBADF;
	if (off < 0 || len <= 0)
		return -EINVAL;
	if ((err = falloc_mode_ok(mode)) < 0)
		return err;
	if (!file_writable(f))
		return -EBADF;
	if ((err = falloc_file_ok(f)) < 0)
		return err;
	if (len > INT64_MAX - off || (uint64_t)(off + len) > RAMFS_MAX_SIZE)
		return -EFBIG;
	if (f->vnode == NULL || f->vnode->ops != &ramfs_ops)
		return -EOPNOTSUPP;
	fw_mutex_lock(&fs_lock);
	err = falloc_locked(f->vnode, mode, (uint64_t)off, (uint64_t)len);
	fw_mutex_unlock(&fs_lock);
	/* Whole pages of the hole leave the mappings; the edges were zeroed. */
	if (err == 0 && (mode & LINUX_FALLOC_FL_PUNCH_HOLE))
		vnode_unmap_pages(f->vnode, fw_page_up((uint64_t)off) >>
		    FW_PAGE_SHIFT, (uint64_t)(off + len) >> FW_PAGE_SHIFT);
	return err;
}

SYSCALL(fallocate)
{
	struct file *f;
	int err;

	if ((err = fd_get(t->proc, (int)a->a[0], &f)) < 0)
		return err;
	err = do_fallocate(f, (int)a->a[1], (int64_t)a->a[2],
	    (int64_t)a->a[3]);
	file_unref(f);
	return err;
}
