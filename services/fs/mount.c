/*
 * services/fs/mount.c: the mount table (one namespace, as a system
 * without unshare(CLONE_NEWNS) has), superblocks, and the two steps of
 * the path walk that meet mounts: crossing onto what is mounted on a
 * directory, and ".." out of a mount's root (path_resolution(7)).
 *
 * A mount is held by every vpath through it (open files, cwds, roots,
 * walks in progress) and once by the table while attached; umount(2)
 * without MNT_DETACH therefore refuses (EBUSY) a mount held by anyone
 * else or with mounts below it.
 *
 * Interface: mount.h (mount_*), vpath_copy/vpath_drop/vfs_root
 * (svc/vfs.h).
 * Locks: the table and every mount's [F] fields are under fs_lock.
 */
#include <fw/alloc.h>
#include <svc/lib.h>
#include "fs.h"

static struct mount *mount_head;		/* [F] in mount order */
static struct mount *root_mount;		/* [F] */
static int next_mount_id = 20;			/* [F] as Linux's first */

struct mount *
mount_ref(struct mount *m)
{
	atomic_fetch_add(&m->nref, 1);
	return m;
}

void
mount_unref(struct mount *m)
{
	if (m == NULL || atomic_fetch_sub(&m->nref, 1) != 1)
		return;
	vnode_unref(m->root);
	sb_unref(m->sb);
	fw_free(m);
}

void
vpath_copy(struct vpath *dst, const struct vpath *src)
{
	dst->v = src->v != NULL ? vnode_ref(src->v) : NULL;
	dst->mnt = src->mnt != NULL ? mount_ref(src->mnt) : NULL;
}

void
vpath_drop(struct vpath *p)
{
	vnode_unref(p->v);
	mount_unref(p->mnt);
	p->v = NULL;
	p->mnt = NULL;
}

void
vfs_root_locked(struct vpath *out)
{
	out->mnt = mount_ref(root_mount);
	out->v = vnode_ref(root_mount->root);
}

void
vfs_root(struct vpath *out)
{
	fw_mutex_lock(&fs_lock);
	vfs_root_locked(out);
	fw_mutex_unlock(&fs_lock);
}

int
mount_attach_locked(const struct vpath *mp, struct superblock *sb,
    struct vnode *root, uint32_t flags, struct mount **out)
{
	struct mount *m, **pp;

	if ((m = fw_zalloc(1, sizeof(*m))) == NULL)
		return -ENOMEM;
	atomic_init(&m->nref, 1);			/* the table's */
	m->id = next_mount_id++;
	atomic_fetch_add(&sb->nref, 1);
	m->sb = sb;
	m->root = vnode_ref(root);
	m->flags = flags;
	if (mp != NULL) {
		m->parent = mp->mnt;
		m->mountpoint = vnode_ref(mp->v);
		mp->v->mounted++;
	} else {
		root_mount = m;
	}
	for (pp = &mount_head; *pp != NULL; pp = &(*pp)->next)
		;
	*pp = m;
	if (out != NULL)
		*out = m;
	return 0;
}

/* Takes m off the table: it keeps working for those who hold it. */
void
mount_detach_locked(struct mount *m)
{
	struct mount **pp;

	for (pp = &mount_head; *pp != NULL; pp = &(*pp)->next) {
		if (*pp == m) {
			*pp = m->next;
			break;
		}
	}
	m->next = NULL;
	m->parent = NULL;
	if (m->mountpoint != NULL) {
		m->mountpoint->mounted--;
		vnode_unref(m->mountpoint);
		m->mountpoint = NULL;
	}
	mount_unref(m);
}

void
mount_move_locked(struct mount *m, struct mount *parent, struct vnode *mp)
{
	m->mountpoint->mounted--;
	vnode_unref(m->mountpoint);
	m->parent = parent;
	m->mountpoint = vnode_ref(mp);
	mp->mounted++;
}

void
mount_detach_tree_locked(struct mount *m)
{
	struct mount *c;

	for (;;) {
		for (c = mount_head; c != NULL && c->parent != m; c = c->next)
			;
		if (c == NULL)
			break;
		mount_detach_tree_locked(c);
	}
	mount_detach_locked(m);
}

/* The types mount(2) knows, built in first, then registered ones. */
static const struct fstype *fstypes[16] = {
	&ramfs_type, &tmpfs_type, &devtmpfs_type, &devpts_type,
	&overlay_type, &p9fs_type,
};

void
fstype_register_locked(const struct fstype *type)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(fstypes); i++) {
		if (fstypes[i] == NULL || fstypes[i] == type) {
			fstypes[i] = type;
			return;
		}
	}
}

const struct fstype *
fstype_find(const char *name, size_t len)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(fstypes) && fstypes[i] != NULL; i++) {
		if (str_len(fstypes[i]->name) == len &&
		    memcmp(fstypes[i]->name, name, len) == 0)
			return fstypes[i];
	}
	return NULL;
}

const struct fstype *
fstype_at(size_t i)
{
	return i < ARRAY_SIZE(fstypes) ? fstypes[i] : NULL;
}

/* The mount on (mnt, v), or NULL. */
static struct mount *
mount_on_locked(const struct mount *mnt, const struct vnode *v)
    FW_REQUIRES(&fs_lock)
{
	struct mount *m;

	for (m = mount_head; m != NULL; m = m->next) {
		if (m->parent == mnt && m->mountpoint == v)
			return m;
	}
	return NULL;
}

bool
mount_has_children_locked(const struct mount *mnt)
{
	struct mount *m;

	for (m = mount_head; m != NULL; m = m->next) {
		if (m->parent == mnt)
			return true;
	}
	return false;
}

void
mount_cross_locked(struct vpath *p)
{
	struct mount *m;

	while (p->v->mounted > 0 &&
	    (m = mount_on_locked(p->mnt, p->v)) != NULL) {
		vpath_drop(p);
		p->mnt = mount_ref(m);
		p->v = vnode_ref(m->root);
	}
}

void
mount_dotdot_locked(const struct fsctx *c, struct vpath *p)
{
	struct vnode *up;
	struct mount *pm;

	for (;;) {
		if (p->v == c->root.v && p->mnt == c->root.mnt)
			return;			/* ".." of the root is itself */
		if (p->v != p->mnt->root)
			break;
		if (p->mnt->parent == NULL)
			return;			/* the top of a detached tree */
		up = vnode_ref(p->mnt->mountpoint);
		pm = mount_ref(p->mnt->parent);
		vpath_drop(p);
		p->v = up;
		p->mnt = pm;
	}
	if ((up = p->v->parent) != NULL) {
		vnode_ref(up);
		vnode_unref(p->v);
		p->v = up;
	}
	mount_cross_locked(p);
}

bool
mount_rdonly(const struct mount *m)
{
	return m != NULL && ((m->flags & LINUX_MS_RDONLY) ||
	    (m->sb->flags & LINUX_MS_RDONLY));
}

void
mount_each_locked(void (*fn)(struct mount *m, void *arg), void *arg)
{
	struct mount *m;

	for (m = mount_head; m != NULL; m = m->next)
		fn(m, arg);
}

/* Detaches every mount (shutdown and tests), children first. */
void
mount_fini(void)
{
	struct mount *m, *last;

	fw_mutex_lock(&fs_lock);
	while (mount_head != NULL) {
		for (last = mount_head; last->next != NULL; last = last->next)
			;
		m = last;
		mount_detach_locked(m);
	}
	root_mount = NULL;
	fw_mutex_unlock(&fs_lock);
}
