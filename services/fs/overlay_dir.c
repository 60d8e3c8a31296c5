/*
 * services/fs/overlay_dir.c: the operations of an overlay's directories
 * (ovl_dir_ops, overlay.h).  A name resolves in the upper directory
 * first, then in each lower one, top down: a whiteout ends the search
 * (the name is absent); a non-directory is the answer; directories
 * merge down to the first opaque one.  Every change lands in the upper
 * layer, the directory copied up first; removing a name a lower layer
 * shows leaves a whiteout; a directory made where a whiteout was is
 * opaque.  Renaming a directory that came from a lower layer is EXDEV
 * (Linux without redirect_dir).  Listing is overlay_readdir.c's.
 *
 * Interface: ovl_dir_ops (overlay.h).
 * Locks: runs with fs_lock held (fs.h), but release.
 */
#include <fw/alloc.h>
#include <svc/lib.h>
#include <uapi/stat.h>
#include "overlay.h"
#include "xattr.h"

static int
ovl_lookup(struct vnode *dir, const char *name, size_t len,
    struct vnode **out) FW_REQUIRES(&fs_lock)
{
	struct ovl_node *n = dir->u.ovl;
	struct vnode *lower[OVL_MAX_LOWER], *upper = NULL, *x;
	size_t nl = 0, layer;

	for (layer = 0; layer <= n->nlower; layer++) {
		struct vnode *r = layer == 0 ? n->upper : n->lower[layer - 1];

		if (ovl_real_lookup_locked(r, name, len, &x) < 0)
			continue;
		if (ovl_whiteout(x) || (!vnode_is(x, LINUX_S_IFDIR) &&
		    (upper != NULL || nl > 0))) {
			vnode_unref(x);
			break;	/* hidden below, or a file under a dir */
		}
		if (!vnode_is(x, LINUX_S_IFDIR)) {
			*out = x;	/* the real file itself */
			return 0;
		}
		if (layer == 0)
			upper = x;
		else
			lower[nl++] = x;
		if (ovl_opaque_locked(x))
			break;
	}
	if (upper == NULL && nl == 0)
		return -ENOENT;
	return ovl_node_get_locked(dir->sb, dir, name, len, upper, lower, nl,
	    out);
}

/* Takes a whiteout at name out of upper dir u: whether there was one. */
static int
ovl_unwhite_locked(struct vnode *u, const char *name, size_t len,
    bool *was) FW_REQUIRES(&fs_lock)
{
	struct vnode *x;
	int err = 0;

	*was = false;
	if (ovl_real_lookup_locked(u, name, len, &x) < 0)
		return 0;
	if (ovl_whiteout(x)) {
		*was = true;
		err = u->ops->unlink(u, name, len);
	} else {
		err = -EEXIST;
	}
	vnode_unref(x);
	return err;
}

/* Leaves a whiteout at name in upper dir u. */
static int
ovl_whiteout_make_locked(struct vnode *u, const char *name, size_t len)
    FW_REQUIRES(&fs_lock)
{
	struct vnode *w;
	int err;

	if ((err = u->ops->create(u, name, len, LINUX_S_IFCHR, NULL, &w)) < 0)
		return err;
	vnode_unref(w);
	return 0;
}

static int
ovl_create(struct vnode *dir, const char *name, size_t len, uint32_t mode,
    const char *target, struct vnode **out) FW_REQUIRES(&fs_lock)
{
	struct ovl_node *n = dir->u.ovl;
	struct vnode *u, *x;
	bool was;
	int err;

	if ((err = ovl_dir_copy_up_locked(dir)) < 0)
		return err;
	u = n->upper;
	if ((err = ovl_unwhite_locked(u, name, len, &was)) < 0)
		return err;
	if ((err = u->ops->create(u, name, len, mode, target, &x)) < 0) {
		if (was)
			(void)ovl_whiteout_make_locked(u, name, len);
		return err;
	}
	ovl_sync_locked(dir);
	if (!vnode_is(x, LINUX_S_IFDIR)) {
		*out = x;
		return 0;
	}
	if (was && (err = xattr_set_locked(x, "trusted.overlay.opaque", "y",
	    1, 0)) < 0) {
		vnode_unref(x);
		(void)u->ops->unlink(u, name, len);
		return err;
	}
	return ovl_node_get_locked(dir->sb, dir, name, len, x, NULL, 0, out);
}

static int
ovl_link(struct vnode *dir, const char *name, size_t len, struct vnode *v)
    FW_REQUIRES(&fs_lock)
{
	struct ovl_node *n = dir->u.ovl;
	bool was;
	int err;

	if (ovl_is_dir(v))
		return -EPERM;
	if ((err = ovl_dir_copy_up_locked(dir)) < 0)
		return err;
	if ((err = ovl_unwhite_locked(n->upper, name, len, &was)) < 0)
		return err;
	if ((err = n->upper->ops->link(n->upper, name, len, v)) < 0) {
		if (was)
			(void)ovl_whiteout_make_locked(n->upper, name, len);
		return err;
	}
	ovl_sync_locked(dir);
	return 0;
}

/*
 * Empties upper directory u of the whiteouts left in it (all it holds
 * when the merged directory is empty), so it can go.
 */
static int
ovl_clear_whiteouts_locked(struct vnode *u) FW_REQUIRES(&fs_lock)
{
	struct linux_dirent64 h;
	uint64_t pos;
	uint8_t *buf;
	bool gone = true;
	long got;
	size_t off;
	int err = 0;

	if ((buf = fw_alloc(FW_PAGE_SIZE)) == NULL)
		return -ENOMEM;
	/* Each pass reads from the start again: entries went. */
	while (err == 0 && gone) {
		gone = false;
		pos = 0;
		if ((got = u->ops->getdents(u, buf, FW_PAGE_SIZE, &pos)) <= 0)
			break;
		for (off = 0; off < (size_t)got && err == 0;
		    off += h.d_reclen) {
			const char *nm = (const char *)buf + off +
			    offsetof(struct linux_dirent64, d_name);

			memcpy(&h, buf + off, sizeof(h));
			if (h.d_type != LINUX_DT_CHR)
				continue;
			err = u->ops->unlink(u, nm, str_len(nm));
			gone = true;
		}
	}
	fw_free(buf);
	return err;
}

/* Marks the overlay directory shown at name in dir as removed. */
static void
ovl_forget_locked(struct vnode *dir, const char *name, size_t len)
    FW_REQUIRES(&fs_lock)
{
	struct ovl_fs *fs = dir->sb->priv;
	struct ovl_node *n;

	for (n = fs->nodes; n != NULL; n = n->next) {
		if (n->parent == dir && n->v->nlink != 0 &&
		    str_len(n->name) == len && memcmp(n->name, name, len) == 0)
			n->v->nlink = 0;
	}
}

/* The real upper entry at name goes (a directory's whiteouts first). */
static int
ovl_remove_upper_locked(struct vnode *u, const char *name, size_t len)
    FW_REQUIRES(&fs_lock)
{
	struct vnode *x;
	int err = 0;

	if (ovl_real_lookup_locked(u, name, len, &x) < 0)
		return 0;
	if (vnode_is(x, LINUX_S_IFDIR))
		err = ovl_clear_whiteouts_locked(x);
	vnode_unref(x);
	return err < 0 ? err : u->ops->unlink(u, name, len);
}

static int
ovl_unlink(struct vnode *dir, const char *name, size_t len)
    FW_REQUIRES(&fs_lock)
{
	struct ovl_node *n = dir->u.ovl;
	bool lower = ovl_lower_has_locked(dir, name, len);
	int err;

	if ((err = ovl_dir_copy_up_locked(dir)) < 0)
		return err;
	if ((err = ovl_remove_upper_locked(n->upper, name, len)) < 0)
		return err;
	if (lower && (err = ovl_whiteout_make_locked(n->upper, name,
	    len)) < 0)
		return err;
	ovl_forget_locked(dir, name, len);
	ovl_sync_locked(dir);
	return 0;
}

/* The overlay directory at name in dir, if a directory is there. */
static struct vnode *
ovl_dir_at_locked(struct vnode *dir, const char *name) FW_REQUIRES(&fs_lock)
{
	struct vnode *x;

	if (ovl_lookup(dir, name, str_len(name), &x) < 0)
		return NULL;
	if (ovl_is_dir(x))
		return x;
	vnode_unref(x);
	return NULL;
}

/* Moves an entry within the upper layer (not an exchange). */
static int
ovl_move_locked(struct vnode *odir, const char *oname, struct vnode *ndir,
    const char *nname, struct vnode *src) FW_REQUIRES(&fs_lock)
{
	struct ovl_node *on = odir->u.ovl, *nn = ndir->u.ovl;
	size_t olen = str_len(oname), nlen = str_len(nname);
	bool olower = ovl_lower_has_locked(odir, oname, olen);
	bool nlower = ovl_lower_has_locked(ndir, nname, nlen);
	struct vnode *tgt = ovl_dir_at_locked(ndir, nname);
	bool was = false;
	int err = 0;

	if (tgt != NULL) {
		if ((err = ndir->ops->empty(tgt)) == 0 &&
		    tgt->u.ovl->upper != NULL)
			err = ovl_clear_whiteouts_locked(tgt->u.ovl->upper);
		vnode_unref(tgt);
		if (err < 0)
			return err;
	}
	if ((err = ovl_dir_copy_up_locked(ndir)) < 0)
		return err;
	err = ovl_unwhite_locked(nn->upper, nname, nlen, &was);
	if (err < 0 && err != -EEXIST)	/* an upper entry is replaced */
		return err;
	was |= nlower;
	if ((err = on->upper->ops->rename(on->upper, oname, nn->upper, nname,
	    false)) < 0)
		return err;
	if (src != NULL && was)
		err = xattr_set_locked(src->u.ovl->upper,
		    "trusted.overlay.opaque", "y", 1, 0);
	if (err == 0 && olower)
		err = ovl_whiteout_make_locked(on->upper, oname, olen);
	if (tgt != NULL)
		ovl_forget_locked(ndir, nname, nlen);
	if (src != NULL)
		ovl_node_rename(src->u.ovl, ndir, nname);
	return err;
}

static int
ovl_rename(struct vnode *odir, const char *oname, struct vnode *ndir,
    const char *nname, bool exchange) FW_REQUIRES(&fs_lock)
{
	struct ovl_node *on = odir->u.ovl;
	size_t olen = str_len(oname);
	struct vnode *src, *shown = NULL;
	int err;

	if (ovl_lookup(odir, oname, olen, &src) < 0)
		return -ENOENT;
	if ((ovl_is_dir(src) && src->u.ovl->origin) || (exchange &&
	    (ovl_lower_has_locked(odir, oname, olen) ||
	    ovl_lower_has_locked(ndir, nname, str_len(nname)))))
		err = -EXDEV;	/* no redirect_dir */
	else if (ovl_is_dir(src))
		err = ovl_dir_copy_up_locked(odir);
	else
		err = ovl_copy_up_locked(NULL, odir, oname, &src, &shown);
	if (err == 0 && exchange &&
	    (err = ovl_dir_copy_up_locked(ndir)) == 0)
		err = on->upper->ops->rename(on->upper, oname,
		    ndir->u.ovl->upper, nname, true);
	else if (err == 0)
		err = ovl_move_locked(odir, oname, ndir, nname,
		    ovl_is_dir(src) ? src : NULL);
	vnode_unref(shown);
	vnode_unref(src);
	ovl_sync_locked(odir);
	ovl_sync_locked(ndir);
	return err;
}

static int
ovl_name_of(struct vnode *dir, const struct vnode *v, const char **name,
    size_t *len) FW_REQUIRES(&fs_lock)
{
	struct ovl_node *n = dir->u.ovl;
	size_t i;

	if (ovl_is_dir(v)) {
		if (v->u.ovl->parent != dir)
			return -ENOENT;
		*name = v->u.ovl->name;
		*len = str_len(*name);
		return 0;
	}
	if (n->upper != NULL && n->upper->ops->name_of != NULL &&
	    n->upper->ops->name_of(n->upper, v, name, len) == 0)
		return 0;
	for (i = 0; i < n->nlower; i++) {
		if (n->lower[i]->ops->name_of != NULL &&
		    n->lower[i]->ops->name_of(n->lower[i], v, name, len) == 0)
			return 0;
	}
	return -ENOENT;
}

/* mkdir set the owner on the overlay vnode: it belongs to the upper. */
static void
ovl_attr_set(struct vnode *v) FW_REQUIRES(&fs_lock)
{
	struct ovl_node *n = v->u.ovl;

	if (n->upper == NULL)
		return;
	n->upper->mode = v->mode;
	n->upper->uid = v->uid;
	n->upper->gid = v->gid;
}

static long
ovl_read(struct vnode *v, void *buf, size_t len, uint64_t off)
{
	(void)v, (void)buf, (void)len, (void)off;
	return -EISDIR;
}

static long
ovl_write(struct vnode *v, const void *buf, size_t len, uint64_t off)
{
	(void)v, (void)buf, (void)len, (void)off;
	return -EISDIR;
}

static int
ovl_truncate(struct vnode *v, uint64_t size)
{
	(void)v, (void)size;
	return -EISDIR;
}

static void
ovl_release(struct vnode *v)
{
	struct ovl_node *n = v->u.ovl;
	size_t i;

	vnode_unref(n->upper);
	for (i = 0; i < n->nlower; i++)
		vnode_unref(n->lower[i]);
	vnode_unref(n->parent);
	fw_free(n);
}

const struct vnode_ops ovl_dir_ops = {
	.lookup = ovl_lookup,
	.create = ovl_create,
	.link = ovl_link,
	.unlink = ovl_unlink,
	.read = ovl_read,
	.write = ovl_write,
	.truncate = ovl_truncate,
	.getdents = ovl_getdents,
	.rename = ovl_rename,
	.release = ovl_release,
	.name_of = ovl_name_of,
	.empty = ovl_empty,
	.attr_set = ovl_attr_set,
};
