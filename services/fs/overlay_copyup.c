/*
 * services/fs/overlay_copyup.c: copy-up, which gives an object of a lower
 * layer a copy in the upper one before anything changes it: the parent
 * directories first (top down), then the object with its data (or link
 * target, or device number), mode, owner, times and xattrs.  The lower
 * object is only read.  Linux copies into workdir and renames; here
 * fs_lock makes the copy appear at once, and a failed copy is removed.
 *
 * Interface: ovl_dir_copy_up_locked(), ovl_copy_up_locked() (overlay.h).
 * Locks: runs with fs_lock held.
 */
#include <fw/alloc.h>
#include <svc/lib.h>
#include <uapi/stat.h>
#include "overlay.h"
#include "xattr.h"

/* Every xattr is copied but overlay's own. */
static bool
ovl_xattr_copied(const char *name, const void *arg)
{
	(void)arg;
	return str_ncmp(name, "trusted.overlay.", 16) != 0;
}

/* Copies the xattrs of from onto to. */
static int
ovl_copy_xattrs_locked(const struct vnode *from, struct vnode *to)
    FW_REQUIRES(&fs_lock)
{
	char *names, *val = NULL;
	long size, n;
	size_t off;
	int err = 0;

	size = xattr_list_locked(from, NULL, 0, ovl_xattr_copied, NULL);
	if (size <= 0)
		return (int)size;
	if ((names = fw_alloc((size_t)size)) == NULL ||
	    (val = fw_alloc(LINUX_XATTR_SIZE_MAX)) == NULL) {
		fw_free(names);
		return -ENOMEM;
	}
	size = xattr_list_locked(from, names, (size_t)size,
	    ovl_xattr_copied, NULL);
	for (off = 0; err == 0 && size > 0 && off < (size_t)size;
	    off += str_len(names + off) + 1) {
		n = xattr_get_locked(from, names + off, val,
		    LINUX_XATTR_SIZE_MAX);
		if (n >= 0)
			err = xattr_set_locked(to, names + off, val,
			    (size_t)n, 0);
	}
	fw_free(val);
	fw_free(names);
	return err;
}

/* A regular file's bytes. */
static int
ovl_copy_data_locked(struct vnode *from, struct vnode *to)
    FW_REQUIRES(&fs_lock)
{
	uint64_t off = 0;
	uint8_t *buf;
	long n = 0, w;

	if ((buf = fw_alloc(FW_PAGE_SIZE)) == NULL)
		return -ENOMEM;
	while (off < from->size &&
	    (n = from->ops->read(from, buf, FW_PAGE_SIZE, off)) > 0) {
		if ((w = to->ops->write(to, buf, (size_t)n, off)) != n) {
			n = w < 0 ? w : -EIO;
			break;
		}
		off += (uint64_t)n;
	}
	fw_free(buf);
	return n < 0 ? (int)n : 0;
}

/* The copy of x as name in upper dir u, attributes last: 0 or -errno. */
static int
ovl_copy_one_locked(struct vnode *u, const char *name, struct vnode *x,
    struct vnode **out) FW_REQUIRES(&fs_lock)
{
	size_t len = str_len(name);
	uint64_t at = u->atime, mt = u->mtime;
	const char *target = NULL;
	struct vnode *c;
	int err;

	if (vnode_is(x, LINUX_S_IFLNK)) {
		if (x->ops->readlink != NULL)
			return -EXDEV;	/* computed links do not copy */
		target = x->u.target;
	}
	if ((err = u->ops->create(u, name, len, x->mode, target, &c)) < 0)
		return err;
	if (vnode_is(x, LINUX_S_IFCHR) || vnode_is(x, LINUX_S_IFBLK)) {
		c->rmajor = x->rmajor;
		c->rminor = x->rminor;
	}
	if (vnode_is(x, LINUX_S_IFREG))
		err = ovl_copy_data_locked(x, c);
	if (err == 0)
		err = ovl_copy_xattrs_locked(x, c);
	if (err < 0) {
		vnode_unref(c);
		(void)u->ops->unlink(u, name, len);
		return err;
	}
	c->mode = x->mode;
	c->uid = x->uid;
	c->gid = x->gid;
	c->atime = x->atime;
	c->mtime = x->mtime;
	u->atime = at;		/* Linux restores the parent's times */
	u->mtime = mt;
	*out = c;
	return 0;
}

/* Gives the overlay dir v an upper directory; its parent has one. */
static int
ovl_dir_copy_one_locked(struct vnode *v) FW_REQUIRES(&fs_lock)
{
	struct ovl_node *n = v->u.ovl;
	struct vnode *pu = n->parent->u.ovl->upper;

	return ovl_copy_one_locked(pu, n->name, n->lower[0], &n->upper);
}

int
ovl_dir_copy_up_locked(struct vnode *v)
{
	struct ovl_fs *fs = v->sb->priv;
	struct vnode *a;
	int err;

	if (fs->usb == NULL)
		return -EROFS;
	while (v->u.ovl->upper == NULL) {
		/* The highest directory still without one; the root has. */
		for (a = v; a->u.ovl->parent->u.ovl->upper == NULL;
		    a = a->u.ovl->parent)
			;
		if ((err = ovl_dir_copy_one_locked(a)) < 0)
			return err;
		ovl_sync_locked(a);
		ovl_sync_locked(a->u.ovl->parent);
	}
	return 0;
}

/* Whether x is what name is in dir's upper directory. */
static bool
ovl_in_upper_locked(struct vnode *dir, const char *name,
    const struct vnode *x) FW_REQUIRES(&fs_lock)
{
	struct vnode *u;
	bool same;

	if (ovl_real_lookup_locked(dir->u.ovl->upper, name, str_len(name),
	    &u) < 0)
		return false;
	same = u == x;
	vnode_unref(u);
	return same;
}

/*
 * Whether x, with no parent, can only be an upper object: its file
 * system is the upper one and no lower one.
 */
static bool
ovl_orphan_upper(const struct ovl_fs *fs, const struct vnode *x)
{
	size_t i;

	for (i = 0; i < fs->nlower; i++) {
		if (x->sb == fs->lsb[i])
			return false;
	}
	return x->sb == fs->usb;
}

/*
 * For a descriptor: the overlay directory whose real one holds x, and
 * x's name there, by x's real parent.  0 with *dir held; 1 for an
 * upper object with no name left (nothing to copy); or -EROFS.
 */
static int
ovl_find_parent_locked(struct mount *m, struct vnode *x, struct vnode **dir,
    char *name) FW_REQUIRES(&fs_lock)
{
	struct ovl_fs *fs = m->sb->priv;
	struct vnode *rp = x->parent, *r;
	struct ovl_node *n;
	const char *nm;
	size_t len, i;

	if (rp == NULL && (x->nlink == 0 || ovl_orphan_upper(fs, x)))
		return 1;	/* lower layers lose no names (overlayfs.rst) */
	for (n = fs->nodes; rp != NULL && n != NULL; n = n->next) {
		for (i = 0; i <= n->nlower; i++) {
			r = i == 0 ? n->upper : n->lower[i - 1];
			if (r != rp || r->ops->name_of == NULL ||
			    r->ops->name_of(r, x, &nm, &len) < 0)
				continue;
			memcpy(name, nm, len);
			name[len] = '\0';
			*dir = vnode_ref(n->v);
			return 0;
		}
	}
	return -EROFS;
}

int
ovl_copy_up_locked(struct mount *m, struct vnode *dir, const char *name,
    struct vnode **v, struct vnode **shown)
{
	char nm[LINUX_NAME_MAX + 1];
	struct vnode *c;
	int err;

	*shown = NULL;
	if (ovl_is_dir(*v)) {
		if ((err = ovl_dir_copy_up_locked(*v)) < 0)
			return err;
		*shown = *v;
		*v = vnode_ref((*v)->u.ovl->upper);
		return 0;
	}
	if (dir == NULL || !ovl_is_dir(dir)) {
		if ((err = ovl_find_parent_locked(m, *v, &dir, nm)) != 0)
			return err < 0 ? err : 0;
		name = nm;
	} else {
		vnode_ref(dir);
	}
	if ((err = ovl_dir_copy_up_locked(dir)) == 0 &&
	    !ovl_in_upper_locked(dir, name, *v) &&
	    (err = ovl_copy_one_locked(dir->u.ovl->upper, name, *v, &c)) == 0) {
		vnode_unref(*v);
		*v = c;
		ovl_sync_locked(dir);
	}
	vnode_unref(dir);
	return err;
}
