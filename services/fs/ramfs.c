/*
 * services/fs/ramfs.c: the in-memory file system's directories, symlinks
 * and device nodes.  A directory is an index of entries (ramfs_dir.c) in
 * creation order, each holding a reference to its vnode; a cookie per
 * entry lets getdents64 resume after entries come and go.  ".." is the uncounted
 * parent pointer, valid while the directory is linked (a linked parent
 * cannot be removed, since it is not empty); rmdir clears it.  Other
 * objects point at the directory of their last link, cleared when that
 * link is removed, so the pointer never outlives the directory.
 * Regular files' pages are in ramfs_file.c.
 *
 * Locks: every op runs with fs_lock held (fs.h), except release, which runs
 * on an unreachable vnode.
 */
#include <fw/alloc.h>
#include <svc/lib.h>
#include "fs.h"

static int
ramfs_lookup(struct vnode *dir, const char *name, size_t len,
    struct vnode **out)
{
	struct ramfs_dirent *d = rdir_find(dir, name, len);

	if (d == NULL)
		return -ENOENT;
	*out = vnode_ref(d->v);
	return 0;
}

/* Appends an entry for v, which gains a reference and a link. */
static int
ramfs_link(struct vnode *dir, const char *name, size_t len, struct vnode *v)
    FW_REQUIRES(&fs_lock)
{
	struct ramfs_dirent *d;
	int err;

	if ((err = rdir_entry_new(dir, name, len, &d)) < 0)
		return err;
	d->v = vnode_ref(v);
	rdir_insert(dir, d);
	if (vnode_is(v, LINUX_S_IFDIR))
		dir->nlink++;
	v->parent = dir;
	v->nlink++;
	dir->size += RAMFS_DIRENT_SIZE;
	vnode_touch_locked(dir, true);
	return 0;
}

static int
ramfs_create(struct vnode *dir, const char *name, size_t len, uint32_t mode,
    const char *target, struct vnode **out) FW_REQUIRES(&fs_lock)
{
	struct vnode *v;
	int err;

	if ((err = sb_charge_inode(dir->sb)) < 0)
		return err;
	if ((err = vnode_alloc(&ramfs_ops, mode, &v)) < 0) {
		sb_uncharge_inode(dir->sb);
		return err;
	}
	v->sb = dir->sb;
	v->nlink = 0;
	if (vnode_is(v, LINUX_S_IFDIR)) {
		v->nlink = 1;			/* "." ; the entry adds one */
		v->u.dir.next_cookie = 2;
		v->size = 2 * RAMFS_DIRENT_SIZE;
	} else if (vnode_is(v, LINUX_S_IFLNK)) {
		if ((v->u.target = str_dup(target)) == NULL) {
			err = -ENOMEM;
			goto fail;
		}
		v->size = str_len(target);
	}
	if ((err = ramfs_link(dir, name, len, v)) < 0)
		goto fail;
	*out = v;				/* the allocation's reference */
	return 0;
fail:
	vnode_unref(v);
	return err;
}

/* Removes the entry; the caller has checked the rules (fs/unlink.c). */
static int
ramfs_unlink(struct vnode *dir, const char *name, size_t len)
    FW_REQUIRES(&fs_lock)
{
	struct ramfs_dirent *d = rdir_find(dir, name, len);
	struct vnode *v;

	if (d == NULL)
		return -ENOENT;
	rdir_remove(dir, d);
	v = d->v;
	if (vnode_is(v, LINUX_S_IFDIR)) {
		v->nlink = 0;
		v->parent = NULL;
		dir->nlink--;
	} else {
		v->nlink--;
		if (v->parent == dir)
			v->parent = NULL;
	}
	dir->size -= RAMFS_DIRENT_SIZE;
	vnode_touch_locked(dir, true);
	v->ctime = dir->mtime;
	fw_free(d);
	vnode_unref(v);
	return 0;
}

/* Positions: 0 is ".", 1 is "..", then the entry with the next cookie. */
static long
ramfs_getdents(struct vnode *dir, void *buf, size_t len, uint64_t *pos)
{
	struct vnode *up = dir->parent ? dir->parent : dir;
	struct ramfs_dirent *d = NULL;
	size_t off = 0, n;

	/* Every goto full leaves a record that did not fit. */
	if (*pos == 0) {
		if ((n = dirent_put(buf, len, off, dir->ino, 1,
		    LINUX_DT_DIR, ".", 1)) == 0)
			goto full;
		off += n;
		*pos = 1;
	}
	if (*pos == 1) {
		if ((n = dirent_put(buf, len, off, up->ino, 2,
		    LINUX_DT_DIR, "..", 2)) == 0)
			goto full;
		off += n;
		*pos = 2;
	}
	for (d = rdir_seek(dir, *pos); d != NULL; d = d->next) {
		if ((n = dirent_put(buf, len, off, d->v->ino,
		    (int64_t)d->cookie + 1, vnode_dtype(d->v), d->name,
		    d->len)) == 0)
			goto full;
		off += n;
		*pos = d->cookie + 1;
	}
	return (long)off;
full:
	if (d != NULL)
		dir->u.dir.hint = d;		/* where the next call starts */
	return off == 0 ? -EINVAL : (long)off;
}

static void
ramfs_release(struct vnode *v)
{
	sb_uncharge_inode(v->sb);
	if (vnode_is(v, LINUX_S_IFDIR))
		ramfs_destroy_tree(v);		/* frees the index too */
	else if (vnode_is(v, LINUX_S_IFREG))
		ramfs_file_release(v);
	else if (vnode_is(v, LINUX_S_IFLNK))
		fw_free(v->u.target);
}

const struct vnode_ops ramfs_ops = {
	.lookup = ramfs_lookup,
	.create = ramfs_create,
	.link = ramfs_link,
	.unlink = ramfs_unlink,
	.read = ramfs_read,
	.read_frames = ramfs_read_frames,
	.write = ramfs_write,
	.truncate = ramfs_truncate,
	.get_page = ramfs_get_page,
	.getdents = ramfs_getdents,
	.rename = ramfs_rename,
	.release = ramfs_release,
	.name_of = ramfs_name_of_locked,
};

int
ramfs_new_root(struct superblock *sb, uint32_t mode, struct vnode **out)
{
	struct vnode *v;
	int err;

	if ((err = sb_charge_inode(sb)) < 0)
		return err;
	if ((err = vnode_alloc(&ramfs_ops, LINUX_S_IFDIR | mode, &v)) < 0) {
		sb_uncharge_inode(sb);
		return err;
	}
	v->sb = sb;
	v->nlink = 2;
	v->u.dir.next_cookie = 2;
	v->size = 2 * RAMFS_DIRENT_SIZE;
	*out = v;
	return 0;
}

/*
 * Drops every entry below dir.  No other user may remain.  A directory's
 * entries move up to dir before it goes (rdir_adopt_all), so trees of
 * any depth come apart in one loop, without recursion.
 */
void
ramfs_destroy_tree(struct vnode *dir)
{
	struct ramfs_dirent *d;

	rdir_index_free(dir);
	while ((d = dir->u.dir.head) != NULL) {
		rdir_remove(dir, d);
		if (vnode_is(d->v, LINUX_S_IFDIR))
			rdir_adopt_all(dir, d->v);
		if (d->v->parent == dir)
			d->v->parent = NULL;
		vnode_unref(d->v);
		fw_free(d);
	}
}

int
ramfs_name_of_locked(struct vnode *dir, const struct vnode *v,
    const char **name, size_t *len)
{
	struct ramfs_dirent *d;

	for (d = dir->u.dir.head; d != NULL; d = d->next) {
		if (d->v == v) {
			*name = d->name;
			*len = d->len;
			return 0;
		}
	}
	return -ENOENT;
}
