/*
 * services/fs/namei.c: path walk (path_resolution(7)).  Components are at
 * most NAME_MAX bytes; each directory passed needs search (x) permission;
 * ".." stops at the process's root; symlinks are followed in the middle of
 * a path always, at its end with WALK_FOLLOW or a trailing '/', at most
 * LINUX_MAXSYMLINKS times per walk (ELOOP).  A path ending in '/' must
 * name a directory (ENOTDIR) or be absent.  openat2(2)'s scoping:
 * WALK_NO_SYMLINKS makes any symlink to follow ELOOP, and WALK_BENEATH
 * makes an absolute path or ".." above c->root EXDEV.
 *
 * Interface: walk_path_locked(), walk_done(), dirfd_vnode() (fs.h).
 * Locks: walks run under fs_lock; dirfd_vnode() runs before it.
 */
#include <fw/alloc.h>
#include <svc/file.h>
#include <svc/lib.h>
#include "fs.h"

static struct vnode *
walk_dotdot(const struct fsctx *c, struct vnode *cur)
{
	if (cur == c->root || cur->parent == NULL)
		return vnode_ref(cur);
	return vnode_ref(cur->parent);
}

/* The entry [s, s+len) of cur: 0 with *out referenced, or -errno. */
static int
walk_lookup(const struct fsctx *c, struct vnode *cur, const char *s,
    size_t len, struct vnode **out)
{
	int err;

	if (!vnode_is(cur, LINUX_S_IFDIR))
		return -ENOTDIR;
	if ((err = vnode_permission(cur, &c->cred, LINUX_X_OK)) < 0)
		return err;
	if (len == 1 && s[0] == '.') {
		*out = vnode_ref(cur);
		return 0;
	}
	if (len == 2 && s[0] == '.' && s[1] == '.') {
		*out = walk_dotdot(c, cur);
		return 0;
	}
	if (cur->nlink == 0)
		return -ENOENT;			/* a removed directory */
	return cur->ops->lookup(cur, s, len, out);
}

/* RESOLVE_BENEATH: whether [s, s+len) is ".." out of c->root. */
static bool
walk_escapes(const struct fsctx *c, const struct walk *w,
    const struct vnode *cur, const char *s, size_t len)
{
	return (w->resolve & WALK_BENEATH) && cur == c->root && len == 2 &&
	    s[0] == '.' && s[1] == '.';
}

static void
walk_set(struct walk *w, struct vnode *dir, struct vnode *v, const char *s,
    size_t len, bool slash)
{
	w->dir = dir;
	w->v = v;
	memcpy(w->name, s, len);
	w->name[len] = '\0';
	w->slash = slash;
}

/*
 * Follows the symlink link met in cur: the walk of its target replaces w
 * (last) or gives the next directory (*next, referenced).
 */
static int walk_rec(const struct fsctx *c, struct vnode *start,
    const char *path, int flags, struct walk *w);

static int
walk_follow(const struct fsctx *c, struct vnode *cur, struct vnode *link,
    bool last, struct walk *w, struct vnode **next)
{
	int err;

	if (++w->nlinks > LINUX_MAXSYMLINKS)
		return -ELOOP;
	if ((err = walk_rec(c, cur, link->u.target, WALK_FOLLOW, w)) < 0)
		return err;
	if (last)
		return 0;
	vnode_unref(w->dir);
	w->dir = NULL;
	if (w->v == NULL)
		return -ENOENT;
	*next = w->v;
	w->v = NULL;
	return 0;
}

static int
walk_rec(const struct fsctx *c, struct vnode *start, const char *s,
    int flags, struct walk *w)
{
	struct vnode *cur, *next;
	const char *e, *t;
	bool last, slash;
	size_t len;
	int err;

	if (*s == '\0')
		return -ENOENT;
	if (*s == '/' && (w->resolve & WALK_BENEATH))
		return -EXDEV;		/* openat2 RESOLVE_BENEATH */
	cur = vnode_ref(*s == '/' ? c->root : start);
	for (;;) {
		while (*s == '/')
			s++;
		if (*s == '\0') {
			walk_set(w, NULL, cur, "/", 1, true);
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
		err = walk_escapes(c, w, cur, s, len) ? -EXDEV :
		    walk_lookup(c, cur, s, len, &next);
		if (err == -ENOENT && last && cur->nlink > 0) {
			walk_set(w, cur, NULL, s, len, slash);
			return 0;
		}
		if (err < 0)
			goto fail;
		if (vnode_is(next, LINUX_S_IFLNK) &&
		    (!last || slash || (flags & WALK_FOLLOW))) {
			struct vnode *link = next;

			err = (w->resolve & WALK_NO_SYMLINKS) ? -ELOOP :
			    walk_follow(c, cur, link, last, w, &next);
			vnode_unref(link);
			if (err < 0 || last) {
				vnode_unref(cur);
				w->slash |= slash;
				return err;
			}
		} else if (last) {
			walk_set(w, cur, next, s, len, slash);
			return 0;
		}
		vnode_unref(cur);
		cur = next;
		s = e;
	}
fail:
	vnode_unref(cur);
	return err;
}

int
walk_path_locked(const struct fsctx *c, struct vnode *start,
    const char *path, int flags, struct walk *w)
{
	int err;

	w->dir = w->v = NULL;
	w->name[0] = '\0';
	w->slash = false;
	w->nlinks = 0;
	w->resolve = flags & (WALK_NO_SYMLINKS | WALK_BENEATH);
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
	w->dir = w->v = NULL;
}

int
dirfd_vnode(const struct fsctx *c, int dirfd, const char *path,
    struct vnode **out)
{
	struct file *f;
	int err;

	if (path[0] == '/') {
		*out = vnode_ref(c->root);
		return 0;
	}
	if (dirfd == LINUX_AT_FDCWD) {
		*out = vnode_ref(c->cwd);
		return 0;
	}
	if ((err = fd_get(c->p, dirfd, &f)) < 0)
		return err;
	if (f->vnode == NULL || (path[0] != '\0' &&
	    !vnode_is(f->vnode, LINUX_S_IFDIR))) {
		file_unref(f);
		return -ENOTDIR;
	}
	*out = vnode_ref(f->vnode);
	file_unref(f);
	return 0;
}

int
lookup_at(const struct fsctx *c, int dirfd, const char *path, int atflags,
    int wflags, struct walk *w)
{
	struct vnode *start;
	int err;

	w->dir = w->v = NULL;
	if (path[0] == '\0' && !(atflags & LINUX_AT_EMPTY_PATH))
		return -ENOENT;
	if ((err = dirfd_vnode(c, dirfd, path, &start)) < 0)
		return err;
	if (path[0] == '\0') {
		w->v = start;
		w->name[0] = '\0';
		w->slash = false;
		return 0;
	}
	fw_mutex_lock(&fs_lock);
	err = walk_path_locked(c, start, path, wflags, w);
	fw_mutex_unlock(&fs_lock);
	vnode_unref(start);
	if (err == 0 && w->v == NULL) {
		walk_done(w);
		err = -ENOENT;
	}
	return err;
}

int
modify_at(struct proc *p, int dirfd, uint64_t upath, walk_act_fn act,
    uint32_t arg)
{
	struct vnode *start;
	struct fsctx c;
	struct walk w;
	char *path;
	int err;

	if ((err = path_get(p->vm, upath, &path)) < 0)
		return err;
	fsctx_get(p, &c);
	if (path[0] == '\0')
		err = -ENOENT;
	else if ((err = dirfd_vnode(&c, dirfd, path, &start)) == 0) {
		fw_mutex_lock(&fs_lock);
		if ((err = walk_path_locked(&c, start, path, 0, &w)) == 0) {
			err = act(&c, &w, arg);
			walk_done(&w);
		}
		fw_mutex_unlock(&fs_lock);
		vnode_unref(start);
	}
	fsctx_put(&c);
	path_put(path);
	return err;
}
