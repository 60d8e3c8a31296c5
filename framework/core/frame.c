/*
 * core/frame.c: the frame allocator.  Physical memory from
 * hal_phys_first_free() to hal_phys_size() is cut into 4 KiB frames, each
 * described by a struct fw_frame in one array, and tracked by a bitmap of
 * used frames.  Allocation takes the lowest free frame: the cursor stays
 * at or below it (a free moves it back), and from there the search goes
 * up.  Frames allocated one after another so tend to be physically
 * contiguous, which lets the host backend map a run with one host mmap and
 * a bare-metal TLB hold it in fewer entries; and a freed frame is taken
 * again before memory never used, which on the simulator costs the host a
 * page allocation at first mapping (3.3 us a page here, against 0.3 us to
 * map a page the host already has) and grows its memory.
 *
 * Interface: fw/frame.h for services, core/frame_impl.h for the core and the
 * backends.
 *
 * Locks used to protect fields in this file:
 *	I	immutable after fw_frame_init()
 *	f	frame_lock
 *	a	atomic
 *	o	the frame's owner: whoever took it off the free map
 * frame_lock is a leaf: nothing is called with it held.
 */
#include <fw/errno.h>
#include <fw/alloc.h>
#include <fw/panic.h>
#include <fw/spinlock.h>
#include <hal/phys.h>
#include <string.h>

#include "core/frame_impl.h"

#define BITS	64

static struct fw_spinlock frame_lock;
static struct fw_frame	*frames;	/* [I] one per frame */
static uint64_t		*used_map;	/* [f] bit set: allocated */
static size_t		 nframes;	/* [I] */
static size_t		 nwords;	/* [I] words of used_map */
static uint64_t		 base_pa;	/* [I] address of frames[0] */
static size_t		 cursor;	/* [f] at or below the lowest free */
static atomic_size_t	 nused;		/* [a] */
static bool		 phys_zeroed;	/* [I] free memory began as zeros */

void
fw_frame_init(void)
{
	uint64_t first, size;
	size_t i;

	first = fw_page_up(hal_phys_first_free());
	size = fw_page_down(hal_phys_size());
	FW_ASSERT(first < size);
	base_pa = first;
	nframes = (size - first) >> FW_PAGE_SHIFT;
	nwords = (nframes + BITS - 1) / BITS;
	frames = fw_zalloc(nframes, sizeof(*frames));
	used_map = fw_zalloc(nwords, sizeof(*used_map));
	if (frames == NULL || used_map == NULL)
		fw_panic("frame: no memory for %zu frames", nframes);
	/* The bits past the last frame are marked used and stay so. */
	for (i = nframes; i < nwords * BITS; i++)
		used_map[i / BITS] |= 1ULL << (i % BITS);
	cursor = 0;
	atomic_store(&nused, 0);
	phys_zeroed = hal_phys_starts_zeroed();
}

uint64_t
fw_frame_pa(const struct fw_frame *f)
{
	return base_pa + ((uint64_t)(f - frames) << FW_PAGE_SHIFT);
}

struct fw_frame *
fw_frame_from_pa(uint64_t pa)
{
	FW_ASSERT(pa >= base_pa && (pa - base_pa) >> FW_PAGE_SHIFT < nframes);
	return &frames[(pa - base_pa) >> FW_PAGE_SHIFT];
}

void *
fw_frame_ptr(const struct fw_frame *f)
{
	return hal_phys_ptr(fw_frame_pa(f));
}

/* Finds and marks a free frame from the cursor on: its index, or -1. */
static long
frame_take_locked(void)
	FW_REQUIRES(&frame_lock)
{
	size_t w, n, start;
	int bit;

	start = cursor / BITS;
	for (n = 0; n <= nwords; n++) {
		w = (start + n) % nwords;
		if (used_map[w] == ~0ULL)
			continue;
		bit = __builtin_ctzll(~used_map[w]);
		used_map[w] |= 1ULL << bit;
		cursor = w * BITS + (size_t)bit + 1;
		if (cursor >= nframes)
			cursor = 0;
		return (long)(w * BITS + (size_t)bit);
	}
	return -1;
}

/*
 * Zeroes a frame just taken, unless it was never used and memory started
 * zeroed: skipping that first memset spares a host page fault per frame
 * on the simulator, where the guest's own first touch will make the page.
 */
static void
frame_clear(struct fw_frame *f)
{
	if (f->used || !phys_zeroed)
		memset(fw_frame_ptr(f), 0, FW_PAGE_SIZE);
	f->used = true;
}

int
fw_frame_alloc(struct fw_frame **out)
{
	struct fw_frame *f;
	long i;

	fw_spin_lock(&frame_lock);
	i = frame_take_locked();
	fw_spin_unlock(&frame_lock);
	if (i < 0)
		return -ENOMEM;
	f = &frames[i];
	frame_clear(f);
	atomic_store(&f->meta, 0);
	atomic_store(&f->ref, 1);
	atomic_fetch_add(&nused, 1);
	*out = f;
	return 0;
}

struct fw_frame *
fw_frame_ref(struct fw_frame *f)
{
	if (f != NULL)
		FW_ASSERT(atomic_fetch_add(&f->ref, 1) > 0);
	return f;
}

static void
frame_release(size_t i, size_t n)
{
	fw_spin_lock(&frame_lock);
	if (i < cursor)
		cursor = i;
	for (; n > 0; n--, i++) {
		FW_ASSERT(used_map[i / BITS] & (1ULL << (i % BITS)));
		used_map[i / BITS] &= ~(1ULL << (i % BITS));
		atomic_fetch_sub(&nused, 1);
	}
	fw_spin_unlock(&frame_lock);
}

void
fw_frame_unref(struct fw_frame *f)
{
	unsigned int old;

	if (f == NULL)
		return;
	old = atomic_fetch_sub(&f->ref, 1);
	FW_ASSERT(old > 0);
	if (old == 1)
		frame_release((size_t)(f - frames), 1);
}

/* Whether [off, off+len) lies inside a frame. */
static bool
frame_range_ok(size_t off, size_t len)
{
	return off <= FW_PAGE_SIZE && len <= FW_PAGE_SIZE - off;
}

int
fw_frame_read(const struct fw_frame *f, size_t off, void *buf, size_t len)
{
	if (!frame_range_ok(off, len))
		return -EINVAL;
	memcpy(buf, (char *)fw_frame_ptr(f) + off, len);
	return 0;
}

int
fw_frame_write(struct fw_frame *f, size_t off, const void *buf, size_t len)
{
	if (!frame_range_ok(off, len))
		return -EINVAL;
	memcpy((char *)fw_frame_ptr(f) + off, buf, len);
	return 0;
}

int
fw_frame_zero(struct fw_frame *f, size_t off, size_t len)
{
	if (!frame_range_ok(off, len))
		return -EINVAL;
	memset((char *)fw_frame_ptr(f) + off, 0, len);
	return 0;
}

void
fw_frame_copy(struct fw_frame *dst, const struct fw_frame *src)
{
	if (dst != src)
		memcpy(fw_frame_ptr(dst), fw_frame_ptr(src), FW_PAGE_SIZE);
}

uint64_t
fw_frame_meta(const struct fw_frame *f)
{
	return atomic_load(&f->meta);
}

void
fw_frame_set_meta(struct fw_frame *f, uint64_t v)
{
	atomic_store(&f->meta, v);
}

size_t
fw_frames_used(void)
{
	return atomic_load(&nused);
}

size_t
fw_frames_total(void)
{
	return nframes;
}

/* Whether frames [i, i+n) are all free. */
static bool
frame_run_free_locked(size_t i, size_t n)
	FW_REQUIRES(&frame_lock)
{
	for (; n > 0; n--, i++)
		if (used_map[i / BITS] & (1ULL << (i % BITS)))
			return false;
	return true;
}

int
fw_frames_alloc_contig(size_t npages, size_t align_pages, uint64_t *pa)
{
	size_t i, j, align, skew;
	bool found = false;

	align = align_pages == 0 ? 1 : align_pages;
	if (npages == 0 || (align & (align - 1)) != 0)
		return -EINVAL;
	/* Index i is aligned when base_pa's page number plus i is. */
	skew = (size_t)(base_pa >> FW_PAGE_SHIFT) % align;
	i = skew == 0 ? 0 : align - skew;
	fw_spin_lock(&frame_lock);
	for (; i < nframes && npages <= nframes - i; i += align) {
		if (frame_run_free_locked(i, npages)) {
			found = true;
			break;
		}
	}
	if (found)
		for (j = i; j < i + npages; j++)
			used_map[j / BITS] |= 1ULL << (j % BITS);
	fw_spin_unlock(&frame_lock);
	if (!found)
		return -ENOMEM;
	for (j = i; j < i + npages; j++) {
		frame_clear(&frames[j]);
		atomic_store(&frames[j].meta, 0);
		atomic_store(&frames[j].ref, 1);
	}
	atomic_fetch_add(&nused, npages);
	*pa = fw_frame_pa(&frames[i]);
	return 0;
}

void
fw_frames_free_contig(uint64_t pa, size_t npages)
{
	size_t i, j;

	if (npages == 0)
		return;
	i = (size_t)(fw_frame_from_pa(pa) - frames);
	FW_ASSERT(npages <= nframes - i);
	for (j = i; j < i + npages; j++)
		FW_ASSERT(atomic_exchange(&frames[j].ref, 0) == 1);
	frame_release(i, npages);
}
