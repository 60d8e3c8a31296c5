/*
 * services/fs/namei.c: path walk (path_resolution(7)).  Components are at
 * most NAME_MAX bytes; each directory passed needs search (x) permission;
 * ".." stops at the process's root and climbs out of mounts; a name
 * with something mounted on it means the mount's root; symlinks are followed in the middle of
 * a path always, at its end with WALK_FOLLOW or a trailing '/', at most
 * LINUX_MAXSYMLINKS times per walk (ELOOP).  A path ending in '/' must
 * name a directory (ENOTDIR) or be absent.  openat2(2)'s scoping:
 * WALK_NO_SYMLINKS makes any symlink to follow ELOOP, and WALK_BENEATH
 * makes an absolute path or ".." above c->root EXDEV.
 *
 * Interface: walk_path_locked(), walk_done(), dirfd_start(), lookup_at(),
 * modify_at() (fs.h).
 * Locks: walks run under fs_lock, which they drop around the ops of
 * VOPS_UNLOCKED file systems and magic links (the walk holds what it
 * stands on, so nothing it uses goes away); dirfd_start() runs before.
 */
#include <fw/alloc.h>
#include <svc/file.h>
#include <svc/lib.h>
#include "fs.h"

/* The entry [s, s+len) of cur: 0 with *out held, or -errno. */
static int
walk_lookup(const struct fsctx *c, const struct vpath *cur, const char *s,
    size_t len, struct vpath *out) FW_REQUIRES(&fs_lock)
{
	struct vnode *dir = cur->v;
	int err;

	if (!vnode_is(dir, LINUX_S_IFDIR))
		return -ENOTDIR;
	if ((err = vnode_permission(dir, c, LINUX_X_OK)) < 0)
		return err;
	vpath_copy(out, cur);
	if (len == 1 && s[0] == '.')
		return 0;
	if (len == 2 && s[0] == '.' && s[1] == '.') {
		mount_dotdot_locked(c, out);
		return 0;
	}
	vnode_unref(out->v);
	out->v = NULL;
	if (dir->nlink == 0)
		err = -ENOENT;			/* a removed directory */
	else if (dir->ops->flags & VOPS_UNLOCKED) {
		fw_mutex_unlock(&fs_lock);
		err = dir->ops->lookup(dir, s, len, &out->v);
		fw_mutex_lock(&fs_lock);
	} else
		err = dir->ops->lookup(dir, s, len, &out->v);
	if (err < 0) {
		vpath_drop(out);
		return err;
	}
	if (out->v->mounted > 0)
		mount_cross_locked(out);
	return 0;
}

/* RESOLVE_BENEATH: whether [s, s+len) is ".." out of c->root. */
static bool
walk_escapes(const struct fsctx *c, const struct walk *w,
    const struct vpath *cur, const char *s, size_t len)
{
	return (w->resolve & WALK_BENEATH) && cur->v == c->root.v &&
	    cur->mnt == c->root.mnt && len == 2 && s[0] == '.' && s[1] == '.';
}

/* Fills w with dir and v (both consumed; either may be empty). */
static void
walk_set(struct walk *w, struct vpath *dir, struct vpath *v, const char *s,
    size_t len, bool slash)
{
	w->dir = dir->v;
	w->dmnt = dir->mnt;
	w->v = v->v;
	w->mnt = v->mnt;
	dir->v = v->v = NULL;
	dir->mnt = v->mnt = NULL;
	memcpy(w->name, s, len);
	w->name[len] = '\0';
	w->slash = slash;
}

static int walk_rec(const struct fsctx *c, const struct vpath *start,
    const char *path, int flags, struct walk *w) FW_REQUIRES(&fs_lock);

/*
 * A computed link's text into buf (NUL-terminated): its length, or
 * -errno.  A stored target is used in place.
 */
static long
walk_link_text(const struct fsctx *c, struct vnode *link, char *buf,
    size_t size, const char **text) FW_REQUIRES(&fs_lock)
{
	long n;

	if (link->ops->readlink == NULL) {
		*text = link->u.target;
		return (long)str_len(link->u.target);
	}
	if (link->ops->flags & VOPS_UNLOCKED) {
		fw_mutex_unlock(&fs_lock);
		n = link->ops->readlink(link, c, buf, size);
		fw_mutex_lock(&fs_lock);
	} else {
		n = link->ops->readlink(link, c, buf, size);
	}
	*text = buf;
	return n;
}

/*
 * Follows the symlink link met in cur: the walk of its target replaces w
 * (last), or gives the next directory (*next, held).  Magic links
 * (ops->follow) give their object directly.
 */
static int
walk_follow(const struct fsctx *c, const struct vpath *cur,
    struct vpath *link, bool last, struct walk *w, struct vpath *next)
    FW_REQUIRES(&fs_lock)
{
	struct vpath none = { 0 };
	const char *text;
	char buf[64];
	int err;

	if (++w->nlinks > LINUX_MAXSYMLINKS)
		return -ELOOP;
	if (link->v->ops->follow != NULL) {
		fw_mutex_unlock(&fs_lock);
		err = link->v->ops->follow(link->v, c, next);
		fw_mutex_lock(&fs_lock);
		if (err < 0 || (err == 0 && !last))
			return err;
		if (err == 0) {
			walk_set(w, &none, next, "", 0, false);
			return 0;
		}
	}
	if (walk_link_text(c, link->v, buf, sizeof(buf), &text) < 0)
		return -ENOENT;
	if ((err = walk_rec(c, cur, text, WALK_FOLLOW, w)) < 0)
		return err;
	if (last)
		return 0;
	vnode_unref(w->dir);
	mount_unref(w->dmnt);
	w->dir = NULL;
	w->dmnt = NULL;
	if (w->v == NULL)
		return -ENOENT;
	next->v = w->v;
	next->mnt = w->mnt;
	w->v = NULL;
	w->mnt = NULL;
	return 0;
}

static bool
walk_wants_follow(const struct vnode *v, bool last, bool slash, int flags)
{
	return vnode_is(v, LINUX_S_IFLNK) &&
	    (!last || slash || (flags & WALK_FOLLOW));
}

static int
walk_rec(const struct fsctx *c, const struct vpath *start, const char *s,
    int flags, struct walk *w) FW_REQUIRES(&fs_lock)
{
	struct vpath cur, next, none = { 0 };
	const char *e, *t;
	bool last, slash;
	size_t len;
	int err;

	if (*s == '\0')
		return -ENOENT;
	if (*s == '/' && (w->resolve & WALK_BENEATH))
		return -EXDEV;		/* openat2 RESOLVE_BENEATH */
	if (*s == '/' && (w->resolve & WALK_NO_XDEV) &&
	    c->root.mnt != start->mnt)
		return -EXDEV;
	vpath_copy(&cur, *s == '/' ? &c->root : start);
	for (;;) {
		while (*s == '/')
			s++;
		if (*s == '\0') {
			walk_set(w, &none, &cur, "/", 1, true);
			return 0;
		}
		for (e = s; *e != '\0' && *e != '/'; e++)
			;
		for (t = e; *t == '/'; t++)
			;
		len = (size_t)(e - s);
		last = *t == '\0';
		slash = *e == '/';
		if (len > LINUX_NAME_MAX) {
			err = -ENAMETOOLONG;
			goto fail;
		}
		err = walk_escapes(c, w, &cur, s, len) ? -EXDEV :
		    walk_lookup(c, &cur, s, len, &next);
		if (err == 0 && (w->resolve & WALK_NO_XDEV) &&
		    next.mnt != cur.mnt) {
			vpath_drop(&next);
			err = -EXDEV;	/* openat2 RESOLVE_NO_XDEV */
		}
		if (err == -ENOENT && last && cur.v->nlink > 0) {
			walk_set(w, &cur, &none, s, len, slash);
			return 0;
		}
		if (err < 0)
			goto fail;
		if (walk_wants_follow(next.v, last, slash, flags)) {
			struct vpath link = next;

			next = none;
			err = (w->resolve & WALK_NO_SYMLINKS) ? -ELOOP :
			    walk_follow(c, &cur, &link, last, w, &next);
			vpath_drop(&link);
			if (err < 0 || last) {
				vpath_drop(&cur);
				w->slash |= slash;
				return err;
			}
		} else if (last) {
			walk_set(w, &cur, &next, s, len, slash);
			return 0;
		}
		vpath_drop(&cur);
		cur = next;
		s = e;
	}
fail:
	vpath_drop(&cur);
	return err;
}

int
walk_path_locked(const struct fsctx *c, const struct vpath *start,
    const char *path, int flags, struct walk *w)
{
	int err;

	w->dir = w->v = NULL;
	w->dmnt = w->mnt = NULL;
	w->name[0] = '\0';
	w->slash = false;
	w->nlinks = 0;
	w->resolve = flags & (WALK_NO_SYMLINKS | WALK_BENEATH | WALK_NO_XDEV);
	if (str_nlen(path, LINUX_PATH_MAX) >= LINUX_PATH_MAX)
		return -ENAMETOOLONG;
	if ((err = walk_rec(c, start, path, flags, w)) < 0) {
		walk_done(w);
		return err;
	}
	if (w->slash && w->v != NULL && !vnode_is(w->v, LINUX_S_IFDIR)) {
		walk_done(w);
		return -ENOTDIR;
	}
	return 0;
}

void
walk_done(struct walk *w)
{
	vnode_unref(w->dir);
	vnode_unref(w->v);
	mount_unref(w->dmnt);
	mount_unref(w->mnt);
	w->dir = w->v = NULL;
	w->dmnt = w->mnt = NULL;
}

bool
walk_is_mount_root(const struct walk *w)
{
	return w->v != NULL && w->mnt != NULL && w->v == w->mnt->root;
}

int
dirfd_start(const struct fsctx *c, int dirfd, const char *path,
    struct vpath *out)
{
	struct file *f;
	int err;

	if (path[0] == '/') {
		vpath_copy(out, &c->root);
		return 0;
	}
	if (dirfd == LINUX_AT_FDCWD) {
		vpath_copy(out, &c->cwd);
		return 0;
	}
	if ((err = fd_get(c->p, dirfd, &f)) < 0)
		return err;
	if (f->vnode == NULL || f->mnt == NULL || (path[0] != '\0' &&
	    !vnode_is(f->vnode, LINUX_S_IFDIR))) {
		file_unref(f);
		return -ENOTDIR;
	}
	out->v = vnode_ref(f->vnode);
	out->mnt = mount_ref(f->mnt);
	file_unref(f);
	return 0;
}

int
lookup_at(const struct fsctx *c, int dirfd, const char *path, int atflags,
    int wflags, struct walk *w)
{
	struct vpath start;
	int err;

	w->dir = w->v = NULL;
	w->dmnt = w->mnt = NULL;
	if (path[0] == '\0' && !(atflags & LINUX_AT_EMPTY_PATH))
		return -ENOENT;
	if ((err = dirfd_start(c, dirfd, path, &start)) < 0)
		return err;
	if (path[0] == '\0') {
		w->v = start.v;
		w->mnt = start.mnt;
		w->name[0] = '\0';
		w->slash = false;
		return 0;
	}
	fw_mutex_lock(&fs_lock);
	err = walk_path_locked(c, &start, path, wflags, w);
	fw_mutex_unlock(&fs_lock);
	vpath_drop(&start);
	if (err == 0 && w->v == NULL) {
		walk_done(w);
		err = -ENOENT;
	}
	return err;
}

int
modify_at(struct proc *p, int dirfd, uint64_t upath, walk_act_fn act,
    uint64_t arg)
{
	struct vpath start;
	struct fsctx c;
	struct walk w;
	char *path;
	int err;

	if ((err = path_get(p->vm, upath, &path)) < 0)
		return err;
	fsctx_get(p, &c);
	if (path[0] == '\0')
		err = -ENOENT;
	else if ((err = dirfd_start(&c, dirfd, path, &start)) == 0) {
		fw_mutex_lock(&fs_lock);
		if ((err = walk_path_locked(&c, &start, path, 0, &w)) == 0) {
			err = act(&c, &w, arg);
			walk_done(&w);
		}
		fw_mutex_unlock(&fs_lock);
		vpath_drop(&start);
	}
	fsctx_put(&c);
	path_put(path);
	return err;
}
