/*
 * services/fs/overlayfs.c: the "overlay" file-system type (overlay.h):
 * its options, as Linux 6.x takes them (lowerdir=A:B with upperdir= and
 * workdir=, or two or more lowers and no upper, read-only), the instance,
 * and the table of its directories.
 *
 * Interface: overlay_type (mount.h), overlay.h.
 * Locks: fill runs under fs_lock before the superblock is reachable; kill
 * runs when nothing else holds the instance.
 */
#include <fw/alloc.h>
#include <fw/log.h>
#include <svc/lib.h>
#include <uapi/stat.h>
#include "overlay.h"
#include "xattr.h"

/* mount(2)'s options, before they are walked. */
struct ovl_opts {
	char	*lowerdir, *upperdir, *workdir;
};

static int
ovl_option(void *arg, const char *key, const char *val)
{
	struct ovl_opts *o = arg;
	char **slot;

	if (str_eq(key, "lowerdir"))
		slot = &o->lowerdir;
	else if (str_eq(key, "upperdir"))
		slot = &o->upperdir;
	else if (str_eq(key, "workdir"))
		slot = &o->workdir;
	else
		return -EINVAL;
	if (val == NULL)
		return -EINVAL;
	fw_free(*slot);
	return (*slot = str_dup(val)) == NULL ? -ENOMEM : 0;
}

/* Walks path for c to a directory: 0 with *out (and *sb) held, -errno. */
static int
ovl_walk_dir_locked(const struct fsctx *c, const char *path,
    struct vnode **out, struct superblock **sb) FW_REQUIRES(&fs_lock)
{
	struct walk w;
	int err;

	if (path[0] == '\0')
		return -ENOENT;
	if ((err = walk_path_locked(c, &c->cwd, path, WALK_FOLLOW, &w)) < 0)
		return err;
	if (w.v == NULL)
		err = -ENOENT;
	else if (!vnode_is(w.v, LINUX_S_IFDIR) ||
	    (w.v->ops->flags & VOPS_UNLOCKED))
		err = -EINVAL;	/* Linux 6.18: not ENOTDIR; no procfs layers */
	if (err == 0) {
		*out = vnode_ref(w.v);
		*sb = sb_ref(w.mnt->sb);
	}
	walk_done(&w);
	return err;
}

/* Whether a is b or below it, by the real parents. */
static bool
ovl_within(const struct vnode *a, const struct vnode *b)
{
	for (; a != NULL; a = a->parent) {
		if (a == b)
			return true;
	}
	return false;
}

/* Linux makes "work" (mode 0) in workdir for its copies. */
static int
ovl_workdir_locked(struct vnode *work) FW_REQUIRES(&fs_lock)
{
	struct vnode *v;
	int err;

	if (ovl_real_lookup_locked(work, "work", 4, &v) == 0) {
		vnode_unref(v);
		return 0;
	}
	if ((err = work->ops->create(work, "work", 4, LINUX_S_IFDIR, NULL,
	    &v)) < 0)
		return err;
	vnode_unref(v);
	return 0;
}

/* The upper and work directories: 0 with *upper held, or -errno. */
static int
ovl_fill_upper_locked(struct ovl_fs *fs, const struct ovl_opts *o,
    const struct fsctx *c, struct vnode **upper) FW_REQUIRES(&fs_lock)
{
	struct superblock *wsb = NULL;
	struct vnode *work = NULL;
	int err;

	if (o->workdir == NULL)
		return -EINVAL;
	if ((err = ovl_walk_dir_locked(c, o->upperdir, upper, &fs->usb)) < 0)
		return err;
	if ((err = ovl_walk_dir_locked(c, o->workdir, &work, &wsb)) < 0)
		return err;
	if (wsb == NULL || wsb != fs->usb || ovl_within(work, *upper) ||
	    ovl_within(*upper, work))
		err = -EINVAL;	/* same fs, separate subtrees */
	else if (!(fs->usb->flags & LINUX_MS_RDONLY))
		err = ovl_workdir_locked(work);
	else
		err = -EROFS;
	vnode_unref(work);
	sb_unref(wsb);
	return err;
}

/* The lower directories, "A:B:C", top first: 0 or -errno. */
static int
ovl_fill_lower_locked(struct ovl_fs *fs, const char *list,
    const struct fsctx *c, struct vnode **lower) FW_REQUIRES(&fs_lock)
{
	char path[LINUX_PATH_MAX];
	const char *e;
	size_t len;
	int err;

	while (*list != '\0') {
		for (e = list; *e != '\0' && *e != ':'; e++)
			;
		len = (size_t)(e - list);
		if (len == 0 || len >= sizeof(path) ||
		    fs->nlower == OVL_MAX_LOWER)
			return -EINVAL;
		memcpy(path, list, len);
		path[len] = '\0';
		if ((err = ovl_walk_dir_locked(c, path, &lower[fs->nlower],
		    &fs->lsb[fs->nlower])) < 0)
			return err;
		fs->nlower++;
		list = *e == ':' ? e + 1 : e;
	}
	return fs->nlower == 0 ? -EINVAL : 0;
}

/* What /proc/mounts shows after "rw" or "ro" (Linux 6.18's order). */
static char *
ovl_show_make(const struct ovl_opts *o)
{
	size_t size = str_len(o->lowerdir) + 64 + (o->upperdir != NULL ?
	    str_len(o->upperdir) + str_len(o->workdir) : 0);
	char *s = fw_alloc(size);

	if (s == NULL)
		return NULL;
	if (o->upperdir != NULL)
		fw_snprintf(s, size, ",lowerdir=%s,upperdir=%s,workdir=%s,"
		    "uuid=on", o->lowerdir, o->upperdir, o->workdir);
	else
		fw_snprintf(s, size, ",lowerdir=%s,redirect_dir=on",
		    o->lowerdir);
	return s;
}

static void
ovl_fs_free(struct ovl_fs *fs)
{
	struct ovl_node *n;
	size_t i;

	while ((n = fs->nodes) != NULL) {
		fs->nodes = n->next;
		vnode_unref(n->v);
	}
	for (i = 0; i < fs->nlower; i++)
		sb_unref(fs->lsb[i]);
	sb_unref(fs->usb);
	fw_free(fs->show);
	fw_free(fs);
}

static int
ovl_fill_locked(struct superblock *sb, struct ovl_fs *fs,
    const struct ovl_opts *o, const struct fsctx *c) FW_REQUIRES(&fs_lock)
{
	struct vnode *upper = NULL, *lower[OVL_MAX_LOWER] = { NULL };
	size_t i;
	int err;

	if (o->lowerdir == NULL)
		return -EINVAL;
	if ((err = ovl_fill_lower_locked(fs, o->lowerdir, c, lower)) < 0)
		goto out;
	if (o->upperdir != NULL)
		err = ovl_fill_upper_locked(fs, o, c, &upper);
	else if (fs->nlower < 2)
		err = -EINVAL;	/* "at least 2 lowerdir are needed" */
	else
		sb->flags |= LINUX_MS_RDONLY;
	if (err == 0 && (fs->show = ovl_show_make(o)) == NULL)
		err = -ENOMEM;
	if (err == 0) {
		sb->priv = fs;
		err = ovl_node_get_locked(sb, NULL, "", 0, upper, lower,
		    fs->nlower, &sb->root);
		return err;	/* the node took upper and the lowers */
	}
out:
	for (i = 0; i < fs->nlower; i++)
		vnode_unref(lower[i]);
	vnode_unref(upper);
	return err;
}

/* fill_at: sys_mount.c calls it with fs_lock held. */
static int
ovl_fill(struct superblock *sb, const char *data, const struct fsctx *c)
    FW_REQUIRES(&fs_lock)
{
	struct ovl_opts o = { 0 };
	struct ovl_fs *fs;
	int err;

	if ((fs = fw_zalloc(1, sizeof(*fs))) == NULL)
		return -ENOMEM;
	if ((err = mount_options_each(data, ovl_option, &o)) == 0) {
		if (o.upperdir == NULL && o.workdir != NULL) {
			fw_free(o.workdir);	/* Linux: useless, ignored */
			o.workdir = NULL;
		}
		err = ovl_fill_locked(sb, fs, &o, c);
	}
	if (err < 0) {
		sb->priv = NULL;
		ovl_fs_free(fs);
	}
	fw_free(o.lowerdir);
	fw_free(o.upperdir);
	fw_free(o.workdir);
	return err;
}

/*
 * The root vnode outlives this (sb_unref() drops it after), but the
 * layers' superblocks may not: it lets go of its real directories first.
 */
static void
ovl_kill(struct superblock *sb)
{
	struct ovl_node *n = sb->root->u.ovl;
	size_t i;

	vnode_unref(n->upper);
	n->upper = NULL;
	for (i = 0; i < n->nlower; i++)
		vnode_unref(n->lower[i]);
	n->nlower = 0;
	ovl_fs_free(sb->priv);
}

static size_t
ovl_show(const struct superblock *sb, char *buf, size_t size)
{
	const struct ovl_fs *fs = sb->priv;

	return str_lcpy(buf, fs->show, size) < size ? str_len(buf) : size;
}

const struct fstype overlay_type = {
	.name = "overlay",
	.magic = LINUX_OVERLAYFS_MAGIC,
	.nodev = true,
	.fill_at = ovl_fill,
	.kill = ovl_kill,
	.show = ovl_show,
};

bool
ovl_mount(const struct mount *m)
{
	return m != NULL && m->sb->type == &overlay_type;
}

bool
ovl_whiteout(const struct vnode *v)
{
	return vnode_is(v, LINUX_S_IFCHR) && v->rmajor == 0 && v->rminor == 0;
}

bool
ovl_opaque_locked(const struct vnode *v)
{
	char val[2];

	return xattr_get_locked(v, "trusted.overlay.opaque", val,
	    sizeof(val)) == 1 && val[0] == 'y';
}

struct vnode *
ovl_real(struct vnode *v)
{
	struct ovl_node *n = v->u.ovl;

	if (!ovl_is_dir(v))
		return v;
	return n->upper != NULL ? n->upper : n->lower[0];
}

void
ovl_sync_locked(struct vnode *v)
{
	struct ovl_node *n = v->u.ovl;
	struct vnode *r = ovl_real(v);

	v->mode = r->mode;
	v->uid = r->uid;
	v->gid = r->gid;
	v->size = r->size;
	v->atime = r->atime;
	v->mtime = r->mtime;
	v->ctime = r->ctime;
	if (v->nlink != 0)	/* merged directories say 1, as Linux */
		v->nlink = n->upper != NULL && n->nlower > 0 ? 1 : r->nlink;
}

int
ovl_real_lookup_locked(struct vnode *dir, const char *name, size_t len,
    struct vnode **out)
{
	if (dir == NULL || dir->ops->lookup == NULL)
		return -ENOENT;
	return dir->ops->lookup(dir, name, len, out);
}

bool
ovl_lower_has_locked(struct vnode *v, const char *name, size_t len)
{
	struct ovl_node *n = v->u.ovl;
	struct vnode *x;
	bool wh;
	size_t i;

	for (i = 0; i < n->nlower; i++) {
		if (ovl_real_lookup_locked(n->lower[i], name, len, &x) < 0)
			continue;
		wh = ovl_whiteout(x);
		vnode_unref(x);
		return !wh;
	}
	return false;
}

/* The instance's directory merging these, or NULL. */
static struct ovl_node *
ovl_node_find(struct ovl_fs *fs, const struct vnode *upper,
    struct vnode *const *lower, size_t nlower)
{
	struct ovl_node *n;

	for (n = fs->nodes; n != NULL; n = n->next) {
		if (n->v->nlink == 0)
			continue;
		if ((upper != NULL && n->upper == upper) ||
		    (nlower > 0 && n->nlower > 0 && n->lower[0] == lower[0]))
			return n;
	}
	return NULL;
}

/* Takes the found node up to date with this lookup (consumes refs). */
static void
ovl_node_update(struct ovl_node *n, struct vnode *parent, const char *name,
    size_t len, struct vnode *upper, struct vnode **lower, size_t nlower)
{
	size_t i;

	if (n->upper == NULL && upper != NULL)
		n->upper = vnode_ref(upper);
	if (parent != NULL && n->parent != parent) {
		vnode_unref(n->parent);
		n->parent = vnode_ref(parent);
		n->v->parent = parent;
	}
	memcpy(n->name, name, len);
	n->name[len] = '\0';
	vnode_unref(upper);
	for (i = 0; i < nlower; i++)
		vnode_unref(lower[i]);
}

int
ovl_node_get_locked(struct superblock *sb, struct vnode *parent,
    const char *name, size_t len, struct vnode *upper, struct vnode **lower,
    size_t nlower, struct vnode **out)
{
	struct ovl_fs *fs = sb->priv;
	struct vnode *r = upper != NULL ? upper : nlower > 0 ? lower[0] : NULL;
	struct ovl_node *n;
	struct vnode *v;
	size_t i;

	if (r == NULL)
		return -ENOENT;		/* callers pass one at least */

	if ((n = ovl_node_find(fs, upper, lower, nlower)) != NULL) {
		ovl_node_update(n, parent, name, len, upper, lower, nlower);
		ovl_sync_locked(n->v);
		*out = vnode_ref(n->v);
		return 0;
	}
	n = fw_zalloc(1, sizeof(*n));
	if (n == NULL || vnode_alloc(&ovl_dir_ops, r->mode, &v) < 0) {
		fw_free(n);
		vnode_unref(upper);
		for (i = 0; i < nlower; i++)
			vnode_unref(lower[i]);
		return -ENOMEM;
	}
	n->v = v;
	n->upper = upper;
	for (i = 0; i < nlower; i++)
		n->lower[i] = lower[i];
	n->nlower = nlower;
	n->origin = nlower > 0;
	n->parent = parent != NULL ? vnode_ref(parent) : NULL;
	memcpy(n->name, name, len);
	n->name[len] = '\0';
	v->u.ovl = n;
	v->sb = sb;
	v->ino = n->origin ? lower[0]->ino : upper->ino;
	v->btime = r->btime;
	v->parent = parent;
	ovl_sync_locked(v);
	n->next = fs->nodes;
	fs->nodes = n;
	*out = vnode_ref(v);	/* the table keeps the first reference */
	return 0;
}

void
ovl_node_rename(struct ovl_node *n, struct vnode *parent, const char *name)
{
	size_t len = str_len(name);

	if (n->parent != parent) {
		vnode_unref(n->parent);
		n->parent = vnode_ref(parent);
		n->v->parent = parent;
	}
	memcpy(n->name, name, len + 1);
}
