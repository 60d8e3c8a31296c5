/*
 * services/fs/sys_mkdir.c: mkdirat(2) and mkdir(2).  An existing name
 * (even a dangling symlink, "." or "/") is EEXIST; the parent needs write
 * and search permission.  The mode keeps its permission and sticky bits
 * less the umask; a set-group-ID parent passes on its group and the bit.
 * Locks: fs_lock from the walk to the create.
 */
#include <svc/syscall.h>
#include <svc/lib.h>
#include <svc/vfs.h>
#include <uapi/inotify.h>
#include "fs.h"

static int
mkdir_locked(const struct fsctx *c, struct walk *w, uint64_t arg)
    FW_REQUIRES(&fs_lock)
{
	uint32_t mode = (uint32_t)arg;
	struct vnode *v;
	int err;

	if (w->v != NULL)
		return -EEXIST;
	if (mount_rdonly(w->dmnt))
		return -EROFS;
	if (w->dir->ops->create == NULL)
		return -EPERM;
	if ((err = vnode_permission(w->dir, c,
	    LINUX_W_OK | LINUX_X_OK)) < 0)
		return err;
	mode = (mode & (0777 | LINUX_S_ISVTX)) & ~c->umask;
	if (w->dir->mode & LINUX_S_ISGID)
		mode |= LINUX_S_ISGID;
	if ((err = w->dir->ops->create(w->dir, w->name, str_len(w->name),
	    LINUX_S_IFDIR | mode, NULL, &v)) < 0)
		return err;
	v->uid = c->cred.fsuid;
	v->gid = (w->dir->mode & LINUX_S_ISGID) ? w->dir->gid : c->cred.fsgid;
	if (v->ops->attr_set != NULL)
		v->ops->attr_set(v);		/* overlay: to the upper dir */
	fsnotify_locked(w->dir, v, LINUX_IN_CREATE, w->name, 0);
	vnode_unref(v);
	return 0;
}

SYSCALL(mkdirat)
{
	return modify_at(t->proc, (int)a->a[0], a->a[1], mkdir_locked,
	    (uint32_t)a->a[2]);
}

SYSCALL(mkdir)
{
	return modify_at(t->proc, LINUX_AT_FDCWD, a->a[0], mkdir_locked,
	    (uint32_t)a->a[1]);
}
