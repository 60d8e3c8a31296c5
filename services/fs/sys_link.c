/*
 * services/fs/sys_link.c: linkat(2), link(2), symlinkat(2), symlink(2).
 * The new name is found as filename_create() finds it: ".", ".." or "/"
 * and any existing entry (a dangling symlink too) are EEXIST, a missing
 * one with a trailing '/' ENOENT, and the parent needs write and search
 * permission (EACCES).  linkat follows a final symlink of the old path
 * only with AT_SYMLINK_FOLLOW, and takes "" for the descriptor itself
 * with AT_EMPTY_PATH (an O_TMPFILE file gets its name so, unless made
 * with O_EXCL; any other unlinked file is ENOENT).  Directories cannot
 * be linked (EPERM), and with fs.protected_hardlinks (1 on Linux
 * distributions) neither can, by anyone but their owner, files that are
 * not regular, set-user-ID, set-group-ID and executable, or not both
 * readable and writable by the caller (may_linkat()).  A symlink's target
 * must not be empty (ENOENT).
 * Locks: fs_lock from the walks to the new entry.
 */
#include <fw/timer.h>
#include <svc/lib.h>
#include <svc/syscall.h>
#include <svc/vfs.h>
#include <uapi/inotify.h>
#include "fs.h"
#include "overlay.h"
#include "vext.h"

/*
 * filename_create(): walks path (trailing slashes taken off) for a new
 * name; 0 with w->dir set and w->v NULL, or -errno.  Permission is
 * may_create_locked()'s, later.
 */
static int
create_walk_locked(const struct fsctx *c, const struct vpath *start, char *path,
    struct walk *w) FW_REQUIRES(&fs_lock)
{
	size_t len = str_len(path);
	bool slash = len > 1 && path[len - 1] == '/';
	int err;

	while (len > 1 && path[len - 1] == '/')
		path[--len] = '\0';
	if ((err = walk_path_locked(c, start, path, 0, w)) < 0)
		return err;
	if (w->dir == NULL || str_eq(w->name, ".") || str_eq(w->name, "..") ||
	    w->v != NULL)
		return -EEXIST;
	return slash ? -ENOENT : 0;
}

/* may_create(): write and search permission on the parent. */
static int
may_create_locked(const struct fsctx *c, struct walk *w)
    FW_REQUIRES(&fs_lock)
{
	return vnode_permission(w->dir, c, LINUX_W_OK | LINUX_X_OK);
}

/* may_linkat() with fs.protected_hardlinks = 1. */
static int
may_linkat_locked(const struct fsctx *c, const struct vnode *v)
    FW_REQUIRES(&fs_lock)
{
	uint32_t m = v->mode;

	if (c->cred.fsuid == 0 || c->cred.fsuid == v->uid)
		return 0;
	if (vnode_is(v, LINUX_S_IFREG) && !(m & LINUX_S_ISUID) &&
	    (m & (LINUX_S_ISGID | 0010)) != (LINUX_S_ISGID | 0010) &&
	    vnode_permission(v, c, LINUX_R_OK | LINUX_W_OK) == 0)
		return 0;
	return -EPERM;
}

static int
link_locked(const struct fsctx *c, struct walk *ow,
    const struct vpath *start, char *path) FW_REQUIRES(&fs_lock)
{
	struct vnode *v = ow->v;
	struct vnode_ext *e = vext_peek(v);
	struct walk w;
	int err;

	if ((err = create_walk_locked(c, start, path, &w)) < 0)
		goto out;
	if (w.dmnt != ow->mnt) {
		err = -EXDEV;		/* links stay within one mount */
		goto out;
	}
	if (mount_rdonly(w.dmnt)) {
		err = -EROFS;
		goto out;
	}
	if ((err = may_linkat_locked(c, v)) < 0 ||
	    (err = may_create_locked(c, &w)) < 0)
		goto out;
	if (w.dir->ops->link == NULL || vnode_is(v, LINUX_S_IFDIR)) {
		err = -EPERM;
		goto out;
	}
	if (v->nlink == 0 && (e == NULL || !e->linkable)) {
		err = -ENOENT;
		goto out;
	}
	if (ovl_mount(w.dmnt)) {	/* the source is copied up first */
		struct vnode *shown;

		err = ovl_copy_up_locked(ow->mnt, ow->dir, ow->name, &ow->v,
		    &shown);
		vnode_unref(shown);
		if (err < 0)
			goto out;
		v = ow->v;
		e = vext_peek(v);
	}
	if ((err = w.dir->ops->link(w.dir, w.name, str_len(w.name), v)) < 0)
		goto out;
	v->ctime = w.dir->mtime;
	fsnotify_locked(w.dir, v, LINUX_IN_CREATE, w.name, 0);
	if (e != NULL)
		e->linkable = false;
out:
	walk_done(&w);
	return err;
}

static long
do_linkat(struct proc *p, int odfd, uint64_t uold, int ndfd, uint64_t unew,
    int flags)
{
	struct vpath start = { 0 };
	char *old, *new = NULL;
	struct fsctx c;
	struct walk ow;
	int err;

	if (flags & ~(LINUX_AT_SYMLINK_FOLLOW | LINUX_AT_EMPTY_PATH))
		return -EINVAL;
	if ((err = path_get(p->vm, uold, &old)) < 0)
		return err;
	fsctx_get(p, &c);
	err = lookup_at(&c, odfd, old, flags & LINUX_AT_EMPTY_PATH,
	    (flags & LINUX_AT_SYMLINK_FOLLOW) ? WALK_FOLLOW : 0, &ow);
	if (err < 0)
		goto out;
	if ((err = path_get(p->vm, unew, &new)) < 0 ||
	    (err = new[0] == '\0' ? -ENOENT :
	    dirfd_start(&c, ndfd, new, &start)) < 0)
		goto out_walk;
	fw_mutex_lock(&fs_lock);
	err = link_locked(&c, &ow, &start, new);
	fw_mutex_unlock(&fs_lock);
	vpath_drop(&start);
out_walk:
	walk_done(&ow);
	if (new != NULL)
		path_put(new);
out:
	fsctx_put(&c);
	path_put(old);
	return err;
}

SYSCALL(linkat)
{
	return do_linkat(t->proc, (int)a->a[0], a->a[1], (int)a->a[2],
	    a->a[3], (int)a->a[4]);
}

SYSCALL(link)
{
	return do_linkat(t->proc, LINUX_AT_FDCWD, a->a[0], LINUX_AT_FDCWD,
	    a->a[1], 0);
}

static int
symlink_locked(const struct fsctx *c, const char *target,
    const struct vpath *start, char *path) FW_REQUIRES(&fs_lock)
{
	struct vnode *v;
	struct walk w;
	int err;

	if ((err = create_walk_locked(c, start, path, &w)) == 0 &&
	    mount_rdonly(w.dmnt))
		err = -EROFS;
	if (err == 0 && (err = may_create_locked(c, &w)) == 0 &&
	    (err = w.dir->ops->create(w.dir, w.name, str_len(w.name),
	    LINUX_S_IFLNK | 0777, target, &v)) == 0) {
		v->uid = c->cred.fsuid;
		v->gid = (w.dir->mode & LINUX_S_ISGID) ? w.dir->gid :
		    c->cred.fsgid;
		fsnotify_locked(w.dir, v, LINUX_IN_CREATE, w.name, 0);
		vnode_unref(v);
	}
	walk_done(&w);
	return err;
}

static long
do_symlinkat(struct proc *p, uint64_t utarget, int ndfd, uint64_t unew)
{
	struct vpath start;
	char *target, *new;
	struct fsctx c;
	int err;

	if ((err = path_get(p->vm, utarget, &target)) < 0)
		return err;
	if ((err = path_get(p->vm, unew, &new)) < 0) {
		path_put(target);
		return err;
	}
	fsctx_get(p, &c);
	if (target[0] == '\0' || new[0] == '\0')
		err = -ENOENT;
	else if ((err = dirfd_start(&c, ndfd, new, &start)) == 0) {
		fw_mutex_lock(&fs_lock);
		err = symlink_locked(&c, target, &start, new);
		fw_mutex_unlock(&fs_lock);
		vpath_drop(&start);
	}
	fsctx_put(&c);
	path_put(new);
	path_put(target);
	return err;
}

SYSCALL(symlinkat)
{
	return do_symlinkat(t->proc, a->a[0], (int)a->a[1], a->a[2]);
}

SYSCALL(symlink)
{
	return do_symlinkat(t->proc, a->a[0], LINUX_AT_FDCWD, a->a[1]);
}
