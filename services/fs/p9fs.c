/*
 * services/fs/p9fs.c: the "9p" type (p9fs.h): mounting the virtio-9p
 * device's export (mount -t 9p trellis DIR, its tag as the source), the
 * lookups that make vnodes from Twalk and Tgetattr, directory listings
 * from Treaddir, and letting go of fids when vnodes go.
 *
 * Interface: p9fs_type (mount.h), p9fs.h.
 * Locks: the ops run under fs_lock (fs.h) but release, which runs on an
 * unreachable vnode; fill runs before the superblock is reachable.
 */
#include <fw/alloc.h>
#include <fw/frame.h>
#include <svc/lib.h>
#include <uapi/stat.h>
#include "p9fs.h"

#define P9FS_TAG		"trellis"
#define P9FS_MAGIC		0x01021997u	/* V9FS_MAGIC */
#define P9FS_SYMLINK_MAX	4096
#define P9FS_LIST_MAX		(64u << 20)	/* one directory's listing */

/* Linux's dev_t encoding (new_encode_dev()) taken apart. */
static uint32_t
dev_major(uint64_t dev)
{
	return (uint32_t)(((dev >> 8) & 0xfff) | ((dev >> 32) & ~0xfffull));
}

static uint32_t
dev_minor(uint64_t dev)
{
	return (uint32_t)((dev & 0xff) | ((dev >> 12) & ~0xffull));
}

/* Whether mode's type is one of Linux's seven. */
static bool
type_known(uint32_t mode)
{
	switch (mode & LINUX_S_IFMT) {
	case LINUX_S_IFREG: case LINUX_S_IFDIR: case LINUX_S_IFLNK:
	case LINUX_S_IFCHR: case LINUX_S_IFBLK: case LINUX_S_IFIFO:
	case LINUX_S_IFSOCK:
		return true;
	default:
		return false;
	}
}

static void
attr_apply(struct vnode *v, const struct p9_attr *a)
{
	v->mode = a->mode;
	v->uid = a->uid;
	v->gid = a->gid;
	/* A directory of nlink 0 would read as removed (namei). */
	v->nlink = a->nlink == 0 ? 1 : a->nlink > UINT32_MAX ? UINT32_MAX :
	    (uint32_t)a->nlink;
	v->size = a->size;
	v->atime = a->atime;
	v->mtime = a->mtime;
	v->ctime = a->ctime;
	v->btime = a->btime;
	v->rmajor = dev_major(a->rdev);
	v->rminor = dev_minor(a->rdev);
	v->ino = a->qid.path;
}

/*
 * A vnode for the object fid names (consumed: kept by a directory,
 * clunked otherwise), called name in dir (NULL at the root).
 */
static int
node_make(struct p9fs *fs, struct superblock *sb, struct vnode *dir,
    const char *name, size_t len, uint32_t fid, struct vnode **out)
{
	struct p9_attr a;
	struct p9_node *n = NULL;
	struct vnode *v = NULL;
	char *target = NULL;
	long tlen = 0;
	int err;

	if ((err = p9c_getattr(fs->c, fid, &a)) < 0)
		goto fail;
	if (!type_known(a.mode)) {
		err = -EIO;		/* not a type Linux has: not shown */
		goto fail;
	}
	if ((a.mode & LINUX_S_IFMT) == LINUX_S_IFLNK) {
		if ((target = fw_alloc(P9FS_SYMLINK_MAX)) == NULL) {
			err = -ENOMEM;
			goto fail;
		}
		if ((tlen = p9c_readlink(fs->c, fid, target,
		    P9FS_SYMLINK_MAX)) < 0) {
			err = (int)tlen;
			goto fail;
		}
	}
	if ((n = fw_zalloc(1, sizeof(*n))) == NULL) {
		err = -ENOMEM;
		goto fail;
	}
	if ((err = vnode_alloc(&p9fs_ops, a.mode, &v)) < 0)
		goto fail;
	attr_apply(v, &a);
	v->sb = sb;
	v->parent = dir;
	v->p9 = n;
	n->v = v;
	n->fs = fs;
	n->ofid = P9_NOFID;
	n->fid = P9_NOFID;
	n->blocks = a.blocks;
	if (target != NULL) {
		v->u.target = str_dup(target);
		v->size = (uint64_t)tlen;
		if (v->u.target == NULL) {
			err = -ENOMEM;
			goto fail;
		}
	}
	if (vnode_is(v, LINUX_S_IFDIR)) {
		v->u.dir.next_cookie = 2;
		n->fid = fid;
		fid = P9_NOFID;
	} else if (dir != NULL) {
		if ((n->name = fw_alloc(len + 1)) == NULL) {
			err = -ENOMEM;
			goto fail;
		}
		memcpy(n->name, name, len);
		n->name[len] = '\0';
	}
	if (fid != P9_NOFID)
		p9c_clunk(fs->c, fid);
	fw_free(target);
	*out = v;
	return 0;
fail:
	if (v != NULL)
		vnode_unref(v);		/* release clunks what it took */
	else
		fw_free(n);
	if (fid != P9_NOFID)
		p9c_clunk(fs->c, fid);
	fw_free(target);
	return err;
}

int
p9fs_lookup(struct vnode *dir, const char *name, size_t len,
    struct vnode **out)
{
	struct p9fs *fs = dir->p9->fs;
	struct ramfs_dirent *d = rdir_find(dir, name, len);
	struct p9_qid qid;
	struct vnode *v;
	uint32_t fid;
	int err;

	if (d != NULL) {
		*out = vnode_ref(d->v);
		return 0;
	}
	if ((err = p9c_walk(fs->c, dir->p9->fid, name, len, &fid, &qid)) < 0)
		return err == -EPROTO ? -EIO : err;
	if ((err = node_make(fs, dir->sb, dir, name, len, fid, &v)) < 0)
		return err == -EPROTO ? -EIO : err;
	if ((err = rdir_entry_new(dir, name, len, &d)) < 0) {
		vnode_unref(v);
		return err;
	}
	d->v = v;				/* the entry's reference */
	rdir_insert(dir, d);
	*out = vnode_ref(v);
	return 0;
}

/* Appends what Treaddir gives from cookie off on to n's listing. */
static int
list_read_all(struct p9_node *n, uint32_t fid) FW_REQUIRES(&fs_lock)
{
	struct p9fs *fs = n->fs;
	struct p9_dirent d;
	uint64_t cookie = 0;
	size_t at;
	uint8_t *grown;
	long got;

	for (;;) {
		got = p9c_readdir(fs->c, fid, cookie, fs->scratch,
		    fs->scratch_len);
		if (got <= 0)
			return got == -EPROTO ? -EIO : (int)got;
		if (n->list_len + (size_t)got > P9FS_LIST_MAX)
			return -ENOMEM;
		if ((grown = fw_realloc(n->list, n->list_len +
		    (size_t)got)) == NULL)
			return -ENOMEM;
		n->list = grown;
		memcpy(n->list + n->list_len, fs->scratch, (size_t)got);
		n->list_len += (size_t)got;
		for (at = 0; p9c_dirent_next(fs->scratch, (size_t)got, &at,
		    &d);)
			cookie = d.off;
		if (at != (size_t)got)
			return -EIO;		/* a malformed entry */
	}
}

/* Reads dir's listing anew and indexes its entries. */
static int
list_load(struct vnode *dir) FW_REQUIRES(&fs_lock)
{
	struct p9_node *n = dir->p9;
	struct p9_dirent d;
	uint32_t fid, *at;
	size_t pos, count = 0;
	int err;

	fw_free(n->list);
	fw_free(n->list_at);
	n->list = NULL;
	n->list_at = NULL;
	n->list_len = n->list_n = 0;
	if ((err = p9fs_ofid_locked(n, false, &fid)) < 0 ||
	    (err = list_read_all(n, fid)) < 0)
		return err;
	for (pos = 0; p9c_dirent_next(n->list, n->list_len, &pos, &d);)
		count++;
	if ((at = fw_zalloc(count + 1, sizeof(*at))) == NULL)
		return -ENOMEM;
	for (pos = 0, count = 0; at[count] = (uint32_t)pos,
	    p9c_dirent_next(n->list, n->list_len, &pos, &d);)
		count++;
	n->list_at = at;
	n->list_n = count;
	return 0;
}

/*
 * Entries from index *pos on, as linux_dirent64 records: the bytes put,
 * 0 at the end, -EINVAL if the first does not fit.  At 0 the listing is
 * read again, so what changed on the host shows from the next opendir.
 */
static long
p9fs_getdents(struct vnode *dir, void *buf, size_t len, uint64_t *pos)
	FW_REQUIRES(&fs_lock)
{
	struct p9_node *n = dir->p9;
	struct p9_dirent d;
	size_t off = 0, sz, at;
	int err;

	if ((*pos == 0 || n->list_at == NULL) && (err = list_load(dir)) < 0)
		return err;
	if (n->list_at == NULL)
		return 0;
	for (; *pos < n->list_n; (*pos)++) {
		at = n->list_at[*pos];
		if (!p9c_dirent_next(n->list, n->list_len, &at, &d))
			return -EIO;
		if (d.len > LINUX_NAME_MAX)
			continue;		/* not a name Linux has */
		if ((sz = dirent_put(buf, len, off, d.qid.path,
		    (int64_t)*pos + 1, d.type, d.name, d.len)) == 0)
			return off > 0 ? (long)off : -EINVAL;
		off += sz;
	}
	return (long)off;
}

/*
 * Whether rmdir may go ahead: the server's rmdir says ENOTEMPTY itself,
 * as Linux's v9fs leaves it to the server.
 */
static int
p9fs_empty(struct vnode *dir) FW_REQUIRES(&fs_lock)
{
	(void)dir;
	return 0;
}

static void
p9fs_release(struct vnode *v)
{
	struct p9_node *n = v->p9;

	if (vnode_is(v, LINUX_S_IFDIR))
		ramfs_destroy_tree(v);
	else if (vnode_is(v, LINUX_S_IFLNK))
		fw_free(v->u.target);
	if (n == NULL)
		return;
	p9fs_node_forget(n);		/* the page list, the opened fid */
	if (vnode_is(v, LINUX_S_IFREG))
		ramfs_file_release(v);
	if (n->fid != P9_NOFID)
		p9c_clunk(n->fs->c, n->fid);
	fw_free(n->name);
	fw_free(n->list);
	fw_free(n->list_at);
	fw_free(n);
}

uint64_t
p9fs_blocks(const struct vnode *v)
{
	return v->p9->blocks;
}

const struct vnode_ops p9fs_ops = {
	.flags = VOPS_NO_SHARED_WRITE,
	.lookup = p9fs_lookup,
	.create = p9fs_create,
	.link = p9fs_link,
	.unlink = p9fs_unlink,
	.read = p9fs_read,
	.read_frames = p9fs_read_frames,
	.write = p9fs_write,
	.truncate = p9fs_truncate,
	.getdents = p9fs_getdents,
	.get_page = p9fs_get_page,
	.rename = p9fs_rename,
	.release = p9fs_release,
	.name_of = ramfs_name_of_locked,
	.empty = p9fs_empty,
	.setattr = p9fs_setattr,
	.fsync = p9fs_fsync,
};

/* mount(2)'s options: Linux's names; only the virtio transport. */
static int
p9fs_option(void *arg, const char *key, const char *val)
{
	(void)arg;
	if (str_eq(key, "trans"))
		return val != NULL && str_eq(val, "virtio") ? 0 : -EINVAL;
	if (str_eq(key, "version"))
		return val != NULL && str_eq(val, "9p2000.L") ? 0 : -EINVAL;
	if (str_eq(key, "msize") || str_eq(key, "cache") ||
	    str_eq(key, "access") || str_eq(key, "posixacl") ||
	    str_eq(key, "aname"))
		return 0;	/* the client's own choices stand */
	return -EINVAL;
}

static void
p9fs_free(struct p9fs *fs)
{
	p9c_close(fs->c);
	fw_free(fs->scratch);
	fw_free(fs);
}

static int
p9fs_fill(struct superblock *sb, const char *data) FW_REQUIRES(&fs_lock)
{
	struct p9_qid qid;
	struct p9fs *fs;
	uint32_t root;
	int err;

	if (!str_eq(sb->source, P9FS_TAG))
		return -ENOENT;		/* no device with that tag */
	if ((err = mount_options_each(data, p9fs_option, NULL)) < 0)
		return err;
	if ((fs = fw_zalloc(1, sizeof(*fs))) == NULL)
		return -ENOMEM;
	fw_mutex_init(&fs->lock);
	if ((err = p9c_open(&fs->c, &root, &qid)) < 0) {
		fw_free(fs);
		return err == -ENODEV ? -ENOENT : err == -EPROTO ? -EIO : err;
	}
	fs->rootfid = root;
	/* Whole pages, at least one: a small msize takes several Treads. */
	fs->scratch_len = MAX(p9c_iounit(fs->c) & ~(size_t)(FW_PAGE_SIZE - 1),
	    (size_t)FW_PAGE_SIZE);
	fs->budget = fw_frames_total() / 4;
	if ((fs->scratch = fw_alloc(fs->scratch_len)) == NULL) {
		p9fs_free(fs);
		return -ENOMEM;
	}
	sb->priv = fs;		/* read-write unless mount(2) says ro */
	if ((err = node_make(fs, sb, NULL, NULL, 0, root, &sb->root)) < 0) {
		p9fs_free(fs);
		sb->priv = NULL;
		return err == -EPROTO ? -EIO : err;
	}
	if (!vnode_is(sb->root, LINUX_S_IFDIR)) {
		vnode_unref(sb->root);
		sb->root = NULL;
		p9fs_free(fs);
		sb->priv = NULL;
		return -ENOTDIR;
	}
	return 0;
}

/* The tree goes first: its vnodes clunk their fids on the way. */
static void
p9fs_kill(struct superblock *sb)
{
	struct vnode *root = sb->root;

	sb->root = NULL;
	vnode_unref(root);
	p9fs_free(sb->priv);
}

static size_t
p9fs_show(const struct superblock *sb, char *buf, size_t size)
{
	const char *opts = ",trans=virtio";

	(void)sb;
	return str_lcpy(buf, opts, size) < size ? str_len(buf) : size;
}

const struct fstype p9fs_type = {
	.name = "9p",
	.magic = P9FS_MAGIC,
	.nodev = true,
	.fill = p9fs_fill,
	.kill = p9fs_kill,
	.show = p9fs_show,
};
