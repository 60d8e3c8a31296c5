/*
 * services/fs/ramfs_rename.c: the ramfs's rename operation (vnode_ops
 * rename): moving an entry, replacing an entry, or swapping two, with
 * the link counts of directories kept as tmpfs keeps them (a directory's
 * ".." counts in its parent) and the sizes of both directories.  The
 * checks are the caller's (sys_rename.c) except the emptiness of a
 * directory being replaced (ENOTEMPTY), which shmem_rename2() makes too.
 *
 * Interface: ramfs_rename() (fs.h).
 * Locks: runs with fs_lock held (fs.h).
 */
#include <fw/alloc.h>
#include <fw/timer.h>
#include <svc/lib.h>
#include "fs.h"

/*
 * Moves v's parent pointer with the entry (fs.h: a non-directory's is
 * the directory of its last link), and a directory's ".." count.
 */
static void
reparent_locked(struct vnode *v, struct vnode *from, struct vnode *to)
    FW_REQUIRES(&fs_lock)
{
	if (from == to)
		return;
	if (!vnode_is(v, LINUX_S_IFDIR)) {
		if (v->parent == from)
			v->parent = to;
		return;
	}
	from->nlink--;
	to->nlink++;
	v->parent = to;
}

/* Drops the entry's hold on tv, replaced by a rename (as unlink does). */
static void
drop_target_locked(struct vnode *ndir, struct vnode *tv, uint64_t now)
    FW_REQUIRES(&fs_lock)
{
	if (vnode_is(tv, LINUX_S_IFDIR)) {
		tv->nlink = 0;
		tv->parent = NULL;
		ndir->nlink--;
	} else {
		tv->nlink--;
		if (tv->parent == ndir)
			tv->parent = NULL;
	}
	tv->ctime = now;
}

static void
stamp_locked(struct vnode *odir, struct vnode *ndir, struct vnode *v,
    uint64_t now) FW_REQUIRES(&fs_lock)
{
	odir->mtime = odir->ctime = now;
	ndir->mtime = ndir->ctime = now;
	v->ctime = now;
}

static int
rename_exchange_locked(struct vnode *odir, struct ramfs_dirent *d1,
    struct vnode *ndir, struct ramfs_dirent *d2) FW_REQUIRES(&fs_lock)
{
	struct vnode *v1 = d1->v, *v2 = d2->v;
	uint64_t now = fw_clock_realtime();

	d1->v = v2;
	d2->v = v1;
	reparent_locked(v1, odir, ndir);
	reparent_locked(v2, ndir, odir);
	stamp_locked(odir, ndir, v1, now);
	v2->ctime = now;
	return 0;
}

/* A new entry name in dir, not yet linked; *out or -ENOMEM. */
static int
dirent_new(struct vnode *dir, const char *name, struct ramfs_dirent **out)
    FW_REQUIRES(&fs_lock)
{
	size_t len = str_len(name);
	struct ramfs_dirent *d;

	if ((d = fw_alloc(sizeof(*d) + len + 1)) == NULL)
		return -ENOMEM;
	d->next = NULL;
	d->v = NULL;
	d->cookie = dir->u.dir.next_cookie++;
	d->len = len;
	memcpy(d->name, name, len + 1);
	*out = d;
	return 0;
}

static void
dirent_append(struct vnode *dir, struct ramfs_dirent *d)
    FW_REQUIRES(&fs_lock)
{
	struct ramfs_dirent **pp;

	for (pp = &dir->u.dir.head; *pp != NULL; pp = &(*pp)->next)
		;
	*pp = d;
}

int
ramfs_rename(struct vnode *odir, const char *oname, struct vnode *ndir,
    const char *nname, bool exchange)
{
	struct ramfs_dirent **op, **np, *od, *nd = NULL, *td = NULL;
	struct vnode *v, *tv = NULL;
	uint64_t now;
	int err;

	if ((op = ramfs_find(odir, oname, str_len(oname))) == NULL)
		return -ENOENT;
	np = ramfs_find(ndir, nname, str_len(nname));
	if (exchange)
		return np == NULL ? -ENOENT :
		    rename_exchange_locked(odir, *op, ndir, *np);
	od = *op;
	v = od->v;
	if (np != NULL) {
		td = *np;
		tv = td->v;
		if (vnode_is(tv, LINUX_S_IFDIR) && tv->u.dir.head != NULL)
			return -ENOTEMPTY;
	} else if ((err = dirent_new(ndir, nname, &nd)) < 0) {
		return err;
	}
	/* Act; nothing fails from here on.  od's reference moves to nd. */
	now = fw_clock_realtime();
	*op = od->next;
	odir->size -= RAMFS_DIRENT_SIZE;
	if (td != NULL) {
		td->v = v;
		drop_target_locked(ndir, tv, now);
	} else {
		nd->v = v;
		dirent_append(ndir, nd);
		ndir->size += RAMFS_DIRENT_SIZE;
	}
	fw_free(od);
	reparent_locked(v, odir, ndir);
	stamp_locked(odir, ndir, v, now);
	vnode_unref(tv);
	return 0;
}
