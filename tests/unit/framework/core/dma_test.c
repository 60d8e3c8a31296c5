/*
 * Tests for framework/core/dma.c: buffers are zeroed, page-rounded,
 * contiguous at the address the device is given, copies are bounds-checked,
 * the ordered accessors are little-endian, and a bad accessor offset
 * panics (exit 125).
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include <fw/dma.h>
#include <fw/errno.h>
#include <hal/phys.h>

#include "fake_hal.h"

static void
setup(void)
{
	fake_hal_boot();
}

START_TEST(test_dma_alloc_is_zeroed_and_rounded)
{
	struct fw_dma *d;
	uint8_t buf[8192], zero[8192];

	memset(zero, 0, sizeof(zero));
	ck_assert_int_eq(fw_dma_alloc(0, &d), -EINVAL);
	ck_assert_int_eq(fw_dma_alloc(5000, &d), 0);
	ck_assert_uint_eq(fw_dma_size(d), 8192);
	ck_assert_uint_eq(fw_dma_addr(d) % FW_PAGE_SIZE, 0);
	ck_assert_uint_le(fw_dma_addr(d) + 8192, hal_phys_size());
	ck_assert_int_eq(fw_dma_read(d, 0, buf, sizeof(buf)), 0);
	ck_assert_mem_eq(buf, zero, sizeof(buf));
	fw_dma_free(d);
	fw_dma_free(NULL);
}
END_TEST

START_TEST(test_dma_device_address_is_the_memory)
{
	struct fw_dma *d;
	uint8_t *p;

	ck_assert_int_eq(fw_dma_alloc(8192, &d), 0);
	ck_assert_int_eq(fw_dma_write(d, 4094, "abcd", 4), 0);
	/* What a device reads at fw_dma_addr(): one run across the pages. */
	p = hal_phys_ptr(fw_dma_addr(d));
	ck_assert_mem_eq(p + 4094, "abcd", 4);
	fw_dma_free(d);
}
END_TEST

START_TEST(test_dma_copies_are_bounded)
{
	struct fw_dma *d;
	uint8_t b[8];

	ck_assert_int_eq(fw_dma_alloc(4096, &d), 0);
	ck_assert_int_eq(fw_dma_write(d, 4090, b, 6), 0);
	ck_assert_int_eq(fw_dma_write(d, 4091, b, 6), -EINVAL);
	ck_assert_int_eq(fw_dma_read(d, 4097, b, 0), -EINVAL);
	ck_assert_int_eq(fw_dma_read(d, 4096, b, 0), 0);
	ck_assert_int_eq(fw_dma_read(d, 8, b, SIZE_MAX), -EINVAL);
	fw_dma_free(d);
}
END_TEST

START_TEST(test_dma_accessors_are_little_endian)
{
	struct fw_dma *d;
	uint8_t b[8];

	ck_assert_int_eq(fw_dma_alloc(4096, &d), 0);
	fw_dma_store16(d, 2, 0x1234);
	fw_dma_store32(d, 4, 0x89abcdef);
	ck_assert_int_eq(fw_dma_read(d, 0, b, 8), 0);
	ck_assert_mem_eq(b, "\0\0\x34\x12\xef\xcd\xab\x89", 8);
	ck_assert_uint_eq(fw_dma_load16(d, 2), 0x1234);
	ck_assert_uint_eq(fw_dma_load32(d, 4), 0x89abcdef);
	ck_assert_uint_eq(fw_dma_load64(d, 0), 0x89abcdef12340000ull);
	fw_dma_store64(d, 4088, 1);
	ck_assert_uint_eq(fw_dma_load64(d, 4088), 1);
	fw_dma_free(d);
}
END_TEST

START_TEST(test_dma_accessor_past_end_panics)
{
	struct fw_dma *d;

	ck_assert_int_eq(fw_dma_alloc(4096, &d), 0);
	fw_dma_store16(d, 4096, 1);
}
END_TEST

START_TEST(test_dma_accessor_misaligned_panics)
{
	struct fw_dma *d;

	ck_assert_int_eq(fw_dma_alloc(4096, &d), 0);
	(void)fw_dma_load32(d, 2);
}
END_TEST

static Suite *
dma_suite(void)
{
	Suite *s = suite_create("dma");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_add_test(tc, test_dma_alloc_is_zeroed_and_rounded);
	tcase_add_test(tc, test_dma_device_address_is_the_memory);
	tcase_add_test(tc, test_dma_copies_are_bounded);
	tcase_add_test(tc, test_dma_accessors_are_little_endian);
	tcase_add_exit_test(tc, test_dma_accessor_past_end_panics, 125);
	tcase_add_exit_test(tc, test_dma_accessor_misaligned_panics, 125);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(dma_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
