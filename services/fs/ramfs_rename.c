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

int
ramfs_rename(struct vnode *odir, const char *oname, struct vnode *ndir,
    const char *nname, bool exchange)
{
	struct ramfs_dirent *od, *nd = NULL, *td;
	struct vnode *v, *tv = NULL;
	uint64_t now;
	int err;

	if ((od = rdir_find(odir, oname, str_len(oname))) == NULL)
		return -ENOENT;
	td = rdir_find(ndir, nname, str_len(nname));
	if (exchange)
		return td == NULL ? -ENOENT :
		    rename_exchange_locked(odir, od, ndir, td);
	v = od->v;
	if (td != NULL) {
		tv = td->v;
		if (vnode_is(tv, LINUX_S_IFDIR) && !rdir_empty(tv))
			return -ENOTEMPTY;
	} else if ((err = rdir_entry_new(ndir, nname, str_len(nname),
	    &nd)) < 0) {
		return err;
	}
	/* Act; nothing fails from here on.  od's reference moves on. */
	now = fw_clock_realtime();
	rdir_remove(odir, od);
	odir->size -= RAMFS_DIRENT_SIZE;
	if (td != NULL) {
		td->v = v;
		drop_target_locked(ndir, tv, now);
	} else {
		nd->v = v;
		rdir_insert(ndir, nd);
		ndir->size += RAMFS_DIRENT_SIZE;
	}
	fw_free(od);
	reparent_locked(v, odir, ndir);
	stamp_locked(odir, ndir, v, now);
	vnode_unref(tv);
	return 0;
}
