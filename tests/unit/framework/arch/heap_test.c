/*
 * Tests for framework/arch/heap.c, the bare-metal kernels' heap, run on a
 * host-malloc'd arena: alignment, the edge sizes, calloc and realloc, that
 * freeing merges everything back, exhaustion, the corruption hook, and a
 * long randomized run checked against a pattern and kheap_check().
 *
 * Some tests reach into a block's header and a free block's links, as
 * heap.c's layout comment describes them, to see kheap_check() notice.
 */
#include <check.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arch/heap.h"

#define ARENA		((size_t)1 << 20)
#define OVERHEAD	24		/* header and footer (heap.c) */

static unsigned char *arena;
static int corrupt_calls;
static const char *corrupt_what;
static const void *corrupt_p;

/* The kernel panics here; the tests count the call and go on. */
void
kheap_corrupt(const char *what, const void *p)
{
	corrupt_calls++;
	corrupt_what = what;
	corrupt_p = p;
}

static void
setup(void)
{
	arena = aligned_alloc(16, ARENA);
	ck_assert_ptr_nonnull(arena);
	kheap_init(arena, ARENA);
	corrupt_calls = 0;
	corrupt_what = NULL;
	corrupt_p = NULL;
}

static void
teardown(void)
{
	free(arena);
	arena = NULL;
}

/* xorshift64*: the same sequence on every host. */
static uint64_t
rnd(uint64_t *s)
{
	*s ^= *s >> 12;
	*s ^= *s << 25;
	*s ^= *s >> 27;
	return *s * 0x2545f4914f6cdd1dull;
}

static bool
is_aligned(const void *p)
{
	return ((uintptr_t)p & 15) == 0;
}

START_TEST(test_kheap_init_makes_the_arena_free)
{
	ck_assert_uint_eq(kheap_free_bytes(), ARENA);
	ck_assert(kheap_check());
	/* An unaligned base is aligned up; the end is aligned down. */
	kheap_init(arena + 3, ARENA - 3);
	ck_assert_uint_eq(kheap_free_bytes(), ARENA - 16);
	ck_assert(kheap_check());
	ck_assert(is_aligned(kheap_alloc(1)));
	kheap_init(arena + 1, ARENA - 2);
	ck_assert_uint_eq(kheap_free_bytes(), ARENA - 32);
	ck_assert(kheap_check());
}
END_TEST

START_TEST(test_kheap_tiny_arena_allocates_nothing)
{
	kheap_init(arena, 40);
	ck_assert_uint_eq(kheap_free_bytes(), 0);
	ck_assert_ptr_null(kheap_alloc(0));
	ck_assert(kheap_check());
	kheap_init(arena, 48);
	ck_assert_ptr_nonnull(kheap_alloc(0));
	ck_assert_ptr_null(kheap_alloc(0));
	ck_assert(kheap_check());
}
END_TEST

START_TEST(test_kheap_alloc_is_aligned_and_disjoint)
{
	enum { N = 600 };
	unsigned char *p[N];
	size_t i, j;

	for (i = 0; i < N; i++) {
		p[i] = kheap_alloc(i);
		ck_assert_ptr_nonnull(p[i]);
		ck_assert(is_aligned(p[i]));
		ck_assert_uint_ge(kheap_usable_size(p[i]), i);
		memset(p[i], (int)(i & 0xff), kheap_usable_size(p[i]));
	}
	ck_assert(kheap_check());
	for (i = 0; i < N; i++)
		for (j = 0; j < kheap_usable_size(p[i]); j++)
			if (p[i][j] != (i & 0xff))
				ck_abort_msg("block %zu byte %zu is %u", i, j,
				    p[i][j]);
	for (i = 0; i < N; i++)
		kheap_free(p[i]);
	ck_assert_uint_eq(kheap_free_bytes(), ARENA);
	ck_assert(kheap_check());
	ck_assert_int_eq(corrupt_calls, 0);
}
END_TEST

START_TEST(test_kheap_alloc_zero_is_unique_and_minimal)
{
	void *a = kheap_alloc(0), *b = kheap_alloc(0);

	ck_assert_ptr_nonnull(a);
	ck_assert_ptr_nonnull(b);
	ck_assert_ptr_ne(a, b);
	ck_assert(is_aligned(a) && is_aligned(b));
	ck_assert_uint_lt(kheap_usable_size(a), 32);
	ck_assert_uint_eq(kheap_usable_size(a), kheap_usable_size(b));
	kheap_free(a);
	kheap_free(b);
	ck_assert_uint_eq(kheap_free_bytes(), ARENA);
	ck_assert_int_eq(corrupt_calls, 0);
}
END_TEST

START_TEST(test_kheap_null_is_a_no_op)
{
	kheap_free(NULL);
	ck_assert_uint_eq(kheap_usable_size(NULL), 0);
	ck_assert_uint_eq(kheap_free_bytes(), ARENA);
	ck_assert_int_eq(corrupt_calls, 0);
}
END_TEST

START_TEST(test_kheap_alloc_too_big_is_null)
{
	void *p;

	ck_assert_ptr_null(kheap_alloc(SIZE_MAX));
	ck_assert_ptr_null(kheap_alloc(SIZE_MAX - 15));
	ck_assert_ptr_null(kheap_alloc(ARENA));
	ck_assert_ptr_null(kheap_alloc(ARENA - OVERHEAD + 1));
	/* The largest request takes the whole arena. */
	p = kheap_alloc(ARENA - OVERHEAD);
	ck_assert_ptr_nonnull(p);
	ck_assert_uint_eq(kheap_free_bytes(), 0);
	ck_assert_ptr_null(kheap_alloc(0));
	ck_assert(kheap_check());
	kheap_free(p);
	ck_assert_uint_eq(kheap_free_bytes(), ARENA);
	ck_assert_int_eq(corrupt_calls, 0);
}
END_TEST

START_TEST(test_kheap_calloc_zeroes_reused_memory)
{
	unsigned char *p = kheap_alloc(4096), *q;
	size_t i;

	ck_assert_ptr_nonnull(p);
	memset(p, 0xa5, 4096);
	kheap_free(p);
	q = kheap_calloc(64, 64);
	ck_assert_ptr_eq(q, p);		/* the same memory, so a real test */
	for (i = 0; i < 4096; i++)
		if (q[i] != 0)
			ck_abort_msg("byte %zu is %u", i, q[i]);
	kheap_free(q);
	q = kheap_calloc(0, 10);
	ck_assert_ptr_nonnull(q);
	kheap_free(q);
	ck_assert_uint_eq(kheap_free_bytes(), ARENA);
}
END_TEST

START_TEST(test_kheap_calloc_overflow_is_null)
{
	ck_assert_ptr_null(kheap_calloc(SIZE_MAX / 2 + 1, 2));
	ck_assert_ptr_null(kheap_calloc(2, SIZE_MAX / 2 + 1));
	ck_assert_ptr_null(kheap_calloc(SIZE_MAX, SIZE_MAX));
	ck_assert_ptr_null(kheap_calloc((size_t)1 << 32, (size_t)1 << 32));
	ck_assert_uint_eq(kheap_free_bytes(), ARENA);
	ck_assert_int_eq(corrupt_calls, 0);
}
END_TEST

/* Fills p's first n bytes with a pattern that depends on seed. */
static void
fill(unsigned char *p, size_t n, unsigned int seed)
{
	size_t i;

	for (i = 0; i < n; i++)
		p[i] = (unsigned char)(i * 7 + seed);
}

static bool
filled(const unsigned char *p, size_t n, unsigned int seed)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (p[i] != (unsigned char)(i * 7 + seed))
			return false;
	return true;
}

START_TEST(test_kheap_realloc_null_allocates)
{
	void *p = kheap_realloc(NULL, 100);

	ck_assert_ptr_nonnull(p);
	ck_assert(is_aligned(p));
	ck_assert_uint_ge(kheap_usable_size(p), 100);
	kheap_free(p);
	ck_assert_uint_eq(kheap_free_bytes(), ARENA);
}
END_TEST

START_TEST(test_kheap_realloc_grows_in_place_into_free_next)
{
	unsigned char *a = kheap_alloc(100), *b = kheap_alloc(200);
	unsigned char *c = kheap_alloc(16);

	ck_assert(a != NULL && b != NULL && c != NULL);
	fill(a, 100, 1);
	kheap_free(b);
	ck_assert_ptr_eq(kheap_realloc(a, 300), a);
	ck_assert_uint_ge(kheap_usable_size(a), 300);
	ck_assert(filled(a, 100, 1));
	ck_assert(kheap_check());
	/* Growing again: c is live right after a, so a moves. */
	fill(a, 300, 2);
	b = kheap_realloc(a, 400);
	ck_assert_ptr_nonnull(b);
	ck_assert_ptr_ne(b, a);
	ck_assert(filled(b, 300, 2));
	ck_assert(kheap_check());
	kheap_free(b);
	kheap_free(c);
	ck_assert_uint_eq(kheap_free_bytes(), ARENA);
	ck_assert_int_eq(corrupt_calls, 0);
}
END_TEST

START_TEST(test_kheap_realloc_moves_when_next_is_live)
{
	unsigned char *a = kheap_alloc(100), *b = kheap_alloc(100), *r;

	ck_assert(a != NULL && b != NULL);
	fill(a, 100, 3);
	r = kheap_realloc(a, 5000);
	ck_assert_ptr_nonnull(r);
	ck_assert_ptr_ne(r, a);
	ck_assert(is_aligned(r));
	ck_assert(filled(r, 100, 3));
	ck_assert(kheap_check());
	/* a's old block was freed: the same request gets it back. */
	ck_assert_ptr_eq(kheap_alloc(100), a);
	kheap_free(a);
	kheap_free(b);
	kheap_free(r);
	ck_assert_uint_eq(kheap_free_bytes(), ARENA);
	ck_assert(kheap_check());
}
END_TEST

START_TEST(test_kheap_realloc_shrinks_in_place)
{
	unsigned char *a = kheap_alloc(4000), *b = kheap_alloc(10);
	size_t before;

	ck_assert(a != NULL && b != NULL);
	fill(a, 4000, 4);
	before = kheap_free_bytes();
	ck_assert_ptr_eq(kheap_realloc(a, 100), a);
	ck_assert(filled(a, 100, 4));
	ck_assert_uint_ge(kheap_usable_size(a), 100);
	ck_assert_uint_lt(kheap_usable_size(a), 200);
	ck_assert_uint_gt(kheap_free_bytes(), before + 3800);
	ck_assert(kheap_check());
	/* Size 0 keeps a minimal block, and still the first bytes. */
	ck_assert_ptr_eq(kheap_realloc(a, 0), a);
	ck_assert_uint_lt(kheap_usable_size(a), 32);
	ck_assert(filled(a, kheap_usable_size(a), 4));
	ck_assert(kheap_check());
	kheap_free(a);
	kheap_free(b);
	ck_assert_uint_eq(kheap_free_bytes(), ARENA);
}
END_TEST

START_TEST(test_kheap_realloc_failure_keeps_the_block)
{
	unsigned char *a = kheap_alloc(100), *b = kheap_alloc(100);
	size_t usable, before;

	ck_assert(a != NULL && b != NULL);
	fill(a, 100, 5);
	usable = kheap_usable_size(a);
	before = kheap_free_bytes();
	ck_assert_ptr_null(kheap_realloc(a, ARENA - 100));
	ck_assert_ptr_null(kheap_realloc(a, ARENA));
	ck_assert_ptr_null(kheap_realloc(a, SIZE_MAX));
	ck_assert_uint_eq(kheap_usable_size(a), usable);
	ck_assert_uint_eq(kheap_free_bytes(), before);
	ck_assert(filled(a, 100, 5));
	ck_assert(kheap_check());
	/* Free b: now the same growth fits in place. */
	kheap_free(b);
	ck_assert_ptr_eq(kheap_realloc(a, ARENA - 100), a);
	ck_assert(filled(a, 100, 5));
	kheap_free(a);
	ck_assert_uint_eq(kheap_free_bytes(), ARENA);
	ck_assert_int_eq(corrupt_calls, 0);
}
END_TEST

START_TEST(test_kheap_free_in_any_order_merges_everything)
{
	enum { N = 2000 };
	static unsigned char *p[N];
	uint64_t s = 42;
	size_t n, i, j;
	unsigned char *t;

	for (n = 0; n < N; n++) {
		p[n] = kheap_alloc(rnd(&s) % 1500);
		if (p[n] == NULL)
			break;
	}
	ck_assert_uint_gt(n, 500);
	for (i = n; i > 1; i--) {
		j = rnd(&s) % i;
		t = p[i - 1];
		p[i - 1] = p[j];
		p[j] = t;
	}
	for (i = 0; i < n; i++) {
		kheap_free(p[i]);
		if (i % 64 == 0)
			ck_assert(kheap_check());
	}
	ck_assert_uint_eq(kheap_free_bytes(), ARENA);
	ck_assert(kheap_check());
	/* One block, so the largest request fits again. */
	ck_assert_ptr_nonnull(kheap_alloc(ARENA - OVERHEAD));
	ck_assert_int_eq(corrupt_calls, 0);
}
END_TEST

static size_t
fill_up(void **held, size_t max, size_t size)
{
	size_t n = 0;

	while (n < max && (held[n] = kheap_alloc(size)) != NULL)
		n++;
	return n;
}

START_TEST(test_kheap_exhaustion_returns_null_and_recovers)
{
	enum { MAX = ARENA / 1024 + 1 };
	static void *held[MAX];
	size_t n, i;

	n = fill_up(held, MAX, 1000);
	ck_assert_uint_lt(n, MAX);
	ck_assert_uint_lt(kheap_free_bytes(), 1024);
	ck_assert_ptr_null(kheap_alloc(1000));
	ck_assert(kheap_check());
	for (i = 0; i < n; i += 2)
		kheap_free(held[i]);
	ck_assert(kheap_check());
	/* Freed holes are found again, and then nothing is left. */
	for (i = 0; i < n; i += 2)
		ck_assert_ptr_nonnull(held[i] = kheap_alloc(1000));
	ck_assert_ptr_null(kheap_alloc(1000));
	for (i = 0; i < n; i++)
		kheap_free(held[i]);
	ck_assert_uint_eq(kheap_free_bytes(), ARENA);
	ck_assert_uint_eq(fill_up(held, MAX, 1000), n);
	ck_assert_int_eq(corrupt_calls, 0);
}
END_TEST

START_TEST(test_kheap_double_free_calls_the_hook)
{
	void *a = kheap_alloc(64), *b = kheap_alloc(64), *c = kheap_alloc(64);
	size_t before;

	ck_assert(a != NULL && b != NULL && c != NULL);
	kheap_free(b);
	before = kheap_free_bytes();
	kheap_free(b);
	ck_assert_int_eq(corrupt_calls, 1);
	ck_assert_ptr_eq(corrupt_p, b);
	ck_assert_ptr_nonnull(strstr(corrupt_what, "double free"));
	ck_assert_uint_eq(kheap_free_bytes(), before);
	ck_assert(kheap_check());
	/* b's header is inside a's free block now, but still reads freed. */
	kheap_free(a);
	kheap_free(b);
	ck_assert_int_eq(corrupt_calls, 2);
	ck_assert_ptr_eq(corrupt_p, b);
	ck_assert_ptr_nonnull(strstr(corrupt_what, "double free"));
	kheap_free(a);
	ck_assert_int_eq(corrupt_calls, 3);
	ck_assert_ptr_eq(kheap_realloc(a, 10), NULL);
	ck_assert_int_eq(corrupt_calls, 4);
	ck_assert_uint_eq(kheap_usable_size(a), 0);
	ck_assert_int_eq(corrupt_calls, 5);
	ck_assert(kheap_check());
	kheap_free(c);
	ck_assert_uint_eq(kheap_free_bytes(), ARENA);
	ck_assert_int_eq(corrupt_calls, 5);
}
END_TEST

START_TEST(test_kheap_foreign_pointer_calls_the_hook)
{
	unsigned char *p = kheap_alloc(256);
	int local = 0;

	ck_assert_ptr_nonnull(p);
	memset(p, 0, 256);
	kheap_free(&local);
	ck_assert_int_eq(corrupt_calls, 1);
	ck_assert_ptr_eq(corrupt_p, &local);
	kheap_free(p + 32);			/* aligned, inside p */
	ck_assert_int_eq(corrupt_calls, 2);
	ck_assert_ptr_eq(corrupt_p, p + 32);
	kheap_free(p + 1);			/* unaligned */
	ck_assert_int_eq(corrupt_calls, 3);
	ck_assert_ptr_null(kheap_realloc(&local, 10));
	ck_assert_int_eq(corrupt_calls, 4);
	ck_assert_uint_eq(kheap_usable_size(arena + ARENA), 0);
	ck_assert_int_eq(corrupt_calls, 5);
	ck_assert_uint_eq(kheap_usable_size(p + 64), 0);
	ck_assert_int_eq(corrupt_calls, 6);
	ck_assert(kheap_check());
	kheap_free(p);
	ck_assert_uint_eq(kheap_free_bytes(), ARENA);
	ck_assert_int_eq(corrupt_calls, 6);
}
END_TEST

START_TEST(test_kheap_check_finds_trampled_blocks)
{
	unsigned char *a = kheap_alloc(100), *b = kheap_alloc(100);
	unsigned char *c = kheap_alloc(100);
	size_t *hdr, save, usable;
	uintptr_t *link;

	ck_assert(a != NULL && b != NULL && c != NULL);
	hdr = (size_t *)(void *)a - 2;
	link = (uintptr_t *)(void *)b;
	usable = kheap_usable_size(a);
	/* A header's size changed. */
	save = hdr[0];
	hdr[0] += 16;
	ck_assert(!kheap_check());
	kheap_free(a);
	ck_assert_int_eq(corrupt_calls, 1);
	hdr[0] = save;
	ck_assert(kheap_check());
	/* One byte written past the payload: the footer. */
	a[usable] ^= 1;
	ck_assert(!kheap_check());
	a[usable] ^= 1;
	ck_assert(kheap_check());
	/* A free block's next link pointing at a live block. */
	kheap_free(b);
	ck_assert_uint_eq(link[0], 0);		/* alone on its list */
	link[0] = (uintptr_t)(c - 16);
	ck_assert(!kheap_check());
	link[0] = (uintptr_t)(b - 16);		/* a list that loops */
	ck_assert(!kheap_check());
	link[0] = 0;
	ck_assert(kheap_check());
	kheap_free(a);
	kheap_free(c);
	ck_assert_uint_eq(kheap_free_bytes(), ARENA);
	ck_assert_int_eq(corrupt_calls, 1);
}
END_TEST

/*
 * The randomized run: NSLOT slots, each empty or holding a block whose
 * contents are pat[off, off+len).  Every operation checks the contents it
 * touches; kheap_check() runs every CHECK_EVERY operations.
 */
enum {
	NSLOT = 512, NOPS = 300000, CHECK_EVERY = 2048,
	BIG = 262144, PATLEN = BIG + 4096
};

struct slot {
	unsigned char	*p;
	size_t		 len, off;
};

static unsigned char pat[PATLEN];

static size_t
stress_size(uint64_t *s)
{
	uint64_t r = rnd(s);

	if (r % 64 == 0)
		return (size_t)(r >> 8) % BIG;
	if (r % 8 == 0)
		return (size_t)(r >> 8) % 4096;
	return (size_t)(r >> 8) % 256;
}

static void
stress_alloc(struct slot *sl, uint64_t *s, bool zeroed)
{
	size_t len = stress_size(s), i;

	sl->p = zeroed ? kheap_calloc(1, len) : kheap_alloc(len);
	if (sl->p == NULL)
		return;
	if (!is_aligned(sl->p) || kheap_usable_size(sl->p) < len)
		ck_abort_msg("bad block %p for %zu bytes", (void *)sl->p,
		    len);
	for (i = 0; zeroed && i < len; i++)
		if (sl->p[i] != 0)
			ck_abort_msg("calloc left byte %zu set", i);
	sl->len = len;
	sl->off = rnd(s) % (PATLEN - BIG);
	memcpy(sl->p, pat + sl->off, len);
}

static void
stress_realloc(struct slot *sl, uint64_t *s)
{
	size_t len = stress_size(s), keep = len < sl->len ? len : sl->len;
	unsigned char *q = kheap_realloc(sl->p, len);

	if (q == NULL) {
		if (len <= sl->len)
			ck_abort_msg("shrinking %zu to %zu failed", sl->len,
			    len);
		return;
	}
	if (!is_aligned(q) || kheap_usable_size(q) < len ||
	    memcmp(q, pat + sl->off, keep) != 0)
		ck_abort_msg("realloc of %zu to %zu lost data", sl->len, len);
	memcpy(q + keep, pat + sl->off + keep, len - keep);
	sl->p = q;
	sl->len = len;
}

/* kheap_check(), and the live blocks and the free bytes fill the arena. */
static bool
stress_check(const struct slot *slot)
{
	size_t i, bytes = kheap_free_bytes();

	for (i = 0; i < NSLOT; i++)
		if (slot[i].p != NULL)
			bytes += kheap_usable_size(slot[i].p) + OVERHEAD;
	return kheap_check() && bytes == ARENA;
}

START_TEST(test_kheap_random_operations_keep_contents)
{
	static struct slot slot[NSLOT];
	uint64_t s = 0x5eed, r;
	struct slot *sl;
	size_t i, nnull = 0;

	for (i = 0; i < PATLEN; i++)
		pat[i] = (unsigned char)rnd(&s);
	for (i = 0; i < NOPS; i++) {
		r = rnd(&s);
		sl = &slot[r % NSLOT];
		if (sl->p != NULL &&
		    memcmp(sl->p, pat + sl->off, sl->len) != 0)
			ck_abort_msg("op %zu: contents changed", i);
		if (sl->p == NULL) {
			stress_alloc(sl, &s, (r >> 32) % 8 == 0);
			nnull += sl->p == NULL;
		} else if ((r >> 32) % 3 == 0) {
			stress_realloc(sl, &s);
		} else {
			kheap_free(sl->p);
			sl->p = NULL;
		}
		if (i % CHECK_EVERY == 0 && !stress_check(slot))
			ck_abort_msg("op %zu: kheap_check() failed", i);
	}
	ck_assert(stress_check(slot));
	for (i = 0; i < NSLOT; i++)
		kheap_free(slot[i].p);
	ck_assert_uint_eq(kheap_free_bytes(), ARENA);
	ck_assert(kheap_check());
	ck_assert_int_eq(corrupt_calls, 0);
	/* The run must have met exhaustion, but rarely. */
	ck_assert_uint_gt(nnull, 0);
	ck_assert_uint_lt(nnull, NOPS / 100);
}
END_TEST

static Suite *
heap_suite(void)
{
	Suite *s = suite_create("kheap");
	TCase *tc = tcase_create("arch");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_kheap_init_makes_the_arena_free);
	tcase_add_test(tc, test_kheap_tiny_arena_allocates_nothing);
	tcase_add_test(tc, test_kheap_alloc_is_aligned_and_disjoint);
	tcase_add_test(tc, test_kheap_alloc_zero_is_unique_and_minimal);
	tcase_add_test(tc, test_kheap_null_is_a_no_op);
	tcase_add_test(tc, test_kheap_alloc_too_big_is_null);
	tcase_add_test(tc, test_kheap_calloc_zeroes_reused_memory);
	tcase_add_test(tc, test_kheap_calloc_overflow_is_null);
	tcase_add_test(tc, test_kheap_realloc_null_allocates);
	tcase_add_test(tc, test_kheap_realloc_grows_in_place_into_free_next);
	tcase_add_test(tc, test_kheap_realloc_moves_when_next_is_live);
	tcase_add_test(tc, test_kheap_realloc_shrinks_in_place);
	tcase_add_test(tc, test_kheap_realloc_failure_keeps_the_block);
	tcase_add_test(tc, test_kheap_free_in_any_order_merges_everything);
	tcase_add_test(tc, test_kheap_exhaustion_returns_null_and_recovers);
	tcase_add_test(tc, test_kheap_double_free_calls_the_hook);
	tcase_add_test(tc, test_kheap_foreign_pointer_calls_the_hook);
	tcase_add_test(tc, test_kheap_check_finds_trampled_blocks);
	tcase_add_test(tc, test_kheap_random_operations_keep_contents);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(heap_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
