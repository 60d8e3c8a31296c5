/*
 * services/fs/sys_cwd.c: getcwd(2), chdir(2) and fchdir(2).  getcwd walks
 * ".." up to the process's root, naming each directory by its entry in
 * its parent; a removed cwd is ENOENT, a buffer too small ERANGE, and the
 * result counts its NUL, as the raw syscall does.  chdir needs a directory
 * (ENOTDIR) with search permission (EACCES).
 * Locks: fs_lock for the walk up; proc->lock to swap p->cwd.
 */
#include <fw/alloc.h>
#include <fw/uaccess.h>
#include <svc/file.h>
#include <svc/syscall.h>
#include <svc/vfs.h>
#include "fs.h"

/* Builds the path of c->cwd at the end of buf: its start, or -errno. */
static long
cwd_path_locked(const struct fsctx *c, char *buf, size_t size)
    FW_REQUIRES(&fs_lock)
{
	struct vnode *v = c->cwd, *up;
	size_t at = size - 1, len;
	const char *name;

	buf[at] = '\0';
	if (v->nlink == 0)
		return -ENOENT;
	while (v != c->root && (up = v->parent) != NULL) {
		if (ramfs_name_of_locked(up, v, &name, &len) < 0)
			return -ENOENT;
		if (len + 1 > at)
			return -ENAMETOOLONG;
		at -= len;
		memcpy(buf + at, name, len);
		buf[--at] = '/';
		v = up;
	}
	if (at == size - 1)
		buf[--at] = '/';
	return (long)at;
}

SYSCALL(getcwd)
{
	struct proc *p = t->proc;
	size_t size = (size_t)a->a[1], len;
	struct fsctx c;
	char *buf;
	long at;

	if ((buf = fw_alloc(LINUX_PATH_MAX)) == NULL)
		return -ENOMEM;
	fsctx_get(p, &c);
	fw_mutex_lock(&fs_lock);
	at = cwd_path_locked(&c, buf, LINUX_PATH_MAX);
	fw_mutex_unlock(&fs_lock);
	fsctx_put(&c);
	if (at >= 0) {
		len = LINUX_PATH_MAX - (size_t)at;	/* with the NUL */
		if (len > size)
			at = -ERANGE;
		else if (fw_copy_to_user(p->vm, fw_uaddr(a->a[0]), buf + at,
		    len) < 0)
			at = -EFAULT;
		else
			at = (long)len;
	}
	fw_free(buf);
	return at;
}

/* Makes v (consumed) p's cwd after the checks. */
static int
set_cwd(struct proc *p, const struct fsctx *c, struct vnode *v)
{
	struct vnode *old;
	int err = 0;

	if (!vnode_is(v, LINUX_S_IFDIR))
		err = -ENOTDIR;
	else
		err = vnode_permission(v, &c->cred, LINUX_X_OK);
	if (err < 0) {
		vnode_unref(v);
		return err;
	}
	fw_mutex_lock(&p->lock);
	old = p->cwd;
	p->cwd = v;
	fw_mutex_unlock(&p->lock);
	vnode_unref(old);
	return 0;
}

SYSCALL(chdir)
{
	struct proc *p = t->proc;
	struct fsctx c;
	struct walk w;
	char *path;
	int err;

	if ((err = path_get(p->vm, a->a[0], &path)) < 0)
		return err;
	fsctx_get(p, &c);
	err = lookup_at(&c, LINUX_AT_FDCWD, path, 0, WALK_FOLLOW, &w);
	if (err == 0) {
		err = set_cwd(p, &c, w.v);
		w.v = NULL;
		walk_done(&w);
	}
	fsctx_put(&c);
	path_put(path);
	return err;
}

SYSCALL(fchdir)
{
	struct proc *p = t->proc;
	struct fsctx c;
	struct file *f;
	int err;

	if ((err = fd_get(p, (int)a->a[0], &f)) < 0)
		return err;
	fsctx_get(p, &c);
	if (f->vnode == NULL)
		err = -ENOTDIR;
	else
		err = set_cwd(p, &c, vnode_ref(f->vnode));
	fsctx_put(&c);
	file_unref(f);
	return err;
}
