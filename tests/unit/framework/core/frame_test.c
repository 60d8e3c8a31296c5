/*
 * Tests for framework/core/frame.c: frame allocation, references, contents
 * and the contiguous allocator.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include <fw/errno.h>
#include <fw/frame.h>
#include <hal/phys.h>

#include "core/frame_impl.h"
#include "fake_hal.h"

static void
setup(void)
{
	fake_hal_boot();
}

START_TEST(test_frame_alloc_returns_zeroed_frame)
{
	struct fw_frame *f;
	unsigned char buf[FW_PAGE_SIZE], zero[FW_PAGE_SIZE];

	memset(zero, 0, sizeof(zero));
	ck_assert_int_eq(fw_frame_alloc(&f), 0);
	ck_assert_int_eq(fw_frame_write(f, 0, "dirty", 5), 0);
	fw_frame_unref(f);
	/* Whatever frame comes next, it must read as zeroes. */
	ck_assert_int_eq(fw_frame_alloc(&f), 0);
	ck_assert_int_eq(fw_frame_read(f, 0, buf, sizeof(buf)), 0);
	ck_assert_mem_eq(buf, zero, sizeof(buf));
	ck_assert_uint_eq(fw_frame_meta(f), 0);
	fw_frame_unref(f);
}
END_TEST

/*
 * Frames never used are not zeroed again (memory starts zeroed here), so a
 * frame that comes back after use must be: hold every other frame until
 * the dirty one is handed out again.
 */
START_TEST(test_frame_reused_frame_is_zeroed)
{
	struct fw_frame *dirty, *f, **held;
	unsigned char buf[64], zero[64];
	size_t n = 0, max = fw_frames_total();

	memset(zero, 0, sizeof(zero));
	held = calloc(max, sizeof(*held));
	ck_assert_ptr_nonnull(held);
	ck_assert_int_eq(fw_frame_alloc(&dirty), 0);
	ck_assert_int_eq(fw_frame_write(dirty, 100, "dirty", 5), 0);
	fw_frame_unref(dirty);
	while (fw_frame_alloc(&f) == 0 && f != dirty)
		held[n++] = f;
	ck_assert_ptr_eq(f, dirty);
	ck_assert_int_eq(fw_frame_read(f, 72, buf, sizeof(buf)), 0);
	ck_assert_mem_eq(buf, zero, sizeof(buf));
	fw_frame_unref(f);
	while (n > 0)
		fw_frame_unref(held[--n]);
	free(held);
}
END_TEST

START_TEST(test_frame_unref_frees_at_zero)
{
	struct fw_frame *f;
	size_t used = fw_frames_used();

	ck_assert_int_eq(fw_frame_alloc(&f), 0);
	ck_assert_uint_eq(fw_frames_used(), used + 1);
	ck_assert_ptr_eq(fw_frame_ref(f), f);
	fw_frame_unref(f);
	ck_assert_uint_eq(fw_frames_used(), used + 1);
	fw_frame_unref(f);
	ck_assert_uint_eq(fw_frames_used(), used);
	fw_frame_unref(NULL);
}
END_TEST

START_TEST(test_frame_read_write_round_trip)
{
	struct fw_frame *f;
	char buf[16];

	ck_assert_int_eq(fw_frame_alloc(&f), 0);
	ck_assert_int_eq(fw_frame_write(f, FW_PAGE_SIZE - 5, "hello", 5), 0);
	ck_assert_int_eq(fw_frame_read(f, FW_PAGE_SIZE - 5, buf, 5), 0);
	ck_assert_mem_eq(buf, "hello", 5);
	ck_assert_int_eq(fw_frame_zero(f, FW_PAGE_SIZE - 4, 4), 0);
	ck_assert_int_eq(fw_frame_read(f, FW_PAGE_SIZE - 5, buf, 5), 0);
	ck_assert_mem_eq(buf, "h\0\0\0\0", 5);
	fw_frame_unref(f);
}
END_TEST

START_TEST(test_frame_access_past_end_is_einval)
{
	struct fw_frame *f;
	char buf[8] = { 0 };

	ck_assert_int_eq(fw_frame_alloc(&f), 0);
	ck_assert_int_eq(fw_frame_read(f, FW_PAGE_SIZE - 3, buf, 4), -EINVAL);
	ck_assert_int_eq(fw_frame_write(f, FW_PAGE_SIZE + 1, buf, 0), -EINVAL);
	ck_assert_int_eq(fw_frame_zero(f, 1, FW_PAGE_SIZE), -EINVAL);
	ck_assert_int_eq(fw_frame_read(f, 8, buf, SIZE_MAX - 4), -EINVAL);
	ck_assert_int_eq(fw_frame_read(f, FW_PAGE_SIZE, buf, 0), 0);
	fw_frame_unref(f);
}
END_TEST

START_TEST(test_frame_copy_and_meta)
{
	struct fw_frame *a, *b;
	char buf[4];

	ck_assert_int_eq(fw_frame_alloc(&a), 0);
	ck_assert_int_eq(fw_frame_alloc(&b), 0);
	ck_assert_int_eq(fw_frame_write(a, 100, "abc", 4), 0);
	fw_frame_copy(b, a);
	ck_assert_int_eq(fw_frame_read(b, 100, buf, 4), 0);
	ck_assert_str_eq(buf, "abc");
	fw_frame_set_meta(a, 0xdeadbeefcafeULL);
	ck_assert_uint_eq(fw_frame_meta(a), 0xdeadbeefcafeULL);
	ck_assert_uint_eq(fw_frame_meta(b), 0);
	fw_frame_unref(a);
	fw_frame_unref(b);
}
END_TEST

START_TEST(test_frame_pa_round_trips_and_maps_contents)
{
	struct fw_frame *f;
	uint64_t pa;

	ck_assert_int_eq(fw_frame_alloc(&f), 0);
	pa = fw_frame_pa(f);
	ck_assert_uint_eq(pa % FW_PAGE_SIZE, 0);
	ck_assert_ptr_eq(fw_frame_from_pa(pa), f);
	ck_assert_int_eq(fw_frame_write(f, 7, "x", 1), 0);
	ck_assert_int_eq(((char *)hal_phys_ptr(pa))[7], 'x');
	ck_assert_ptr_eq(fw_frame_ptr(f), hal_phys_ptr(pa));
	fw_frame_unref(f);
}
END_TEST

START_TEST(test_frame_consecutive_allocs_are_contiguous)
{
	struct fw_frame *f[8];
	int i, contiguous = 0;

	for (i = 0; i < 8; i++)
		ck_assert_int_eq(fw_frame_alloc(&f[i]), 0);
	for (i = 1; i < 8; i++)
		contiguous += fw_frame_pa(f[i]) ==
		    fw_frame_pa(f[i - 1]) + FW_PAGE_SIZE;
	/* The free run may end once; the rest must follow on. */
	ck_assert_int_ge(contiguous, 6);
	for (i = 0; i < 8; i++)
		fw_frame_unref(f[i]);
}
END_TEST

/*
 * Freed frames are taken again before memory never used: on the
 * simulator a never-used frame costs the host a page allocation when it
 * is first mapped, a freed one only its zeroing.
 */
START_TEST(test_frame_freed_frames_are_reused_first)
{
	struct fw_frame *f[64], *g;
	uint64_t lo = UINT64_MAX;
	int i;

	for (i = 0; i < 64; i++) {
		ck_assert_int_eq(fw_frame_alloc(&f[i]), 0);
		if (fw_frame_pa(f[i]) < lo)
			lo = fw_frame_pa(f[i]);
	}
	for (i = 0; i < 64; i++)
		fw_frame_unref(f[i]);
	/* The lowest free frame comes first, then the ones after it. */
	ck_assert_int_eq(fw_frame_alloc(&g), 0);
	ck_assert_uint_le(fw_frame_pa(g), lo);
	for (i = 0; i < 64; i++) {
		ck_assert_int_eq(fw_frame_alloc(&f[i]), 0);
		ck_assert_uint_eq(fw_frame_pa(f[i]), fw_frame_pa(g) +
		    (uint64_t)(i + 1) * FW_PAGE_SIZE);
	}
	for (i = 0; i < 64; i++)
		fw_frame_unref(f[i]);
	fw_frame_unref(g);
}
END_TEST

START_TEST(test_frame_exhaustion_is_enomem)
{
	size_t total = fw_frames_total(), n = 0, i;
	struct fw_frame **all = calloc(total, sizeof(*all));
	struct fw_frame *f;
	uint64_t pa;

	ck_assert_ptr_nonnull(all);
	ck_assert_uint_eq(total, FAKE_PHYS_SIZE / FW_PAGE_SIZE);
	while (n < total && fw_frame_alloc(&all[n]) == 0)
		n++;
	ck_assert_uint_eq(fw_frames_used(), total);
	ck_assert_int_eq(fw_frame_alloc(&f), -ENOMEM);
	ck_assert_int_eq(fw_frames_alloc_contig(1, 1, &pa), -ENOMEM);
	for (i = 0; i < n; i++)
		fw_frame_unref(all[i]);
	ck_assert_int_eq(fw_frame_alloc(&f), 0);
	fw_frame_unref(f);
	free(all);
}
END_TEST

START_TEST(test_frames_alloc_contig_is_aligned_and_zeroed)
{
	uint64_t pa, pa2;
	size_t used = fw_frames_used(), i;
	unsigned char *p;

	ck_assert_int_eq(fw_frames_alloc_contig(0, 1, &pa), -EINVAL);
	ck_assert_int_eq(fw_frames_alloc_contig(4, 3, &pa), -EINVAL);
	ck_assert_int_eq(fw_frames_alloc_contig(5, 16, &pa), 0);
	ck_assert_uint_eq(pa % (16 * FW_PAGE_SIZE), 0);
	ck_assert_uint_eq(fw_frames_used(), used + 5);
	p = hal_phys_ptr(pa);
	for (i = 0; i < 5 * FW_PAGE_SIZE; i++)
		ck_assert_uint_eq(p[i], 0);
	ck_assert_int_eq(fw_frames_alloc_contig(2, 0, &pa2), 0);
	ck_assert(pa2 + 2 * FW_PAGE_SIZE <= pa || pa2 >= pa + 5 * FW_PAGE_SIZE);
	fw_frames_free_contig(pa2, 2);
	fw_frames_free_contig(pa, 5);
	ck_assert_uint_eq(fw_frames_used(), used);
}
END_TEST

static Suite *
frame_suite(void)
{
	Suite *s = suite_create("frame");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_frame_alloc_returns_zeroed_frame);
	tcase_add_test(tc, test_frame_reused_frame_is_zeroed);
	tcase_add_test(tc, test_frame_unref_frees_at_zero);
	tcase_add_test(tc, test_frame_read_write_round_trip);
	tcase_add_test(tc, test_frame_access_past_end_is_einval);
	tcase_add_test(tc, test_frame_copy_and_meta);
	tcase_add_test(tc, test_frame_pa_round_trips_and_maps_contents);
	tcase_add_test(tc, test_frame_consecutive_allocs_are_contiguous);
	tcase_add_test(tc, test_frame_freed_frames_are_reused_first);
	tcase_add_test(tc, test_frame_exhaustion_is_enomem);
	tcase_add_test(tc, test_frames_alloc_contig_is_aligned_and_zeroed);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(frame_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
