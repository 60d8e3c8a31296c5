/*
 * services/fs/open_tmpfile.c: open(2) with O_TMPFILE: an unnamed regular
 * file in the directory path names, with no link (st_nlink 0) until
 * linkat(2) with AT_EMPTY_PATH gives it one, which O_EXCL forbids.  The
 * flags must be O_TMPFILE without O_CREAT, and allow writing (EINVAL
 * otherwise); the directory needs write and search permission.
 *
 * Interface: open_tmpfile() (fs.h), called by vfs_open().
 * Locks: fs_lock around the permission check and the allocation.
 */
#include <svc/file.h>
#include <svc/vfs.h>
#include "fs.h"
#include "vext.h"

#define O_TMPFILE_BIT	(LINUX_O_TMPFILE & ~LINUX_O_DIRECTORY)

static int
tmpfile_new_locked(const struct fsctx *c, struct vnode *dir, int flags,
    unsigned int mode, struct vnode **out) FW_REQUIRES(&fs_lock)
{
	struct vnode_ext *e;
	struct vnode *v;
	int err;

	if ((err = vnode_permission(dir, c,
	    LINUX_W_OK | LINUX_X_OK)) < 0)
		return err;
	mode = LINUX_S_IFREG | (mode & ~c->umask & LINUX_S_IALLUGO);
	if ((err = sb_charge_inode(dir->sb)) < 0)
		return err;
	if ((err = vnode_alloc(dir->ops, mode, &v)) < 0) {
		sb_uncharge_inode(dir->sb);
		return err;
	}
	v->sb = dir->sb;			/* ramfs_release uncharges */
	v->nlink = 0;
	v->uid = c->cred.fsuid;
	v->gid = (dir->mode & LINUX_S_ISGID) ? dir->gid : c->cred.fsgid;
	if (!(flags & LINUX_O_EXCL)) {
		if ((err = vext_get(v, &e)) < 0) {
			vnode_unref(v);
			return err;
		}
		e->linkable = true;
	}
	*out = v;
	return 0;
}

int
open_tmpfile(struct proc *p, int dirfd, const char *path, int flags,
    unsigned int mode, struct file **out)
{
	int acc = flags & LINUX_O_ACCMODE, err;
	struct vnode *v = NULL;
	struct fsctx c;
	struct walk w;

	if ((flags & (LINUX_O_TMPFILE | LINUX_O_CREAT)) != LINUX_O_TMPFILE)
		return -EINVAL;
	if (acc != LINUX_O_WRONLY && acc != LINUX_O_RDWR)
		return -EINVAL;
	fsctx_get(p, &c);
	if ((err = lookup_at(&c, dirfd, path, 0, WALK_FOLLOW, &w)) < 0)
		goto out;
	if (!vnode_is(w.v, LINUX_S_IFDIR)) {
		err = -ENOTDIR;
	} else if (w.v->ops != &ramfs_ops) {
		err = -EOPNOTSUPP;
	} else if (mount_rdonly(w.mnt)) {
		err = -EROFS;
	} else {
		fw_mutex_lock(&fs_lock);
		err = tmpfile_new_locked(&c, w.v, flags, mode, &v);
		fw_mutex_unlock(&fs_lock);
	}
	if (err == 0) {
		struct vpath obj = { .mnt = w.mnt, .v = v };

		err = vnode_open(&obj, (unsigned int)flags & ~(unsigned int)
		    (O_TMPFILE_BIT | LINUX_O_DIRECTORY), out);
		vnode_unref(v);
	}
	walk_done(&w);
out:
	fsctx_put(&c);
	return err;
}
