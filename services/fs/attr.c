/*
 * services/fs/attr.c: the helpers of the attribute syscalls (attr.h):
 * chmod, chown, utimensat, truncate, xattrs and statx find their vnode
 * and test ownership and groups here.
 *
 * Locks: see attr.h.
 */
#include <fw/timer.h>
#include <svc/file.h>
#include <svc/lib.h>
#include <svc/proc.h>
#include <svc/vfs.h>
#include <uapi/inotify.h>
#include "attr.h"
#include "overlay.h"

#define DAY_NS	(24ULL * 3600 * 1000000000ULL)

static void
attr_begin(struct proc *p, struct attr_req *r)
{
	fsctx_get(p, &r->c);
	r->v = NULL;
	r->rdonly = false;
	r->mnt = NULL;
	r->dir = NULL;
	r->name[0] = '\0';
	r->shown = NULL;
}

int
attr_at(struct proc *p, int dirfd, uint64_t upath, int atflags,
    struct attr_req *r)
{
	struct walk w;
	char *path;
	int err;

	if ((err = path_get(p->vm, upath, &path)) < 0)
		return err;
	attr_begin(p, r);
	err = lookup_at(&r->c, dirfd, path, atflags,
	    (atflags & LINUX_AT_SYMLINK_NOFOLLOW) ? 0 : WALK_FOLLOW, &w);
	path_put(path);
	if (err < 0) {
		attr_done(r);
		return err;
	}
	r->v = w.v;
	r->rdonly = mount_rdonly(w.mnt);
	r->mnt = w.mnt;
	r->dir = w.dir;
	str_lcpy(r->name, w.name, sizeof(r->name));
	w.v = w.dir = NULL;
	w.mnt = NULL;
	walk_done(&w);
	return 0;
}

int
attr_fd(struct proc *p, int fd, struct attr_req *r)
{
	struct file *f;
	int err;

	if ((err = fd_get(p, fd, &f)) < 0)
		return err;
	if (atomic_load(&f->flags) & LINUX_O_PATH) {
		file_unref(f);
		return -EBADF;
	}
	attr_begin(p, r);
	r->v = f->vnode != NULL ? vnode_ref(f->vnode) : NULL;
	r->rdonly = mount_rdonly(f->mnt);
	r->mnt = f->mnt != NULL ? mount_ref(f->mnt) : NULL;
	file_unref(f);
	return 0;
}

/* The attributes a change may touch, to find what changed and undo it. */
struct attr_saved {
	uint32_t	mode, uid, gid;
	uint64_t	atime, mtime, ctime;
};

static struct attr_saved
attr_save(const struct vnode *v) FW_REQUIRES(&fs_lock)
{
	return (struct attr_saved){ v->mode, v->uid, v->gid, v->atime,
	    v->mtime, v->ctime };
}

/*
 * fn changed v in place; a file system that keeps attributes elsewhere
 * (9p: on the server) gets what changed, and on failure v is as before.
 */
static int
attr_pass_on_locked(struct vnode *v, const struct attr_saved *o)
    FW_REQUIRES(&fs_lock)
{
	unsigned int what = 0;
	int err;

	if (v->ops->setattr == NULL)
		return 0;
	what |= v->mode != o->mode ? VATTR_MODE : 0;
	what |= v->uid != o->uid ? VATTR_UID : 0;
	what |= v->gid != o->gid ? VATTR_GID : 0;
	what |= v->atime != o->atime ? VATTR_ATIME : 0;
	what |= v->mtime != o->mtime ? VATTR_MTIME : 0;
	if (what == 0 || (err = v->ops->setattr(v, what)) == 0)
		return 0;
	v->mode = o->mode;
	v->uid = o->uid;
	v->gid = o->gid;
	v->atime = o->atime;
	v->mtime = o->mtime;
	v->ctime = o->ctime;
	return err;
}

int
attr_change(struct attr_req *r, attr_change_fn fn, const void *arg)
{
	struct attr_saved old;
	int err = 0;

	if (r->v != NULL) {
		fw_mutex_lock(&fs_lock);
		if ((err = attr_want_write_locked(r)) == 0) {
			old = attr_save(r->v);
			err = fn(r, arg);
			if (err == 0)
				err = attr_pass_on_locked(r->v, &old);
		}
		if (err == 0 && r->shown != NULL)
			ovl_sync_locked(r->shown);
		if (err == 0)
			fsnotify_locked(NULL, r->shown != NULL ? r->shown :
			    r->v, LINUX_IN_ATTRIB, NULL, 0);
		fw_mutex_unlock(&fs_lock);
	}
	attr_done(r);
	return err;
}

int
attr_want_write_locked(struct attr_req *r)
{
	if (r->rdonly)
		return -EROFS;			/* mnt_want_write() */
	if (r->v == NULL || !ovl_mount(r->mnt) || r->shown != NULL)
		return 0;
	return ovl_copy_up_locked(r->mnt, r->dir, r->name, &r->v, &r->shown);
}

void
attr_done(struct attr_req *r)
{
	vnode_unref(r->v);
	vnode_unref(r->dir);
	vnode_unref(r->shown);
	mount_unref(r->mnt);
	r->v = r->dir = r->shown = NULL;
	r->mnt = NULL;
	fsctx_put(&r->c);
}

bool
attr_owner(const struct attr_req *r, const struct vnode *v)
{
	return r->c.cred.fsuid == 0 || r->c.cred.fsuid == v->uid;
}

bool
attr_in_group(const struct attr_req *r, uint32_t gid)
{
	return fsctx_in_group(&r->c, gid);
}

void
vnode_accessed_locked(struct vnode *v)
{
	uint64_t now = fw_clock_realtime();

	if (v->atime <= v->mtime || v->atime <= v->ctime ||
	    (now > v->atime && now - v->atime >= DAY_NS))
		v->atime = now;
}
