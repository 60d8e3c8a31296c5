/*
 * services/fs/sys_mount.c: mount(2), umount2(2) and chroot(2).  mount
 * makes a new instance of a file-system type (tmpfs, ramfs, proc, sysfs,
 * devtmpfs; ENODEV for others), binds a directory or file elsewhere
 * (MS_BIND), moves a mount (MS_MOVE), changes flags (MS_REMOUNT, with
 * MS_BIND only the mount's own), and accepts the propagation types
 * (there is one namespace, so nothing propagates).  All need CAP_SYS_ADMIN
 * (euid 0 here), chroot CAP_SYS_CHROOT.
 * Locks: fs_lock from the walk to the change of the table.
 */
#include <fw/alloc.h>
#include <svc/syscall.h>
#include <svc/lib.h>
#include <svc/vfs.h>
#include "fs.h"

/* What mount(2) was asked, copied in. */
struct mount_req {
	char		*source, *target, *type, *data;
	uint32_t	 flags;
};

static void
req_free(struct mount_req *r)
{
	path_put(r->source);
	path_put(r->target);
	path_put(r->type);
	path_put(r->data);
}

/* Copies a string argument that may be NULL (0 leaves *out NULL). */
static int
req_string(struct fw_vm *vm, uint64_t u, char **out)
{
	*out = NULL;
	return u == 0 ? 0 : path_get(vm, u, out);
}

static bool
same_kind(const struct vnode *a, const struct vnode *b)
{
	return vnode_is(a, LINUX_S_IFDIR) == vnode_is(b, LINUX_S_IFDIR);
}

/* Whether m is mnt or below it. */
static bool
mount_within(const struct mount *m, const struct mount *mnt)
{
	for (; m != NULL; m = m->parent) {
		if (m == mnt)
			return true;
	}
	return false;
}

static int
do_new_mount_locked(const struct fsctx *c, const struct mount_req *r,
    const struct walk *w) FW_REQUIRES(&fs_lock)
{
	const struct fstype *type;
	struct superblock *sb;
	struct vpath mp = { .mnt = w->mnt, .v = w->v };
	int err;

	if (r->type == NULL ||
	    (type = fstype_find(r->type, str_len(r->type))) == NULL)
		return -ENODEV;
	if (!vnode_is(w->v, LINUX_S_IFDIR))
		return -ENOTDIR;
	if ((err = sb_new(type, r->source, r->data, c, &sb)) < 0)
		return err;
	sb->flags |= r->flags & LINUX_MS_RDONLY;	/* fill may set it */
	err = mount_attach_locked(&mp, sb, sb->root,
	    r->flags & LINUX_MS_MNT_FLAGS, NULL);
	sb_unref(sb);
	return err;
}

static int
do_bind_locked(const struct fsctx *c, const struct mount_req *r,
    const struct walk *w) FW_REQUIRES(&fs_lock)
{
	struct vpath mp = { .mnt = w->mnt, .v = w->v };
	struct walk src;
	int err;

	if (r->source == NULL)
		return -EFAULT;
	if ((err = walk_path_locked(c, &c->cwd, r->source, WALK_FOLLOW,
	    &src)) < 0)
		return err;
	if (src.v == NULL)
		err = -ENOENT;
	else if (!same_kind(src.v, w->v))
		err = -ENOTDIR;
	else
		err = mount_attach_locked(&mp, src.mnt->sb, src.v,
		    src.mnt->flags, NULL);
	walk_done(&src);
	return err;
}

static int
do_move_locked(const struct fsctx *c, const struct mount_req *r,
    const struct walk *w) FW_REQUIRES(&fs_lock)
{
	struct walk src;
	struct mount *m;
	int err;

	if (r->source == NULL)
		return -EFAULT;
	if ((err = walk_path_locked(c, &c->cwd, r->source, WALK_FOLLOW,
	    &src)) < 0)
		return err;
	m = src.mnt;
	if (src.v == NULL)
		err = -ENOENT;
	else if (!walk_is_mount_root(&src) || m->parent == NULL)
		err = -EINVAL;
	else if (mount_within(w->mnt, m))
		err = -ELOOP;
	else if (!same_kind(src.v, w->v))
		err = -ENOTDIR;
	else
		mount_move_locked(m, w->mnt, w->v);
	walk_done(&src);
	return err;
}

static int
do_remount_locked(const struct mount_req *r, const struct walk *w)
    FW_REQUIRES(&fs_lock)
{
	struct mount *m = w->mnt;

	if (!walk_is_mount_root(w))
		return -EINVAL;
	m->flags = r->flags & LINUX_MS_MNT_FLAGS;
	if (!(r->flags & LINUX_MS_BIND))
		m->sb->flags = r->flags & LINUX_MS_RDONLY;
	return 0;
}

static int
mount_locked(const struct fsctx *c, const struct mount_req *r,
    const struct walk *w) FW_REQUIRES(&fs_lock)
{
	uint32_t fl = r->flags;

	if (fl & LINUX_MS_REMOUNT)
		return do_remount_locked(r, w);
	if (fl & LINUX_MS_BIND)
		return do_bind_locked(c, r, w);
	if (fl & LINUX_MS_PROPAGATION)
		return walk_is_mount_root(w) ? 0 : -EINVAL;
	if (fl & LINUX_MS_MOVE)
		return do_move_locked(c, r, w);
	return do_new_mount_locked(c, r, w);
}

SYSCALL(mount)
{
	struct proc *p = t->proc;
	struct mount_req r = { 0 };
	struct fsctx c;
	struct walk w;
	int err;

	r.flags = (uint32_t)a->a[3];
	if ((r.flags & LINUX_MS_MGC_MSK) == LINUX_MS_MGC_VAL)
		r.flags &= ~LINUX_MS_MGC_MSK;
	if ((err = req_string(p->vm, a->a[0], &r.source)) < 0 ||
	    (err = path_get(p->vm, a->a[1], &r.target)) < 0 ||
	    (err = req_string(p->vm, a->a[2], &r.type)) < 0 ||
	    (err = req_string(p->vm, a->a[4], &r.data)) < 0)
		goto out;
	fsctx_get(p, &c);
	if (c.cred.euid != 0)
		err = -EPERM;
	else if ((err = lookup_at(&c, LINUX_AT_FDCWD, r.target, 0,
	    WALK_FOLLOW, &w)) == 0) {
		fw_mutex_lock(&fs_lock);
		err = mount_locked(&c, &r, &w);
		fw_mutex_unlock(&fs_lock);
		walk_done(&w);
	}
	fsctx_put(&c);
out:
	req_free(&r);
	return err;
}

static int
umount_locked(const struct fsctx *c, struct walk *w, int flags)
    FW_REQUIRES(&fs_lock)
{
	struct mount *m = w->mnt;

	if (!walk_is_mount_root(w))
		return -EINVAL;
	if (m->parent == NULL || (m == c->root.mnt && w->v == c->root.v))
		return -EBUSY;
	if (flags & LINUX_MNT_DETACH) {
		mount_detach_tree_locked(m);
		return 0;
	}
	/* The table and this walk hold m; anyone else makes it busy. */
	if (mount_has_children_locked(m) || atomic_load(&m->nref) > 2)
		return -EBUSY;
	mount_detach_locked(m);
	return 0;
}

SYSCALL(umount2)
{
	struct proc *p = t->proc;
	int flags = (int)a->a[1], wflags = WALK_FOLLOW;
	struct fsctx c;
	struct walk w;
	char *path;
	int err;

	if (flags & ~(LINUX_MNT_FORCE | LINUX_MNT_DETACH | LINUX_MNT_EXPIRE |
	    LINUX_UMOUNT_NOFOLLOW))
		return -EINVAL;
	if ((flags & LINUX_MNT_EXPIRE) &&
	    (flags & (LINUX_MNT_FORCE | LINUX_MNT_DETACH)))
		return -EINVAL;
	if (flags & LINUX_UMOUNT_NOFOLLOW)
		wflags = 0;
	if ((err = path_get(p->vm, a->a[0], &path)) < 0)
		return err;
	fsctx_get(p, &c);
	if (c.cred.euid != 0)
		err = -EPERM;
	else if ((err = lookup_at(&c, LINUX_AT_FDCWD, path, 0, wflags,
	    &w)) == 0) {
		fw_mutex_lock(&fs_lock);
		err = (flags & LINUX_MNT_EXPIRE) ? -EAGAIN :
		    umount_locked(&c, &w, flags);
		fw_mutex_unlock(&fs_lock);
		walk_done(&w);
	}
	fsctx_put(&c);
	path_put(path);
	return err;
}

SYSCALL(chroot)
{
	struct proc *p = t->proc;
	struct fs_struct *fs;
	struct vpath v;
	struct fsctx c;
	struct walk w;
	char *path;
	int err;

	if ((err = path_get(p->vm, a->a[0], &path)) < 0)
		return err;
	fsctx_get(p, &c);
	err = lookup_at(&c, LINUX_AT_FDCWD, path, 0, WALK_FOLLOW, &w);
	if (err == 0 && !vnode_is(w.v, LINUX_S_IFDIR))
		err = -ENOTDIR;
	if (err == 0)
		err = vnode_permission(w.v, &c, LINUX_X_OK);
	if (err == 0 && c.cred.euid != 0)
		err = -EPERM;
	if (err == 0) {
		v.v = w.v;
		v.mnt = w.mnt;
		w.v = NULL;
		w.mnt = NULL;
		fs = proc_fs(p);
		fs_struct_set_root(fs, &v);
		fs_struct_unref(fs);
	}
	walk_done(&w);
	fsctx_put(&c);
	path_put(path);
	return err;
}
