/*
 * services/fs/ramfs_file.c: the data of ramfs regular files, kept in 4 KiB
 * frames (fw/frame.h) on a two-level table: leaves of 512 frame handles
 * (2 MiB each) under a growing top array.  A missing frame is a hole and
 * reads as zeros; writes allocate frames and grow the file; truncation
 * frees what lies past the new end.  Files stop at RAMFS_MAX_SIZE (EFBIG);
 * every frame is charged to the superblock, whose size= limit gives
 * ENOSPC (tmpfs).
 *
 * A file unpacked from the boot image may leave its data there
 * (ramfs_adopt_image()): below img_len, a page without a frame is not a
 * hole but the image's bytes.  Reads copy them straight out; writing or
 * mapping a page copies it into a frame first.  Such pages are charged
 * (and counted in npages) from the start, so a file's st_blocks and the
 * superblock's use do not change when a page is copied in.  Truncation
 * shortens img_len; punching a hole copies the rest in and lets the image
 * go, since a hole below img_len would read as the image.
 *
 * Locks: every function runs with fs_lock held (fs.h) except
 * ramfs_file_release(), which runs on an unreachable vnode.
 */
#include <fw/alloc.h>
#include <fw/boot.h>
#include <fw/frame.h>
#include <svc/lib.h>
#include "fs.h"

#define LEAF_SHIFT	9
#define LEAF_FRAMES	(1UL << LEAF_SHIFT)

/* The pages whose data is the image's until they get a frame. */
static uint64_t
image_pages(const struct vnode *v)
{
	return fw_page_up(v->u.reg.img_len) >> FW_PAGE_SHIFT;
}

/* n bytes at pos of a page without a frame: the image's, then zeros. */
static int
image_read(const struct vnode *v, uint64_t pos, uint8_t *buf, size_t n)
{
	size_t part = 0;

	if (pos < v->u.reg.img_len)
		part = (size_t)MIN(v->u.reg.img_len - pos, (uint64_t)n);
	if (part > 0 &&
	    fw_boot_initrd_read(v->u.reg.img_off + pos, buf, part) < 0)
		return -EIO;
	memset(buf + part, 0, n - part);
	return 0;
}

/*
 * The image backs no byte from size on: the pages that lose it and have
 * no frame are no longer charged.  A partial last page keeps reading the
 * image below size and zeros above.
 */
static void
image_drop_from(struct vnode *v, uint64_t size)
{
	uint64_t pg, end = image_pages(v);

	if (size >= v->u.reg.img_len)
		return;
	v->u.reg.img_len = (uint32_t)size;
	for (pg = image_pages(v); pg < end; pg++) {
		if (ramfs_page_find(v, pg) == NULL) {
			v->u.reg.npages--;
			sb_uncharge_pages(v->sb, 1);
		}
	}
}

/* Copies every page still in the image into a frame; the image goes. */
static int
image_detach(struct vnode *v) FW_REQUIRES(&fs_lock)
{
	struct fw_frame *f;
	uint64_t pg;
	int err;

	for (pg = 0; pg < image_pages(v); pg++) {
		if ((err = ramfs_page_fill(v, pg, &f)) < 0)
			return err;
	}
	v->u.reg.img_len = 0;
	return 0;
}

int
ramfs_adopt_image(struct vnode *v, size_t off, size_t len)
{
	uint64_t pages = fw_page_up(len) >> FW_PAGE_SHIFT;
	size_t size = fw_boot_initrd_size();
	int err;

	if (v->ops != &ramfs_ops || !vnode_is(v, LINUX_S_IFREG) ||
	    v->size != 0 || v->u.reg.npages != 0 || off > size ||
	    len > size - off || off > UINT32_MAX || len > UINT32_MAX)
		return -EINVAL;
	if ((err = sb_charge_pages(v->sb, pages)) < 0)
		return err;
	v->u.reg.img_off = (uint32_t)off;
	v->u.reg.img_len = (uint32_t)len;
	v->u.reg.npages = pages;
	v->size = len;
	vnode_touch_locked(v, true);
	return 0;
}

struct fw_frame *
ramfs_page_find(const struct vnode *v, uint64_t pg)
{
	uint64_t top = pg >> LEAF_SHIFT;

	if (top >= v->u.reg.nleaves || v->u.reg.leaves[top] == NULL)
		return NULL;
	return v->u.reg.leaves[top][pg & (LEAF_FRAMES - 1)];
}

/* *slot gets a frame holding page pg of the image (already charged). */
static int
page_copy_in(const struct vnode *v, uint64_t pg, struct fw_frame **slot)
{
	uint64_t at = pg << FW_PAGE_SHIFT;
	struct fw_frame *f;
	int err;

	if ((err = fw_frame_alloc(&f)) < 0)
		return err;
	if (fw_boot_initrd_to_frame(v->u.reg.img_off + at, f,
	    (size_t)MIN(v->u.reg.img_len - at, FW_PAGE_SIZE)) < 0) {
		fw_frame_unref(f);
		return -EIO;
	}
	*slot = f;
	return 0;
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
	if (leaf[pg & (LEAF_FRAMES - 1)] == NULL && pg < image_pages(v)) {
		if ((err = page_copy_in(v, pg, &leaf[pg & (LEAF_FRAMES - 1)])) < 0)
			return err;
	} else if (leaf[pg & (LEAF_FRAMES - 1)] == NULL) {
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

/*
 * Reads [off, off + len) into buf; with frames, a page that has a frame
 * is left there instead, frames[i] getting a reference to it (NULL for the
 * pages copied).
 */
static long
read_pages(struct vnode *v, uint8_t *buf, size_t len, uint64_t off,
    struct fw_frame **frames)
{
	size_t done = 0, n, i;
	struct fw_frame *f;

	if (off >= v->size)
		return 0;
	len = (size_t)MIN((uint64_t)len, v->size - off);
	for (i = 0; done < len; i++) {
		size_t in = (size_t)((off + done) & (FW_PAGE_SIZE - 1));

		n = MIN(len - done, FW_PAGE_SIZE - in);
		f = ramfs_page_find(v, (off + done) >> FW_PAGE_SHIFT);
		if (frames != NULL)
			frames[i] = f != NULL ? fw_frame_ref(f) : NULL;
		if (f == NULL) {
			if (image_read(v, off + done, buf + done, n) < 0)
				goto fail;
		} else if (frames == NULL &&
		    fw_frame_read(f, in, buf + done, n) < 0) {
			goto fail;
		}
		done += n;
	}
	return (long)done;
fail:
	while (frames != NULL && i-- > 0)
		fw_frame_unref(frames[i]);
	return -EIO;
}

long
ramfs_read(struct vnode *v, void *buf, size_t len, uint64_t off)
{
	return read_pages(v, buf, len, off, NULL);
}

long
ramfs_read_frames(struct vnode *v, void *buf, size_t len, uint64_t off,
    struct fw_frame **frames)
{
	return read_pages(v, buf, len, off, frames);
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
		image_drop_from(v, size);
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
	image_drop_from(v, 0);
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
	if (off < v->u.reg.img_len && (err = image_detach(v)) < 0)
		return err;
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
