/*
 * services/fs/sys_cwd.c: getcwd(2), chdir(2) and fchdir(2).  getcwd walks
 * ".." up to the process's root, naming each directory by its entry in
 * its parent; a removed cwd is ENOENT, a buffer too small ERANGE, and the
 * result counts its NUL, as the raw syscall does.  chdir needs a directory
 * (ENOTDIR) with search permission (EACCES).
 * Locks: fs_lock for the walk up; the fs_struct's lock to swap the cwd.
 */
#include <fw/alloc.h>
#include <fw/uaccess.h>
#include <svc/file.h>
#include <svc/syscall.h>
#include <svc/vfs.h>
#include "fs.h"

/*
 * Builds the path of c->cwd at the end of buf: its start, or -errno.  A
 * cwd outside the root gets "(unreachable)" in front, as Linux does.
 */
static long
cwd_path_locked(const struct fsctx *c, char *buf, size_t size)
    FW_REQUIRES(&fs_lock)
{
	static const char unreach[] = "(unreachable)";
	bool reachable;
	long at;

	if (c->cwd.v->nlink == 0)
		return -ENOENT;
	at = vpath_name_locked(&c->root, &c->cwd, buf, size, &reachable);
	if (at < 0 || reachable)
		return at;
	if ((size_t)at < sizeof(unreach) - 1)
		return -ENAMETOOLONG;
	at -= (long)(sizeof(unreach) - 1);
	memcpy(buf + at, unreach, sizeof(unreach) - 1);
	return at;
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
set_cwd(struct proc *p, const struct fsctx *c, struct vpath *v)
{
	struct fs_struct *fs;
	int err = 0;

	if (!vnode_is(v->v, LINUX_S_IFDIR))
		err = -ENOTDIR;
	else
		err = vnode_permission(v->v, c, LINUX_X_OK);
	if (err < 0) {
		vpath_drop(v);
		return err;
	}
	fs = proc_fs(p);
	fs_struct_set_cwd(fs, v);
	fs_struct_unref(fs);
	return 0;
}

int
vfs_chdir(struct proc *p, const char *path)
{
	struct fsctx c;
	struct walk w;
	int err;

	fsctx_get(p, &c);
	err = lookup_at(&c, LINUX_AT_FDCWD, path, 0, WALK_FOLLOW, &w);
	if (err == 0) {
		struct vpath v = { .mnt = w.mnt, .v = w.v };

		w.v = NULL;
		w.mnt = NULL;
		walk_done(&w);
		err = set_cwd(p, &c, &v);
	}
	fsctx_put(&c);
	return err;
}

SYSCALL(chdir)
{
	char *path;
	int err;

	if ((err = path_get(t->proc->vm, a->a[0], &path)) < 0)
		return err;
	err = vfs_chdir(t->proc, path);
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
	if (f->vnode == NULL || f->mnt == NULL)
		err = -ENOTDIR;
	else {
		struct vpath v = { .mnt = mount_ref(f->mnt),
		    .v = vnode_ref(f->vnode) };

		err = set_cwd(p, &c, &v);
	}
	fsctx_put(&c);
	file_unref(f);
	return err;
}
