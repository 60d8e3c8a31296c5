/*
 * services/fs/sys_rename.c: renameat2(2), renameat(2) and rename(2), with
 * do_renameat2()'s and vfs_rename()'s checks in their order: flags
 * (EINVAL; RENAME_WHITEOUT wants CAP_MKNOD, else EPERM), both parents,
 * "." ".." or "/" as either last name (EBUSY; EEXIST for the new one
 * with RENAME_NOREPLACE), the source (ENOENT), trailing slashes on a
 * non-directory (ENOTDIR), a directory into its own subtree (EINVAL), a
 * target above the source (ENOTEMPTY, or EINVAL when exchanging), then
 * nothing at all when both names are one inode, then may_delete() and
 * may_create() on the parents (EACCES, sticky EPERM, EISDIR, ENOTDIR),
 * write permission on a directory that changes parent, and ENOTEMPTY
 * from the ramfs.  A whiteout is tmpfs's: a character device 0:0 left at
 * the old name.
 * Locks: fs_lock from the first walk to the last change.
 */
#include <svc/lib.h>
#include <svc/syscall.h>
#include <svc/vfs.h>
#include <uapi/inotify.h>
#include "fs.h"

#define RENAME_FLAGS	(LINUX_RENAME_NOREPLACE | LINUX_RENAME_EXCHANGE | \
			 LINUX_RENAME_WHITEOUT)

/* One side of a rename: its path and walk. */
struct rename_end {
	char		*path;
	struct vpath	 start;		/* held */
	struct walk	 w;
	bool		 slash;		/* the path ended in '/' */
};

/* Whether a is v or one of v's ancestors (through the parent links). */
static bool
is_ancestor_locked(const struct vnode *a, const struct vnode *v)
    FW_REQUIRES(&fs_lock)
{
	for (; v != NULL; v = v->parent) {
		if (v == a)
			return true;
	}
	return false;
}

/* may_delete(): whether c may remove victim from dir. */
static int
may_delete_locked(const struct fsctx *c, struct vnode *dir,
    struct vnode *victim, bool isdir) FW_REQUIRES(&fs_lock)
{
	int err;

	if ((err = vnode_permission(dir, c,
	    LINUX_W_OK | LINUX_X_OK)) < 0)
		return err;
	if ((dir->mode & LINUX_S_ISVTX) && c->cred.fsuid != 0 &&
	    c->cred.fsuid != dir->uid && c->cred.fsuid != victim->uid)
		return -EPERM;
	if (isdir && !vnode_is(victim, LINUX_S_IFDIR))
		return -ENOTDIR;
	if (!isdir && vnode_is(victim, LINUX_S_IFDIR))
		return -EISDIR;
	return 0;
}

/* The last name is ".", ".." or the root itself. */
static bool
last_special(const struct walk *w)
{
	return w->dir == NULL || str_eq(w->name, ".") || str_eq(w->name, "..");
}

/* do_renameat2()'s checks on the two walks, before vfs_rename(). */
static int
rename_names_locked(struct rename_end *o, struct rename_end *n,
    unsigned int flags) FW_REQUIRES(&fs_lock)
{
	bool exchange = flags & LINUX_RENAME_EXCHANGE;

	if (last_special(&o->w))
		return -EBUSY;
	if (last_special(&n->w))
		return (flags & LINUX_RENAME_NOREPLACE) ? -EEXIST : -EBUSY;
	if (o->w.v == NULL)
		return -ENOENT;
	if ((flags & LINUX_RENAME_NOREPLACE) && n->w.v != NULL)
		return -EEXIST;
	if (exchange && n->w.v == NULL)
		return -ENOENT;
	if (exchange && n->slash && !vnode_is(n->w.v, LINUX_S_IFDIR))
		return -ENOTDIR;
	if (!vnode_is(o->w.v, LINUX_S_IFDIR) && (o->slash ||
	    (!exchange && n->slash)))
		return -ENOTDIR;
	if (o->w.dir != n->w.dir && is_ancestor_locked(o->w.v, n->w.dir))
		return -EINVAL;
	if (o->w.dir != n->w.dir && n->w.v != NULL &&
	    is_ancestor_locked(n->w.v, o->w.dir))
		return exchange ? -EINVAL : -ENOTEMPTY;
	return 0;
}

/* vfs_rename()'s permission checks. */
static int
rename_may_locked(const struct fsctx *c, struct walk *ow, struct walk *nw,
    bool exchange) FW_REQUIRES(&fs_lock)
{
	bool isdir = vnode_is(ow->v, LINUX_S_IFDIR), tdir;
	int err;

	if ((err = may_delete_locked(c, ow->dir, ow->v, isdir)) < 0)
		return err;
	if (nw->v == NULL)
		err = vnode_permission(nw->dir, c,
		    LINUX_W_OK | LINUX_X_OK);
	else
		err = may_delete_locked(c, nw->dir, nw->v, exchange ?
		    vnode_is(nw->v, LINUX_S_IFDIR) : isdir);
	if (err < 0 || ow->dir == nw->dir)
		return err;
	tdir = nw->v != NULL && vnode_is(nw->v, LINUX_S_IFDIR);
	if (isdir && (err = vnode_permission(ow->v, c,
	    LINUX_W_OK)) < 0)
		return err;
	if (exchange && tdir)
		return vnode_permission(nw->v, c, LINUX_W_OK);
	return 0;
}

/* RENAME_WHITEOUT: a character device 0:0 where the old name was. */
static int
rename_whiteout_locked(const struct fsctx *c, struct walk *ow)
    FW_REQUIRES(&fs_lock)
{
	struct vnode *v;
	int err;

	if ((err = ow->dir->ops->create(ow->dir, ow->name, str_len(ow->name),
	    LINUX_S_IFCHR, NULL, &v)) < 0)
		return err;
	v->uid = c->cred.fsuid;
	v->gid = (ow->dir->mode & LINUX_S_ISGID) ? ow->dir->gid :
	    c->cred.fsgid;
	vnode_unref(v);
	return 0;
}

/* inotify: IN_MOVED_FROM and IN_MOVED_TO with one cookie, IN_MOVE_SELF. */
static void
rename_notify_locked(struct rename_end *o, struct rename_end *n,
    bool exchange) FW_REQUIRES(&fs_lock)
{
	static atomic_uint cookie;
	uint32_t ck;

	if (!fsnotify_active())
		return;
	ck = atomic_fetch_add(&cookie, 1) + 1;
	fsnotify_locked(o->w.dir, o->w.v, LINUX_IN_MOVED_FROM, o->w.name, ck);
	fsnotify_locked(n->w.dir, o->w.v, LINUX_IN_MOVED_TO, n->w.name, ck);
	fsnotify_locked(o->w.v, o->w.v, LINUX_IN_MOVE_SELF, NULL, 0);
	if (n->w.v == NULL)
		return;
	if (exchange) {
		ck = atomic_fetch_add(&cookie, 1) + 1;
		fsnotify_locked(n->w.dir, n->w.v, LINUX_IN_MOVED_FROM,
		    n->w.name, ck);
		fsnotify_locked(o->w.dir, n->w.v, LINUX_IN_MOVED_TO,
		    o->w.name, ck);
		fsnotify_locked(n->w.v, n->w.v, LINUX_IN_MOVE_SELF, NULL, 0);
	} else {
		fsnotify_gone_locked(n->w.v);
	}
}

static int
rename_locked(const struct fsctx *c, struct rename_end *o,
    struct rename_end *n, unsigned int flags) FW_REQUIRES(&fs_lock)
{
	bool exchange = flags & LINUX_RENAME_EXCHANGE;
	int err;

	if ((err = walk_path_locked(c, &o->start, o->path, 0, &o->w)) < 0)
		return err;
	if ((err = walk_path_locked(c, &n->start, n->path, 0, &n->w)) < 0)
		return err;
	/* do_renameat2()'s order: the mounts, then the names. */
	if (o->w.dir != NULL && n->w.dir != NULL && o->w.dmnt != n->w.dmnt)
		return -EXDEV;		/* renames stay within one mount */
	if (mount_rdonly(o->w.dmnt))
		return -EROFS;
	if ((err = rename_names_locked(o, n, flags)) < 0)
		return err;
	if (walk_is_mount_root(&o->w) || walk_is_mount_root(&n->w))
		return -EBUSY;
	if (o->w.v == n->w.v)
		return 0;
	if ((err = rename_may_locked(c, &o->w, &n->w, exchange)) < 0)
		return err;
	if (o->w.dir->ops->rename == NULL)
		return -EPERM;
	if ((err = o->w.dir->ops->rename(o->w.dir, o->w.name, n->w.dir,
	    n->w.name, exchange)) < 0)
		return err;
	rename_notify_locked(o, n, exchange);
	if (flags & LINUX_RENAME_WHITEOUT)
		return rename_whiteout_locked(c, &o->w);
	return 0;
}

/*
 * Copies a path in and takes its trailing slashes off (keeping "/"),
 * noting them, and finds where its walk starts.
 */
static int
rename_end_get(struct proc *p, const struct fsctx *c, int dirfd,
    uint64_t upath, struct rename_end *e)
{
	size_t len;
	int err;

	e->w.dir = e->w.v = NULL;
	e->start.v = NULL;
	e->start.mnt = NULL;
	if ((err = path_get(p->vm, upath, &e->path)) < 0)
		return err;
	len = str_len(e->path);
	e->slash = len > 1 && e->path[len - 1] == '/';
	while (len > 1 && e->path[len - 1] == '/')
		e->path[--len] = '\0';
	if (e->path[0] == '\0')
		return -ENOENT;
	return dirfd_start(c, dirfd, e->path, &e->start);
}

static void
rename_end_put(struct rename_end *e)
{
	walk_done(&e->w);
	vpath_drop(&e->start);
	if (e->path != NULL)
		path_put(e->path);
}

static long
do_renameat2(struct proc *p, int odfd, uint64_t uold, int ndfd,
    uint64_t unew, unsigned int flags)
{
	struct rename_end o = { 0 }, n = { 0 };
	struct fsctx c;
	int err;

	if (flags & ~(unsigned int)RENAME_FLAGS)
		return -EINVAL;
	if ((flags & (LINUX_RENAME_NOREPLACE | LINUX_RENAME_WHITEOUT)) &&
	    (flags & LINUX_RENAME_EXCHANGE))
		return -EINVAL;
	fsctx_get(p, &c);
	if ((flags & LINUX_RENAME_WHITEOUT) && c.cred.fsuid != 0)
		err = -EPERM;			/* CAP_MKNOD */
	else if ((err = rename_end_get(p, &c, odfd, uold, &o)) == 0 &&
	    (err = rename_end_get(p, &c, ndfd, unew, &n)) == 0) {
		fw_mutex_lock(&fs_lock);
		err = rename_locked(&c, &o, &n, flags);
		fw_mutex_unlock(&fs_lock);
	}
	rename_end_put(&n);
	rename_end_put(&o);
	fsctx_put(&c);
	return err;
}

SYSCALL(renameat2)
{
	return do_renameat2(t->proc, (int)a->a[0], a->a[1], (int)a->a[2],
	    a->a[3], (unsigned int)a->a[4]);
}

SYSCALL(renameat)
{
	return do_renameat2(t->proc, (int)a->a[0], a->a[1], (int)a->a[2],
	    a->a[3], 0);
}

SYSCALL(rename)
{
	return do_renameat2(t->proc, LINUX_AT_FDCWD, a->a[0], LINUX_AT_FDCWD,
	    a->a[1], 0);
}
