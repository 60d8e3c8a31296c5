/*
 * services/fs/sys_unlink.c: unlinkat(2), unlink(2) and rmdir(2).  unlink
 * refuses directories (EISDIR); rmdir wants an empty directory (ENOTDIR,
 * ENOTEMPTY), not "." (EINVAL), ".." (ENOTEMPTY), a root or a mount
 * point (EBUSY).  A read-only mount answers EROFS.
 * Both need write and search permission on the parent and, in a sticky
 * directory, to own the entry or the directory (EPERM).  An open file
 * keeps its vnode after the last name goes.
 * Locks: fs_lock from the walk to the removal.
 */
#include <svc/syscall.h>
#include <svc/lib.h>
#include <svc/vfs.h>
#include <uapi/inotify.h>
#include "fs.h"

static int
may_delete_locked(const struct fsctx *c, struct walk *w)
    FW_REQUIRES(&fs_lock)
{
	int err;

	if ((err = vnode_permission(w->dir, c,
	    LINUX_W_OK | LINUX_X_OK)) < 0)
		return err;
	if ((w->dir->mode & LINUX_S_ISVTX) && c->cred.fsuid != 0 &&
	    c->cred.fsuid != w->dir->uid && c->cred.fsuid != w->v->uid)
		return -EPERM;
	return 0;
}

static int
unlink_locked(const struct fsctx *c, struct walk *w) FW_REQUIRES(&fs_lock)
{
	int err;

	if (w->dir != NULL && mount_rdonly(w->dmnt))
		return -EROFS;
	if (w->v == NULL)
		return -ENOENT;
	if (w->dir == NULL || vnode_is(w->v, LINUX_S_IFDIR))
		return -EISDIR;
	if ((err = may_delete_locked(c, w)) < 0)
		return err;
	if (walk_is_mount_root(w))
		return -EBUSY;
	if (w->dir->ops->unlink == NULL)
		return -EPERM;
	if ((err = w->dir->ops->unlink(w->dir, w->name,
	    str_len(w->name))) < 0)
		return err;
	fsnotify_locked(w->dir, w->v, LINUX_IN_DELETE, w->name, 0);
	fsnotify_gone_locked(w->v);
	return 0;
}

/* Whether a directory holds nothing rmdir must keep: 0 or -ENOTEMPTY. */
static int
dir_empty_locked(struct vnode *v) FW_REQUIRES(&fs_lock)
{
	if (v->ops == &ramfs_ops)
		return rdir_empty(v) ? 0 : -ENOTEMPTY;
	return v->ops->empty != NULL ? v->ops->empty(v) : -ENOTEMPTY;
}

static int
rmdir_locked(const struct fsctx *c, struct walk *w) FW_REQUIRES(&fs_lock)
{
	int err;

	if (w->dir == NULL)
		return w->v == NULL ? -ENOENT : -EBUSY;
	if (str_eq(w->name, "."))
		return -EINVAL;
	if (str_eq(w->name, ".."))
		return -ENOTEMPTY;
	if (mount_rdonly(w->dmnt))
		return -EROFS;
	if (w->v == NULL)
		return -ENOENT;
	if (!vnode_is(w->v, LINUX_S_IFDIR))
		return -ENOTDIR;
	if ((err = may_delete_locked(c, w)) < 0)
		return err;
	if (walk_is_mount_root(w) || (w->v == c->root.v &&
	    w->mnt == c->root.mnt))
		return -EBUSY;
	if (w->dir->ops->unlink == NULL)
		return -EPERM;
	if ((err = dir_empty_locked(w->v)) < 0)
		return err;
	if ((err = w->dir->ops->unlink(w->dir, w->name,
	    str_len(w->name))) < 0)
		return err;
	fsnotify_locked(w->dir, w->v, LINUX_IN_DELETE, w->name, 0);
	fsnotify_gone_locked(w->v);
	return 0;
}

/* The act of modify_at(): rmdir with AT_REMOVEDIR, else unlink. */
static int
remove_locked(const struct fsctx *c, struct walk *w, uint64_t flags)
    FW_REQUIRES(&fs_lock)
{
	return (flags & LINUX_AT_REMOVEDIR) ? rmdir_locked(c, w) :
	    unlink_locked(c, w);
}

static long
do_unlinkat(struct proc *p, int dirfd, uint64_t upath, int flags)
{
	if (flags & ~LINUX_AT_REMOVEDIR)
		return -EINVAL;
	return modify_at(p, dirfd, upath, remove_locked, (uint32_t)flags);
}

SYSCALL(unlinkat)
{
	return do_unlinkat(t->proc, (int)a->a[0], a->a[1], (int)a->a[2]);
}

SYSCALL(unlink)
{
	return do_unlinkat(t->proc, LINUX_AT_FDCWD, a->a[0], 0);
}

SYSCALL(rmdir)
{
	return do_unlinkat(t->proc, LINUX_AT_FDCWD, a->a[0],
	    LINUX_AT_REMOVEDIR);
}
