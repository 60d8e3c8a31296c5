/*
 * services/fs/p9fs_file.c: reading and writing 9p files (p9fs.h): the
 * page cache in ramfs's page table, filled a run of missing pages at a
 * time (up to one Tread's worth ahead of the page asked for), kept within
 * the instance's budget by dropping the pages of the least recently read
 * files that no one maps; the cache of opened fids that the reads and
 * writes go through; writes through to the server, and truncation.
 *
 * Interface: p9fs.h.
 * Locks: as p9fs.h.  fs->lock is taken under fs_lock, and alone by
 * p9fs_node_forget() (release); no RPC is made under it.
 */
#include <fw/frame.h>
#include <svc/lib.h>
#include <uapi/fcntl.h>
#include "p9fs.h"

#define P9FS_OPEN_MAX	64

static void
open_unlink(struct p9fs *fs, struct p9_node *n) FW_REQUIRES(&fs->lock)
{
	if (n->oprev != NULL)
		n->oprev->onext = n->onext;
	else
		fs->open_head = n->onext;
	if (n->onext != NULL)
		n->onext->oprev = n->oprev;
	else
		fs->open_tail = n->oprev;
	n->onext = n->oprev = NULL;
}

static void
open_push(struct p9fs *fs, struct p9_node *n) FW_REQUIRES(&fs->lock)
{
	n->oprev = NULL;
	n->onext = fs->open_head;
	if (fs->open_head != NULL)
		fs->open_head->oprev = n;
	else
		fs->open_tail = n;
	fs->open_head = n;
}

static void
page_unlink(struct p9fs *fs, struct p9_node *n) FW_REQUIRES(&fs->lock)
{
	if (!n->paged)
		return;
	if (n->pprev != NULL)
		n->pprev->pnext = n->pnext;
	else
		fs->page_head = n->pnext;
	if (n->pnext != NULL)
		n->pnext->pprev = n->pprev;
	else
		fs->page_tail = n->pprev;
	n->pnext = n->pprev = NULL;
	n->paged = false;
}

/* n to the front of the page list: it was just read. */
static void
page_touch(struct p9fs *fs, struct p9_node *n) FW_EXCLUDES(&fs->lock)
{
	fw_mutex_lock(&fs->lock);
	page_unlink(fs, n);
	n->pnext = fs->page_head;
	if (fs->page_head != NULL)
		fs->page_head->pprev = n;
	else
		fs->page_tail = n;
	fs->page_head = n;
	n->paged = true;
	fw_mutex_unlock(&fs->lock);
}

/*
 * Opens a new fid on n's object (its directory's entry, or a clone) with
 * open flags: for reading, or O_RDWR.
 */
static int
ofid_open(struct p9_node *n, uint32_t flags, uint32_t *fid)
    FW_REQUIRES(&fs_lock)
{
	struct p9c *c = n->fs->c;
	struct vnode *dir = n->v->parent;
	struct p9_qid qid;
	int err;

	if (n->fid != P9_NOFID)
		err = p9c_walk(c, n->fid, NULL, 0, fid, &qid);
	else if (dir == NULL || n->name == NULL)
		return -ESTALE;
	else
		err = p9c_walk(c, dir->p9->fid, n->name, str_len(n->name),
		    fid, &qid);
	if (err < 0)
		return err;
	if (n->fid == P9_NOFID && qid.path != n->v->ino)
		err = -ESTALE;		/* another file has the name now */
	else
		err = p9c_lopen(c, *fid, flags);
	if (err < 0)
		p9c_clunk(c, *fid);
	return err;
}

/* n's opened fid leaves it and the list; the caller clunks it. */
static uint32_t
ofid_take(struct p9fs *fs, struct p9_node *n) FW_REQUIRES(&fs->lock)
{
	uint32_t ofid = n->ofid;

	if (ofid != P9_NOFID && !n->pinned) {
		open_unlink(fs, n);
		fs->nopen--;
	}
	n->ofid = P9_NOFID;
	n->orw = n->pinned = false;
	return ofid;
}

/* fid, opened (O_RDWR if rw), becomes n's: on the list, or pinned. */
static void
ofid_put(struct p9_node *n, uint32_t fid, bool rw, bool pin)
    FW_REQUIRES(&fs_lock)
{
	struct p9fs *fs = n->fs;
	uint32_t old = P9_NOFID, ofid;

	fw_mutex_lock(&fs->lock);
	ofid = ofid_take(fs, n);
	n->ofid = fid;
	n->orw = rw;
	n->pinned = pin;
	if (!pin) {
		open_push(fs, n);
		if (++fs->nopen > P9FS_OPEN_MAX)
			old = ofid_take(fs, fs->open_tail);
	}
	fw_mutex_unlock(&fs->lock);
	if (ofid != P9_NOFID)
		p9c_clunk(fs->c, ofid);
	if (old != P9_NOFID)
		p9c_clunk(fs->c, old);
}

int
p9fs_ofid_locked(struct p9_node *n, bool write, uint32_t *fid)
{
	struct p9fs *fs = n->fs;
	bool pinned;
	int err;

	fw_mutex_lock(&fs->lock);
	pinned = n->pinned;
	if (n->ofid != P9_NOFID && (n->orw || !write)) {
		if (!pinned) {
			open_unlink(fs, n);
			open_push(fs, n);
		}
		*fid = n->ofid;
		fw_mutex_unlock(&fs->lock);
		return 0;
	}
	fw_mutex_unlock(&fs->lock);
	/* A pinned fid has no name to be opened anew by. */
	if (pinned)
		return -EBADF;
	if ((err = ofid_open(n, write ? LINUX_O_RDWR : LINUX_O_RDONLY,
	    fid)) < 0)
		return err == -EPROTO ? -EIO : err;
	ofid_put(n, *fid, write, false);
	return 0;
}

void
p9fs_ofid_adopt_locked(struct p9_node *n, uint32_t fid)
{
	ofid_put(n, fid, true, false);
}

void
p9fs_pin_locked(struct p9_node *n)
{
	struct p9fs *fs = n->fs;
	bool have, rw;
	uint32_t fid;

	fw_mutex_lock(&fs->lock);
	have = n->ofid != P9_NOFID;
	rw = n->orw;
	fw_mutex_unlock(&fs->lock);
	/* While the name is there, a writer's fid is opened by it. */
	if (!rw && ofid_open(n, LINUX_O_RDWR, &fid) == 0) {
		ofid_put(n, fid, true, true);
		return;
	}
	if (!have) {
		if (ofid_open(n, LINUX_O_RDONLY, &fid) == 0)
			ofid_put(n, fid, false, true);
		return;		/* else it reads as ESTALE from now on */
	}
	fw_mutex_lock(&fs->lock);
	if (!n->pinned) {
		open_unlink(fs, n);
		fs->nopen--;
		n->pinned = true;
	}
	fw_mutex_unlock(&fs->lock);
}

void
p9fs_node_forget(struct p9_node *n)
{
	struct p9fs *fs = n->fs;
	uint32_t ofid;

	fw_mutex_lock(&fs->lock);
	page_unlink(fs, n);
	ofid = ofid_take(fs, n);
	fw_mutex_unlock(&fs->lock);
	if (ofid != P9_NOFID)
		p9c_clunk(fs->c, ofid);
}

/*
 * Makes room for want more pages: drops whole files' pages from the
 * least recently read end of the list, skipping mapped files and keep,
 * until the cache is a quarter below its budget.
 */
static void
cache_shrink(struct p9fs *fs, struct superblock *sb, uint64_t want,
    const struct p9_node *keep) FW_REQUIRES(&fs_lock)
{
	uint64_t target = fs->budget - fs->budget / 4;
	struct p9_node *n, *prev;

	if (atomic_load(&sb->used_pages) + want <= fs->budget)
		return;
	fw_mutex_lock(&fs->lock);
	for (n = fs->page_tail; n != NULL &&
	    atomic_load(&sb->used_pages) + want > target; n = prev) {
		prev = n->pprev;
		if (n == keep || atomic_load(&n->v->maps) > 0)
			continue;
		page_unlink(fs, n);
		ramfs_file_release(n->v);	/* every page, and the table */
	}
	fw_mutex_unlock(&fs->lock);
}

/*
 * Reads pages [pg, pg + npages) from the server into new frames; past
 * what the server returns (the file shrank on the host) they read as
 * zeros.  0 or -errno.
 */
static int
cache_fill_run(struct p9_node *n, uint32_t fid, uint64_t pg,
    uint64_t npages) FW_REQUIRES(&fs_lock)
{
	struct p9fs *fs = n->fs;
	size_t want = (size_t)npages << FW_PAGE_SHIFT, got = 0, in;
	struct fw_frame *f;
	uint64_t i;
	long r;
	int err;

	while (got < want) {
		r = p9c_read(fs->c, fid, (pg << FW_PAGE_SHIFT) + got,
		    fs->scratch + got, want - got);
		if (r < 0)
			return r == -EPROTO ? -EIO : (int)r;
		if (r == 0)
			break;
		got += (size_t)r;
	}
	for (i = 0; i < npages; i++) {
		if ((err = ramfs_page_fill(n->v, pg + i, &f)) < 0)
			return err;
		in = (size_t)i << FW_PAGE_SHIFT;
		if (got > in && fw_frame_write(f, 0, fs->scratch + in,
		    MIN(got - in, FW_PAGE_SIZE)) < 0)
			return -EIO;
	}
	return 0;
}

/* Pages [first, last] of v in the cache, and what read-ahead adds. */
static int
cache_fill(struct vnode *v, uint64_t first, uint64_t last)
	FW_REQUIRES(&fs_lock)
{
	struct p9_node *n = v->p9;
	struct p9fs *fs = n->fs;
	uint64_t eof = fw_page_up(v->size) >> FW_PAGE_SHIFT;
	uint64_t max = fs->scratch_len >> FW_PAGE_SHIFT, pg, end;
	uint32_t fid;
	int err;

	for (pg = first; pg <= last && pg < eof; pg = end) {
		if (ramfs_page_find(v, pg) != NULL) {
			end = pg + 1;
			continue;
		}
		for (end = pg + 1; end < eof && end - pg < max &&
		    ramfs_page_find(v, end) == NULL; end++)
			;
		if ((err = p9fs_ofid_locked(n, false, &fid)) < 0)
			return err;
		cache_shrink(fs, v->sb, end - pg, n);
		if ((err = cache_fill_run(n, fid, pg, end - pg)) < 0)
			return err;
	}
	page_touch(fs, n);
	return 0;
}

/*
 * Caches what a read of [off, off + *len) needs, *len clipped at the end
 * of the file: 1, 0 when there is nothing to read, or -errno.
 */
static int
read_prepare(struct vnode *v, size_t *len, uint64_t off)
	FW_REQUIRES(&fs_lock)
{
	int err;

	if (!vnode_is(v, LINUX_S_IFREG))
		return -EINVAL;		/* only they have a page table */
	if (off >= v->size || *len == 0)
		return 0;
	*len = (size_t)MIN((uint64_t)*len, v->size - off);
	if ((err = cache_fill(v, off >> FW_PAGE_SHIFT,
	    (off + *len - 1) >> FW_PAGE_SHIFT)) < 0)
		return err;
	return 1;
}

long
p9fs_read(struct vnode *v, void *buf, size_t len, uint64_t off)
{
	int r = read_prepare(v, &len, off);

	return r <= 0 ? r : ramfs_read(v, buf, len, off);
}

/* p9fs_read, leaving the cached pages in place (vnode_ops read_frames). */
long
p9fs_read_frames(struct vnode *v, void *buf, size_t len, uint64_t off,
    struct fw_frame **frames)
{
	int r = read_prepare(v, &len, off);

	return r <= 0 ? r : ramfs_read_frames(v, buf, len, off, frames);
}

int
p9fs_get_page(struct vnode *v, uint64_t idx, struct fw_frame **out)
{
	struct fw_frame *f;
	int err;

	if (!vnode_is(v, LINUX_S_IFREG))
		return -ENODEV;
	if (idx >= fw_page_up(v->size) >> FW_PAGE_SHIFT)
		return -ENXIO;
	if ((err = cache_fill(v, idx, idx)) < 0)
		return err;
	if ((f = ramfs_page_find(v, idx)) == NULL)
		return -EIO;
	*out = fw_frame_ref(f);
	return 0;
}

/* The bytes just written at off go into the pages of v that are cached. */
static void
cache_update(struct vnode *v, uint64_t off, const uint8_t *p, size_t len)
    FW_REQUIRES(&fs_lock)
{
	size_t done = 0, in, n;
	struct fw_frame *f;

	while (done < len) {
		in = (size_t)((off + done) & (FW_PAGE_SIZE - 1));
		n = MIN(len - done, FW_PAGE_SIZE - in);
		f = ramfs_page_find(v, (off + done) >> FW_PAGE_SHIFT);
		if (f != NULL && fw_frame_write(f, in, p + done, n) < 0)
			break;		/* cannot be: within the page */
		done += n;
	}
}

/*
 * Write-through: Twrite by Twrite until len is written or the server
 * writes less; what it took goes into the cached pages.  The bytes
 * written, or -errno if none were.
 */
long
p9fs_write(struct vnode *v, const void *buf, size_t len, uint64_t off)
{
	const uint8_t *p = buf;
	size_t done = 0;
	uint32_t fid;
	long r = 0;
	int err;

	if (!vnode_is(v, LINUX_S_IFREG))
		return -EINVAL;
	if (len == 0)
		return 0;
	if ((err = p9fs_ofid_locked(v->p9, true, &fid)) < 0)
		return err;
	while (done < len) {
		r = p9c_write(v->p9->fs->c, fid, off + done, p + done,
		    len - done);
		if (r <= 0)
			break;
		cache_update(v, off + done, p + done, (size_t)r);
		done += (size_t)r;
	}
	if (done == 0 && r < 0)
		return r == -EPROTO ? -EIO : r;
	if (off + done > v->size) {
		v->size = off + done;
		/* The host's count is not asked again: as if dense. */
		v->p9->blocks = MAX(v->p9->blocks,
		    fw_page_up(v->size) >> 9);
	}
	if (done > 0)
		vnode_touch_locked(v, true);
	return (long)done;
}

/* Tsetattr of the size, then the cache trimmed as ramfs trims its own. */
int
p9fs_truncate(struct vnode *v, uint64_t size)
{
	struct p9_setattr s = { .valid = P9_SETATTR_SIZE, .size = size };
	uint32_t fid;
	int err;

	if (!vnode_is(v, LINUX_S_IFREG))
		return -EINVAL;
	if (size > RAMFS_MAX_SIZE)
		return -EFBIG;		/* what the cache can index */
	if ((err = p9fs_ofid_locked(v->p9, true, &fid)) < 0)
		return err;
	if ((err = p9c_setattr(v->p9->fs->c, fid, &s)) < 0)
		return err == -EPROTO ? -EIO : err;
	v->p9->blocks = MIN(v->p9->blocks, fw_page_up(size) >> 9);
	return ramfs_truncate(v, size);
}

/* Tfsync on an opened fid: the host's file goes to its disk. */
int
p9fs_fsync(struct vnode *v, bool datasync)
{
	uint32_t fid;
	int err;

	if ((err = p9fs_ofid_locked(v->p9, false, &fid)) < 0)
		return err;
	err = p9c_fsync(v->p9->fs->c, fid, datasync);
	return err == -EPROTO ? -EIO : err;
}
