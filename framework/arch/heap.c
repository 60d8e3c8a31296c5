/*
 * arch/heap.c: the kernel heap (heap.h), a boundary-tag allocator over one
 * arena, with segregated free lists.  Freestanding: no libc at all.
 *
 * Layout.  The arena is a run of blocks that tile it exactly, each 16-byte
 * aligned and a multiple of 16 bytes long:
 *
 *	0        8        16                              size-8    size
 *	+--------+--------+-------------------------------+--------+
 *	|  word  | check  | payload (free: next, prev...) | footer |
 *	+--------+--------+-------------------------------+--------+
 *
 * word is the block's whole size in bytes with KH_FREE in bit 0 when the
 * block is free; check is word ^ KH_MAGIC, so a stray pointer or a
 * trampled header rarely passes for a block; footer is a copy of word, so
 * a block can read its left neighbour's size and state.  The payload
 * starts 16 bytes in, aligned as the block is, and holds size - 24 bytes.
 * A free block keeps its list links at the start of its payload, which
 * makes KH_MIN = 48 bytes the smallest block.
 *
 * Free lists.  A free block of size s is on list k = floor(log2(s)),
 * doubly linked, newest first; bit k of heap.nonempty says that list k
 * has a block.  A request needing n bytes looks at the first KH_LOOKS
 * blocks of n's own list for the smallest that fits, else takes the first
 * block of the next nonempty list up (all of which fit), else searches the
 * rest of n's list.  What a block has beyond n, if KH_MIN or more, is
 * split off as a free block.  A freed block merges at once with a free
 * neighbour on either side.
 *
 * Invariants, which kheap_check() verifies:
 *  - the blocks tile [heap.start, heap.end); each has a valid check word,
 *    a size of at least KH_MIN and a footer equal to its word;
 *  - no two free blocks are adjacent;
 *  - the free blocks are exactly the blocks on the lists, each once and
 *    on its size's list, the prev links right; bit k of heap.nonempty is
 *    set iff list k is not empty;
 *  - heap.free is the sum of the free blocks' sizes.
 *
 * While kheap_check() runs, KH_MARK (bit 1 of word) flags the blocks it
 * has found on the lists; it clears every mark before it returns.
 *
 * The header of a block absorbed by a merge is left in place, marked
 * free, so a second free of its pointer is still seen as a double free
 * until that memory is handed out again.
 *
 * Locks: none; every call is serialised by the caller (heap.h).
 */
#include "arch/heap.h"

#define KH_FREE		((size_t)1)	/* word: the block is free */
#define KH_MARK		((size_t)2)	/* word: kheap_check() saw it listed */
#define KH_FLAGS	((size_t)15)	/* word: the bits that are no size */
#define KH_MAGIC	((size_t)0x6b68656170c3a55aull)
#define KH_ALIGN	((size_t)16)
#define KH_HDR		((size_t)16)	/* word and check */
#define KH_OVERHEAD	(KH_HDR + sizeof(size_t))	/* and the footer */
#define KH_MIN		((size_t)48)
#define KH_NLIST	64
#define KH_LOOKS	8		/* blocks a best fit looks at */

struct kh_blk {
	size_t		 word;		/* size | KH_FREE, maybe KH_MARK */
	size_t		 check;		/* word ^ KH_MAGIC, without KH_MARK */
	struct kh_blk	*next, *prev;	/* free blocks only: the list */
};

_Static_assert(sizeof(size_t) == 8 && sizeof(struct kh_blk) == 32,
    "the layout assumes 64-bit sizes and pointers");

static struct {
	uintptr_t	 start, end;		/* the arena, 16-byte aligned */
	struct kh_blk	*list[KH_NLIST];	/* the free lists' heads */
	uint64_t	 nonempty;		/* bit k: list[k] != NULL */
	size_t		 free;			/* bytes on the lists */
} heap;

static size_t
blk_size(const struct kh_blk *b)
{
	return b->word & ~KH_FLAGS;
}

static bool
blk_free(const struct kh_blk *b)
{
	return (b->word & KH_FREE) != 0;
}

static size_t
blk_footer(const struct kh_blk *b)
{
	return *(const size_t *)((const char *)b + blk_size(b) -
	    sizeof(size_t));
}

/* Writes b's header and footer: a block of size bytes, free or not. */
static void
blk_set(struct kh_blk *b, size_t size, size_t free)
{
	b->word = size | free;
	b->check = b->word ^ KH_MAGIC;
	*(size_t *)((char *)b + size - sizeof(size_t)) = b->word;
}

/* Whether b's header is one the heap wrote: its check word matches. */
static bool
hdr_ok(const struct kh_blk *b)
{
	return (b->word & KH_FLAGS & ~(KH_FREE | KH_MARK)) == 0 &&
	    b->check == ((b->word & ~KH_MARK) ^ KH_MAGIC);
}

/*
 * Whether b, 16-byte aligned with at least its header inside the arena,
 * is a whole block: its header right, the block within the arena and its
 * footer matching.
 */
static bool
blk_ok(const struct kh_blk *b)
{
	size_t size = blk_size(b);

	if (!hdr_ok(b) || size < KH_MIN || size > heap.end - (uintptr_t)b)
		return false;
	return blk_footer(b) == (b->word & ~KH_MARK);
}

static unsigned int
size_class(size_t size)
{
	return 63 - (unsigned int)__builtin_clzll(size);	/* size > 0 */
}

static void
list_push(struct kh_blk *b)
{
	unsigned int k = size_class(blk_size(b));

	b->prev = NULL;
	b->next = heap.list[k];
	if (b->next != NULL)
		b->next->prev = b;
	heap.list[k] = b;
	heap.nonempty |= (uint64_t)1 << k;
	heap.free += blk_size(b);
}

static void
list_remove(struct kh_blk *b)
{
	unsigned int k = size_class(blk_size(b));

	if (b->prev != NULL)
		b->prev->next = b->next;
	else
		heap.list[k] = b->next;
	if (b->next != NULL)
		b->next->prev = b->prev;
	if (heap.list[k] == NULL)
		heap.nonempty &= ~((uint64_t)1 << k);
	heap.free -= blk_size(b);
}

/* The block after b, or NULL if b is the arena's last. */
static struct kh_blk *
blk_next(struct kh_blk *b)
{
	char *n = (char *)b + blk_size(b);

	return (uintptr_t)n < heap.end ? (struct kh_blk *)n : NULL;
}

/* The block before b if there is one and it is free, else NULL. */
static struct kh_blk *
free_prev(struct kh_blk *b)
{
	size_t foot;

	if ((uintptr_t)b == heap.start)
		return NULL;
	foot = ((const size_t *)b)[-1];
	if ((foot & KH_FREE) == 0)
		return NULL;
	return (struct kh_blk *)((char *)b - (foot & ~KH_FLAGS));
}

/*
 * Frees b, a live block or one just split off: merges it with a free
 * neighbour on either side and lists the result.  b's own header is
 * marked free first, so that it still reads as freed once absorbed.
 */
static void
release(struct kh_blk *b)
{
	struct kh_blk *n = blk_next(b), *p = free_prev(b);
	size_t size = blk_size(b);

	blk_set(b, size, KH_FREE);
	if (n != NULL && blk_free(n)) {
		list_remove(n);
		size += blk_size(n);
	}
	if (p != NULL) {
		list_remove(p);
		size += blk_size(p);
		b = p;
	}
	blk_set(b, size, KH_FREE);
	list_push(b);
}

/* Cuts live block b down to size bytes if the rest makes a block. */
static void
split(struct kh_blk *b, size_t size)
{
	size_t all = blk_size(b);
	struct kh_blk *rest;

	if (all - size < KH_MIN)
		return;
	blk_set(b, size, 0);
	rest = (struct kh_blk *)((char *)b + size);
	blk_set(rest, all - size, 0);
	release(rest);
}

/* The block size that holds size bytes, or 0 if the arena cannot. */
static size_t
need(size_t size)
{
	size_t n;

	if (size > heap.end - heap.start)
		return 0;
	n = (size + KH_OVERHEAD + KH_ALIGN - 1) & ~(KH_ALIGN - 1);
	return n < KH_MIN ? KH_MIN : n;
}

/* The smallest block of at least n bytes among list k's first looks. */
static struct kh_blk *
best_fit(unsigned int k, size_t n, size_t looks)
{
	struct kh_blk *b, *best = NULL;

	for (b = heap.list[k]; b != NULL && looks > 0; b = b->next, looks--) {
		if (blk_size(b) < n)
			continue;
		if (best == NULL || blk_size(b) < blk_size(best))
			best = b;
		if (blk_size(b) == n)
			break;
	}
	return best;
}

/* Takes a free block of at least n bytes off its list; NULL if none. */
static struct kh_blk *
take(size_t n)
{
	unsigned int k = size_class(n);
	struct kh_blk *b;
	uint64_t up;

	b = best_fit(k, n, KH_LOOKS);
	if (b == NULL && k + 1 < KH_NLIST &&
	    (up = heap.nonempty >> (k + 1)) != 0)
		b = heap.list[k + 1 + (unsigned int)__builtin_ctzll(up)];
	if (b == NULL)
		b = best_fit(k, n, SIZE_MAX);
	if (b != NULL)
		list_remove(b);
	return b;
}

/*
 * p's block if p is the payload of a live block; otherwise reports the
 * fault through kheap_corrupt() and returns NULL.
 */
static struct kh_blk *
live_block(const void *p)
{
	uintptr_t a = (uintptr_t)p;
	struct kh_blk *b;
	const char *what;

	if (a % KH_ALIGN != 0 || a < heap.start + KH_HDR || a >= heap.end) {
		what = "pointer not into the heap";
	} else {
		/*
		 * A freed header is checked before the footer: one absorbed
		 * by a merge has lost its footer to the merged block's.
		 */
		b = (struct kh_blk *)(a - KH_HDR);
		if (hdr_ok(b) && blk_free(b))
			what = "double free (block already free)";
		else if (!blk_ok(b))
			what = "corrupt or no block header";
		else
			return b;
	}
	kheap_corrupt(what, p);
	return NULL;
}

void
kheap_init(void *base, size_t size)
{
	uintptr_t a = (uintptr_t)base;
	uintptr_t start = (a + KH_ALIGN - 1) & ~(uintptr_t)(KH_ALIGN - 1);
	uintptr_t end = (a + size) & ~(uintptr_t)(KH_ALIGN - 1);
	struct kh_blk *b;
	unsigned int k;

	for (k = 0; k < KH_NLIST; k++)
		heap.list[k] = NULL;
	heap.nonempty = 0;
	heap.free = 0;
	heap.start = heap.end = start;
	if (end < start || end - start < KH_MIN)
		return;
	heap.end = end;
	b = (struct kh_blk *)((char *)base + (start - a));
	blk_set(b, end - start, KH_FREE);
	list_push(b);
}

void *
kheap_alloc(size_t size)
{
	size_t n = need(size);
	struct kh_blk *b;

	if (n == 0 || (b = take(n)) == NULL)
		return NULL;
	blk_set(b, blk_size(b), 0);
	split(b, n);
	return (char *)b + KH_HDR;
}

void *
kheap_calloc(size_t n, size_t size)
{
	unsigned char *p;
	size_t i;

	if (size != 0 && n > SIZE_MAX / size)
		return NULL;
	if ((p = kheap_alloc(n * size)) == NULL)
		return NULL;
	for (i = 0; i < n * size; i++)
		p[i] = 0;
	return p;
}

void *
kheap_realloc(void *p, size_t size)
{
	struct kh_blk *b, *next;
	unsigned char *q;
	size_t n, have, i;

	if (p == NULL)
		return kheap_alloc(size);
	if ((b = live_block(p)) == NULL || (n = need(size)) == 0)
		return NULL;
	have = blk_size(b);
	next = blk_next(b);
	if (n > have && next != NULL && blk_free(next) &&
	    have + blk_size(next) >= n) {
		list_remove(next);
		have += blk_size(next);
		blk_set(b, have, 0);
	}
	if (n <= have) {
		split(b, n);
		return p;
	}
	/* Moving: the old payload is smaller than size (n > have). */
	if ((q = kheap_alloc(size)) == NULL)
		return NULL;
	for (i = 0; i < have - KH_OVERHEAD; i++)
		q[i] = ((const unsigned char *)p)[i];
	release(b);
	return q;
}

void
kheap_free(void *p)
{
	struct kh_blk *b;

	if (p != NULL && (b = live_block(p)) != NULL)
		release(b);
}

size_t
kheap_usable_size(const void *p)
{
	const struct kh_blk *b;

	if (p == NULL || (b = live_block(p)) == NULL)
		return 0;
	return blk_size(b) - KH_OVERHEAD;
}

size_t
kheap_free_bytes(void)
{
	return heap.free;
}

/*
 * Walks the arena's blocks in order, each of which must be whole and
 * valid, no two free ones adjacent.  Counts the free blocks, their bytes
 * and those of them marked; false at the first block that is wrong.
 */
static bool
arena_walk(size_t *nfree, size_t *bytes, size_t *nmarked)
{
	const struct kh_blk *b;
	bool after_free = false;
	uintptr_t a;

	for (a = heap.start; a < heap.end; a += blk_size(b)) {
		b = (const struct kh_blk *)a;
		if (!blk_ok(b) || (blk_free(b) && after_free))
			return false;
		after_free = blk_free(b);
		if (after_free) {
			(*nfree)++;
			*bytes += blk_size(b);
			*nmarked += (b->word & KH_MARK) != 0;
		}
	}
	return true;
}

/*
 * Whether b may be the block after prev on list k: setting marks, a valid
 * free block of list k's sizes, not yet marked, its prev link right;
 * clearing them, a valid block that is marked.
 */
static bool
listed_ok(const struct kh_blk *b, unsigned int k, const struct kh_blk *prev,
    bool set)
{
	uintptr_t a = (uintptr_t)b;

	if (a % KH_ALIGN != 0 || a < heap.start || a >= heap.end || !blk_ok(b))
		return false;
	if (!set)
		return (b->word & KH_MARK) != 0;
	return blk_free(b) && (b->word & KH_MARK) == 0 &&
	    size_class(blk_size(b)) == k && b->prev == prev;
}

/*
 * Walks every free list setting (set) or clearing the mark of its blocks;
 * a list's walk stops at the first block listed_ok() rejects, so clearing
 * undoes exactly what setting did.  Returns how many blocks it marked or
 * cleared.  Setting, a rejected block or a wrong bit of heap.nonempty
 * makes *ok false.
 */
static size_t
lists_mark(bool set, bool *ok)
{
	struct kh_blk *b, *prev;
	size_t n = 0;
	unsigned int k;

	for (k = 0; k < KH_NLIST; k++) {
		if (set && ((heap.nonempty >> k & 1) != 0) !=
		    (heap.list[k] != NULL))
			*ok = false;
		for (prev = NULL, b = heap.list[k]; b != NULL;
		    prev = b, b = b->next) {
			if (!listed_ok(b, k, prev, set)) {
				if (set)
					*ok = false;
				break;
			}
			b->word ^= KH_MARK;
			n++;
		}
	}
	return n;
}

bool
kheap_check(void)
{
	size_t nfree = 0, bytes = 0, nmarked = 0, listed;
	bool ok = true;

	/* The blocks, before any is marked. */
	if (!arena_walk(&nfree, &bytes, &nmarked) || nmarked != 0 ||
	    bytes != heap.free)
		return false;
	/* Every listed block marked, then every free block found marked. */
	listed = lists_mark(true, &ok);
	nfree = bytes = 0;
	if (!arena_walk(&nfree, &bytes, &nmarked))
		ok = false;
	(void)lists_mark(false, &ok);
	return ok && listed == nfree && nmarked == nfree;
}
