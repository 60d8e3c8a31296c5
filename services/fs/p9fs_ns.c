/*
 * services/fs/p9fs_ns.c: changing a 9p tree (p9fs.h): create (Tlcreate,
 * Tmkdir, Tsymlink, Tmknod), link, unlink and rmdir (Tunlinkat), rename
 * (Trenameat) and setattr (Tsetattr), each sent to the server first and
 * then mirrored in the directories' entry caches, so what the guest sees
 * is what the host has.  Memory the mirror needs is taken before the
 * message goes, so nothing fails once the server has acted.
 *
 * The server is the judge of every change: a read-only export answers
 * EROFS, a device node EPERM, a directory not empty ENOTEMPTY, and it
 * never follows a symlink on the host (p9srv.h).  RENAME_EXCHANGE has no
 * message and is EINVAL, as Linux's v9fs says.  Owners: the server makes
 * files as the user running Trellis; the guest's owner is kept in the
 * vnode, and chown is passed on (the host may refuse it: EPERM).
 *
 * Interface: p9fs.h.
 * Locks: every op runs under fs_lock.
 */
#include <fw/alloc.h>
#include <svc/lib.h>
#include <uapi/fcntl.h>
#include <uapi/stat.h>
#include "p9fs.h"

static int
proto_io(int err)
{
	return err == -EPROTO ? -EIO : err;
}

int
p9fs_objfid_locked(struct p9_node *n, uint32_t *fid, bool *owned)
{
	struct vnode *dir = n->v->parent;
	struct p9_qid qid;
	int err;

	*owned = false;
	if (n->fid != P9_NOFID) {
		*fid = n->fid;
		return 0;
	}
	fw_mutex_lock(&n->fs->lock);
	*fid = n->ofid;
	fw_mutex_unlock(&n->fs->lock);
	if (*fid != P9_NOFID)
		return 0;
	if (dir == NULL || n->name == NULL)
		return -ESTALE;
	if ((err = p9c_walk(n->fs->c, dir->p9->fid, n->name,
	    str_len(n->name), fid, &qid)) < 0)
		return proto_io(err);
	if (qid.path != n->v->ino) {
		p9c_clunk(n->fs->c, *fid);
		return -ESTALE;		/* another file has the name now */
	}
	*owned = true;
	return 0;
}

/* dir's entry called name, looked up if not yet: NULL with *err. */
static struct ramfs_dirent *
entry_get(struct vnode *dir, const char *name, size_t len, int *err)
    FW_REQUIRES(&fs_lock)
{
	struct ramfs_dirent *d = rdir_find(dir, name, len);
	struct vnode *v;

	if (d != NULL)
		return d;
	if ((*err = p9fs_lookup(dir, name, len, &v)) < 0)
		return NULL;
	vnode_unref(v);
	if ((d = rdir_find(dir, name, len)) == NULL)
		*err = -ENOENT;
	return d;
}

/* Makes the object on the server; a new regular file's fid in *ofid. */
static int
create_remote(struct vnode *dir, const char *name, size_t len,
    uint32_t mode, const char *target, uint32_t *ofid)
    FW_REQUIRES(&fs_lock)
{
	struct p9c *c = dir->p9->fs->c;
	uint32_t dfid = dir->p9->fid, perm = mode & 07777;
	struct p9_qid qid;
	int err;

	/* gid: the server makes files as its own user and ignores it. */
	switch (mode & LINUX_S_IFMT) {
	case LINUX_S_IFREG:
		if ((err = p9c_walk(c, dfid, NULL, 0, ofid, &qid)) < 0)
			return err;
		if ((err = p9c_lcreate(c, *ofid, name, len, LINUX_O_RDWR,
		    perm, 0, &qid)) < 0) {
			p9c_clunk(c, *ofid);
			*ofid = P9_NOFID;
		}
		return err;
	case LINUX_S_IFDIR:
		return p9c_mkdir(c, dfid, name, len, perm, 0, &qid);
	case LINUX_S_IFLNK:
		return p9c_symlink(c, dfid, name, len, target, 0, &qid);
	default:
		/* The caller sets a device's numbers after: none is made. */
		return p9c_mknod(c, dfid, name, len, mode, 0, 0, 0, &qid);
	}
}

int
p9fs_create(struct vnode *dir, const char *name, size_t len, uint32_t mode,
    const char *target, struct vnode **out)
{
	uint32_t ofid = P9_NOFID;
	int err;

	if (rdir_find(dir, name, len) != NULL)
		return -EEXIST;
	if ((err = create_remote(dir, name, len, mode, target, &ofid)) < 0)
		return proto_io(err);
	if ((err = p9fs_lookup(dir, name, len, out)) < 0) {
		if (ofid != P9_NOFID)
			p9c_clunk(dir->p9->fs->c, ofid);
		return err;
	}
	if (ofid != P9_NOFID)
		p9fs_ofid_adopt_locked((*out)->p9, ofid);
	if (vnode_is(*out, LINUX_S_IFDIR))
		dir->nlink++;
	vnode_touch_locked(dir, true);
	return 0;
}

int
p9fs_link(struct vnode *dir, const char *name, size_t len, struct vnode *v)
{
	struct p9_node *n = v->p9;
	struct ramfs_dirent *d;
	char *copy = NULL;
	uint32_t fid;
	bool owned;
	int err;

	if (rdir_find(dir, name, len) != NULL)
		return -EEXIST;
	if ((err = rdir_entry_new(dir, name, len, &d)) < 0)
		return err;
	/* A file whose name went gets this one to be walked to by. */
	if (n->name == NULL && (copy = fw_alloc(len + 1)) == NULL) {
		fw_free(d);
		return -ENOMEM;
	}
	if ((err = p9fs_objfid_locked(n, &fid, &owned)) == 0) {
		err = proto_io(p9c_link(n->fs->c, dir->p9->fid, fid, name,
		    len));
		if (owned)
			p9c_clunk(n->fs->c, fid);
	}
	if (err < 0) {
		fw_free(copy);
		fw_free(d);
		return err;
	}
	d->v = vnode_ref(v);
	rdir_insert(dir, d);
	v->nlink++;
	if (copy != NULL) {
		memcpy(copy, name, len);
		copy[len] = '\0';
		n->name = copy;
		v->parent = dir;
	}
	vnode_touch_locked(dir, true);
	v->ctime = dir->mtime;
	return 0;
}

/*
 * Before the server removes entry d of dir: an open regular file keeps
 * an opened fid, since its name will be gone.
 */
static void
entry_prepare_drop(struct ramfs_dirent *d) FW_REQUIRES(&fs_lock)
{
	struct vnode *v = d->v;

	if (vnode_is(v, LINUX_S_IFREG) && atomic_load(&v->nref) > 1)
		p9fs_pin_locked(v->p9);
}

/* The server removed d (called name) from dir: the cache follows. */
static void
entry_drop(struct vnode *dir, struct ramfs_dirent *d, const char *name,
    size_t len) FW_REQUIRES(&fs_lock)
{
	struct vnode *v = d->v;
	struct p9_node *n = v->p9;

	rdir_remove(dir, d);
	if (vnode_is(v, LINUX_S_IFDIR)) {
		v->nlink = 0;
		v->parent = NULL;
		dir->nlink--;
	} else {
		if (v->nlink > 0)
			v->nlink--;
		if (v->parent == dir && n->name != NULL &&
		    str_len(n->name) == len && memcmp(n->name, name, len) == 0) {
			v->parent = NULL;
			fw_free(n->name);
			n->name = NULL;
		}
	}
	vnode_touch_locked(dir, true);
	v->ctime = dir->mtime;
	fw_free(d);
	vnode_unref(v);
}

int
p9fs_unlink(struct vnode *dir, const char *name, size_t len)
{
	struct ramfs_dirent *d;
	int err;

	if ((d = entry_get(dir, name, len, &err)) == NULL)
		return err;
	entry_prepare_drop(d);
	if ((err = p9c_unlinkat(dir->p9->fs->c, dir->p9->fid, name, len,
	    vnode_is(d->v, LINUX_S_IFDIR) ? P9_AT_REMOVEDIR : 0)) < 0)
		return proto_io(err);
	entry_drop(dir, d, name, len);
	return 0;
}

/* The server moved d from odir to ndir's nd (called nname): so does v. */
static void
entry_move(struct vnode *odir, struct ramfs_dirent *d, struct vnode *ndir,
    struct ramfs_dirent *nd, char *nname) FW_REQUIRES(&fs_lock)
{
	struct vnode *v = d->v;
	struct p9_node *n = v->p9;

	rdir_remove(odir, d);
	nd->v = v;				/* d's reference */
	rdir_insert(ndir, nd);
	fw_free(d);
	if (vnode_is(v, LINUX_S_IFDIR)) {
		odir->nlink--;
		ndir->nlink++;
		v->parent = ndir;
	} else if (v->parent == odir || n->name == NULL) {
		fw_free(n->name);
		n->name = nname;		/* consumed */
		nname = NULL;
		v->parent = ndir;
	}
	fw_free(nname);
	vnode_touch_locked(odir, true);
	vnode_touch_locked(ndir, true);
	v->ctime = ndir->mtime;
}

int
p9fs_rename(struct vnode *odir, const char *oname, struct vnode *ndir,
    const char *nname, bool exchange)
{
	size_t olen = str_len(oname), nlen = str_len(nname);
	struct ramfs_dirent *d, *t, *nd;
	char *copy;
	int err;

	if (exchange)
		return -EINVAL;		/* no message swaps two names */
	if ((d = entry_get(odir, oname, olen, &err)) == NULL)
		return err;
	t = entry_get(ndir, nname, nlen, &err);
	if (t == NULL && err != -ENOENT)
		return err;
	if (t != NULL && t->v == d->v)
		return 0;		/* two links to one file: nothing */
	if ((err = rdir_entry_new(ndir, nname, nlen, &nd)) < 0)
		return err;
	if ((copy = str_dup(nname)) == NULL) {
		fw_free(nd);
		return -ENOMEM;
	}
	if (t != NULL)
		entry_prepare_drop(t);
	if ((err = p9c_renameat(odir->p9->fs->c, odir->p9->fid, oname, olen,
	    ndir->p9->fid, nname, nlen)) < 0) {
		fw_free(copy);
		fw_free(nd);
		return proto_io(err);
	}
	if (t != NULL)
		entry_drop(ndir, t, nname, nlen);
	entry_move(odir, d, ndir, nd, copy);
	return 0;
}

int
p9fs_setattr(struct vnode *v, unsigned int what)
{
	struct p9_node *n = v->p9;
	struct p9_setattr s = { 0 };
	uint32_t fid;
	bool owned;
	int err;

	if (what & VATTR_MODE)
		s.valid |= P9_SETATTR_MODE;
	if (what & VATTR_UID)
		s.valid |= P9_SETATTR_UID;
	if (what & VATTR_GID)
		s.valid |= P9_SETATTR_GID;
	if (what & VATTR_ATIME)
		s.valid |= P9_SETATTR_ATIME | P9_SETATTR_ATIME_SET;
	if (what & VATTR_MTIME)
		s.valid |= P9_SETATTR_MTIME | P9_SETATTR_MTIME_SET;
	s.mode = v->mode & 07777;
	s.uid = v->uid;
	s.gid = v->gid;
	s.atime = v->atime;
	s.mtime = v->mtime;
	if ((err = p9fs_objfid_locked(n, &fid, &owned)) < 0)
		return err;
	err = proto_io(p9c_setattr(n->fs->c, fid, &s));
	if (owned)
		p9c_clunk(n->fs->c, fid);
	return err;
}
