/*
 * services/fs/ramfs_file.c: the data of ramfs regular files, kept in 4 KiB
 * frames (fw/frame.h) on a two-level table: leaves of 512 frame handles
 * (2 MiB each) under a growing top array.  A missing frame is a hole and
 * reads as zeros; writes allocate frames and grow the file; truncation
 * frees what lies past the new end.  Files stop at RAMFS_MAX_SIZE (EFBIG);
 * every frame is charged to the superblock, whose size= limit gives
 * ENOSPC (tmpfs).
 *
 * Locks: every function runs with fs_lock held (fs.h) except
 * ramfs_file_release(), which runs on an unreachable vnode.
 */
#include <fw/alloc.h>
#include <fw/frame.h>
#include <svc/lib.h>
#include "fs.h"

#define LEAF_SHIFT	9
#define LEAF_FRAMES	(1UL << LEAF_SHIFT)

struct fw_frame *
ramfs_page_find(const struct vnode *v, uint64_t pg)
{
	uint64_t top = pg >> LEAF_SHIFT;

	if (top >= v->u.reg.nleaves || v->u.reg.leaves[top] == NULL)
		return NULL;
	return v->u.reg.leaves[top][pg & (LEAF_FRAMES - 1)];
}

int
ramfs_page_fill(struct vnode *v, uint64_t pg, struct fw_frame **out)
{
	uint64_t top = pg >> LEAF_SHIFT;
	struct fw_frame ***leaves, **leaf;
	int err;

	if (top >= v->u.reg.nleaves) {
		leaves = fw_realloc(v->u.reg.leaves,
		    (top + 1) * sizeof(*leaves));
		if (leaves == NULL)
			return -ENOMEM;
		memset(leaves + v->u.reg.nleaves, 0,
		    (top + 1 - v->u.reg.nleaves) * sizeof(*leaves));
		v->u.reg.leaves = leaves;
		v->u.reg.nleaves = top + 1;
	}
	if ((leaf = v->u.reg.leaves[top]) == NULL) {
		/* NOLINTNEXTLINE(bugprone-sizeof-expression): pointer array */
		if ((leaf = fw_zalloc(LEAF_FRAMES, sizeof(*leaf))) == NULL)
			return -ENOMEM;
		v->u.reg.leaves[top] = leaf;
	}
	if (leaf[pg & (LEAF_FRAMES - 1)] == NULL) {
		if ((err = sb_charge_pages(v->sb, 1)) < 0)
			return err;
		if ((err = fw_frame_alloc(&leaf[pg & (LEAF_FRAMES - 1)])) < 0) {
			sb_uncharge_pages(v->sb, 1);
			return err;
		}
		v->u.reg.npages++;
	}
	*out = leaf[pg & (LEAF_FRAMES - 1)];
	return 0;
}

int
ramfs_get_page(struct vnode *v, uint64_t idx, struct fw_frame **out)
{
	struct fw_frame *f;
	int err;

	if (idx >= fw_page_up(v->size) >> FW_PAGE_SHIFT)
		return -ENXIO;
	if ((err = ramfs_page_fill(v, idx, &f)) < 0)
		return err;
	*out = fw_frame_ref(f);
	return 0;
}

long
ramfs_read(struct vnode *v, void *buf, size_t len, uint64_t off)
{
	uint8_t *p = buf;
	size_t done = 0, n;
	struct fw_frame *f;

	if (off >= v->size)
		return 0;
	len = (size_t)MIN((uint64_t)len, v->size - off);
	while (done < len) {
		size_t in = (size_t)((off + done) & (FW_PAGE_SIZE - 1));

		n = MIN(len - done, FW_PAGE_SIZE - in);
		f = ramfs_page_find(v, (off + done) >> FW_PAGE_SHIFT);
		if (f == NULL)
			memset(p + done, 0, n);
		else if (fw_frame_read(f, in, p + done, n) < 0)
			return -EIO;
		done += n;
	}
	return (long)done;
}

/* Writes what fits; a short count when memory runs out part way. */
long
ramfs_write(struct vnode *v, const void *buf, size_t len, uint64_t off)
{
	const uint8_t *p = buf;
	size_t done = 0, n;
	struct fw_frame *f;
	int err = 0;

	if (off >= RAMFS_MAX_SIZE)
		return len == 0 ? 0 : -EFBIG;
	len = (size_t)MIN((uint64_t)len, RAMFS_MAX_SIZE - off);
	while (done < len) {
		size_t in = (size_t)((off + done) & (FW_PAGE_SIZE - 1));

		n = MIN(len - done, FW_PAGE_SIZE - in);
		if ((err = ramfs_page_fill(v, (off + done) >> FW_PAGE_SHIFT,
		    &f)) < 0)
			break;
		if ((err = fw_frame_write(f, in, p + done, n)) < 0)
			break;
		done += n;
	}
	if (done == 0 && err < 0)
		return err == -ENOMEM ? -ENOSPC : err;
	if (off + done > v->size)
		v->size = off + done;
	if (done > 0)
		vnode_touch_locked(v, true);
	return (long)done;
}

/* Frees whole pages from page first on, and empty leaves. */
static void
pages_free_from(struct vnode *v, uint64_t first)
{
	uint64_t top, i;

	for (top = first >> LEAF_SHIFT; top < v->u.reg.nleaves; top++) {
		struct fw_frame **leaf = v->u.reg.leaves[top];

		if (leaf == NULL)
			continue;
		i = top == (first >> LEAF_SHIFT) ? first & (LEAF_FRAMES - 1) : 0;
		for (; i < LEAF_FRAMES; i++) {
			if (leaf[i] == NULL)
				continue;
			v->u.reg.npages--;
			fw_frame_unref(leaf[i]);
			leaf[i] = NULL;
			sb_uncharge_pages(v->sb, 1);
		}
		if ((top << LEAF_SHIFT) >= first) {
			fw_free(leaf);
			v->u.reg.leaves[top] = NULL;
		}
	}
}

int
ramfs_truncate(struct vnode *v, uint64_t size)
{
	struct fw_frame *f;
	size_t in;

	if (size > RAMFS_MAX_SIZE)
		return -EFBIG;
	if (size < v->size) {
		pages_free_from(v, fw_page_up(size) >> FW_PAGE_SHIFT);
		in = (size_t)(size & (FW_PAGE_SIZE - 1));
		f = ramfs_page_find(v, size >> FW_PAGE_SHIFT);
		if (in != 0 && f != NULL &&
		    fw_frame_zero(f, in, FW_PAGE_SIZE - in) < 0)
			return -EIO;
	}
	v->size = size;
	vnode_touch_locked(v, true);
	return 0;
}

void
ramfs_file_release(struct vnode *v)
{
	pages_free_from(v, 0);
	fw_free(v->u.reg.leaves);
	v->u.reg.leaves = NULL;
	v->u.reg.nleaves = 0;
}

/*
 * fallocate(2)'s allocation: frames for every page of [off, off+len);
 * the size is the caller's.  On -ENOSPC the frames made so far stay
 * (tmpfs gives them back; they read as zeros either way).
 */
int
ramfs_alloc_range(struct vnode *v, uint64_t off, uint64_t len)
{
	uint64_t pg, last = (off + len - 1) >> FW_PAGE_SHIFT;
	struct fw_frame *f;

	if (off + len > RAMFS_MAX_SIZE)
		return -EFBIG;
	for (pg = off >> FW_PAGE_SHIFT; pg <= last; pg++) {
		if (ramfs_page_fill(v, pg, &f) < 0)
			return -ENOSPC;
	}
	vnode_touch_locked(v, true);
	return 0;
}

/* Zeroes [in, in+n) of page pg, if it has a frame. */
static int
page_zero(struct vnode *v, uint64_t pg, size_t in, size_t n)
{
	struct fw_frame *f = ramfs_page_find(v, pg);

	if (f != NULL && fw_frame_zero(f, in, n) < 0)
		return -EIO;
	return 0;
}

/* Frees the frames of the whole pages in [first, end) (page numbers). */
static void
pages_free_range(struct vnode *v, uint64_t first, uint64_t end)
{
	uint64_t pg, top;
	struct fw_frame **leaf;

	for (pg = first; pg < end; pg++) {
		top = pg >> LEAF_SHIFT;
		if (top >= v->u.reg.nleaves)
			break;
		if ((leaf = v->u.reg.leaves[top]) == NULL) {
			pg |= LEAF_FRAMES - 1;		/* the next leaf */
			continue;
		}
		if (leaf[pg & (LEAF_FRAMES - 1)] != NULL) {
			fw_frame_unref(leaf[pg & (LEAF_FRAMES - 1)]);
			leaf[pg & (LEAF_FRAMES - 1)] = NULL;
			v->u.reg.npages--;
			sb_uncharge_pages(v->sb, 1);
		}
	}
}

/*
 * FALLOC_FL_PUNCH_HOLE: the range reads as zeros afterwards; whole pages
 * lose their frames, partial ones are zeroed (shmem_truncate_range()).
 */
int
ramfs_punch_range(struct vnode *v, uint64_t off, uint64_t len)
{
	uint64_t end = MIN(off + len, RAMFS_MAX_SIZE), first = fw_page_up(off);
	uint64_t last = end & ~(uint64_t)(FW_PAGE_SIZE - 1);
	size_t in = (size_t)(off & (FW_PAGE_SIZE - 1));
	int err;

	if (off >= end)
		return 0;
	if ((off >> FW_PAGE_SHIFT) == (end >> FW_PAGE_SHIFT)) {
		err = page_zero(v, off >> FW_PAGE_SHIFT, in,
		    (size_t)(end - off));
	} else {
		err = in == 0 ? 0 : page_zero(v, off >> FW_PAGE_SHIFT, in,
		    FW_PAGE_SIZE - in);
		if (err == 0 && (end & (FW_PAGE_SIZE - 1)) != 0)
			err = page_zero(v, end >> FW_PAGE_SHIFT, 0,
			    (size_t)(end & (FW_PAGE_SIZE - 1)));
		if (err == 0 && first < last)
			pages_free_range(v, first >> FW_PAGE_SHIFT,
			    last >> FW_PAGE_SHIFT);
	}
	if (err == 0)
		vnode_touch_locked(v, true);
	return err;
}
