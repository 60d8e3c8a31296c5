/*
 * services/fs/sys_mknod.c: mknodat(2) and mknod(2).  The type is a regular
 * file (also type 0), a FIFO, a socket, or a character or block device
 * (CAP_MKNOD: fsuid 0 here); a directory is EPERM and anything else
 * EINVAL.  As mkdir: an existing name is EEXIST, the parent needs write
 * and search permission, the permission bits lose the umask, and a
 * set-group-ID parent passes on its group.  A device's number is decoded
 * as Linux's new_decode_dev() does.
 * Locks: fs_lock from the walk to the create.
 */
#include <svc/syscall.h>
#include <svc/lib.h>
#include <svc/vfs.h>
#include <uapi/inotify.h>
#include "fs.h"

/* modify_at()'s argument: the mode in the low half, dev in the high. */
#define MKNOD_ARG(mode, dev)	((uint64_t)(uint32_t)(dev) << 32 | \
				    (uint32_t)(mode))

static int
mknod_type(uint32_t mode, const struct fsctx *c)
{
	switch (mode & LINUX_S_IFMT) {
	case 0:
	case LINUX_S_IFREG:
	case LINUX_S_IFIFO:
	case LINUX_S_IFSOCK:
		return 0;
	case LINUX_S_IFCHR:
	case LINUX_S_IFBLK:
		return c->cred.fsuid == 0 ? 0 : -EPERM;	/* CAP_MKNOD */
	case LINUX_S_IFDIR:
		return -EPERM;
	default:
		return -EINVAL;
	}
}

static int
mknod_locked(const struct fsctx *c, struct walk *w, uint64_t arg)
    FW_REQUIRES(&fs_lock)
{
	uint32_t mode = (uint32_t)arg, dev = (uint32_t)(arg >> 32);
	struct vnode *v;
	int err;

	if ((err = mknod_type(mode, c)) < 0)
		return err;
	if ((mode & LINUX_S_IFMT) == 0)
		mode |= LINUX_S_IFREG;
	if (w->v != NULL)
		return -EEXIST;
	if (mount_rdonly(w->dmnt))
		return -EROFS;
	if ((err = vnode_permission(w->dir, c,
	    LINUX_W_OK | LINUX_X_OK)) < 0)
		return err;
	mode = (mode & LINUX_S_IFMT) | ((mode & 07777) & ~c->umask);
	if ((err = w->dir->ops->create(w->dir, w->name, str_len(w->name),
	    mode, NULL, &v)) < 0)
		return err;
	if (vnode_is(v, LINUX_S_IFCHR) || vnode_is(v, LINUX_S_IFBLK)) {
		v->rmajor = (dev & 0xfff00) >> 8;
		v->rminor = (dev & 0xff) | ((dev >> 12) & 0xfff00);
	}
	v->uid = c->cred.fsuid;
	v->gid = (w->dir->mode & LINUX_S_ISGID) ? w->dir->gid : c->cred.fsgid;
	if (v->ops->attr_set != NULL)
		v->ops->attr_set(v);		/* overlay: to the upper copy */
	fsnotify_locked(w->dir, v, LINUX_IN_CREATE, w->name, 0);
	vnode_unref(v);
	return 0;
}

SYSCALL(mknodat)
{
	return modify_at(t->proc, (int)a->a[0], a->a[1], mknod_locked,
	    MKNOD_ARG(a->a[2], a->a[3]));
}

SYSCALL(mknod)
{
	return modify_at(t->proc, LINUX_AT_FDCWD, a->a[0], mknod_locked,
	    MKNOD_ARG(a->a[1], a->a[2]));
}
