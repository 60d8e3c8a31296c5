/*
 * Tests for framework/core/uaccess.c: copies across pages, the limits of
 * user space, the fault handler's one retry, strings and cmpxchg.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include <fw/errno.h>
#include <fw/frame.h>
#include <fw/uaccess.h>
#include <fw/vm.h>

#include "fake_hal.h"

#define PG	FW_PAGE_SIZE
#define RW	(FW_PROT_READ | FW_PROT_WRITE)

static struct fw_vm *vm;
static int faults;			/* fault handler calls */
static uint64_t fault_addr;
static unsigned int fault_access;
static int fault_result;
static bool fault_maps;			/* the handler maps a page */

static int
fault_handler(void *owner, struct fw_vm *v, fw_uaddr_t addr,
    unsigned int access)
{
	struct fw_frame *f;

	ck_assert_ptr_eq(owner, &faults);
	faults++;
	fault_addr = addr.v;
	fault_access = access;
	if (fault_maps) {
		if (fw_frame_alloc(&f) < 0)
			return -ENOMEM;
		if (fw_vm_map(v, fw_uaddr(fw_page_down(addr.v)), f, RW) < 0)
			abort();
		fw_frame_unref(f);
	}
	return fault_result;
}

static void
setup(void)
{
	fake_hal_boot();
	ck_assert_int_eq(fw_vm_new(&vm), 0);
	fw_vm_set_fault_handler(vm, fault_handler, &faults);
	faults = 0;
	fault_result = 0;
	fault_maps = false;
}

static void
teardown(void)
{
	fw_vm_unref(vm);
}

static struct fw_frame *
map_new(uint64_t va, unsigned int prot)
{
	struct fw_frame *f;

	ck_assert_int_eq(fw_frame_alloc(&f), 0);
	ck_assert_int_eq(fw_vm_map(vm, fw_uaddr(va), f, prot), 0);
	fw_frame_unref(f);
	return f;
}

START_TEST(test_copy_crosses_page_boundary)
{
	struct fw_frame *a = map_new(0x10000, RW), *b = map_new(0x11000, RW);
	char src[100], dst[100], part[64];
	int i;

	for (i = 0; i < 100; i++)
		src[i] = (char)i;
	ck_assert_int_eq(fw_copy_to_user(vm, fw_uaddr(0x10fd0), src, 100), 0);
	ck_assert_int_eq(fw_frame_read(a, 0xfd0, part, 48), 0);
	ck_assert_mem_eq(part, src, 48);
	ck_assert_int_eq(fw_frame_read(b, 0, part, 52), 0);
	ck_assert_mem_eq(part, src + 48, 52);
	ck_assert_int_eq(fw_copy_from_user(vm, dst, fw_uaddr(0x10fd0), 100), 0);
	ck_assert_mem_eq(dst, src, 100);
	ck_assert_int_eq(faults, 0);
}
END_TEST

START_TEST(test_copy_unmapped_is_efault_after_handler)
{
	char buf[8];

	fault_result = -EFAULT;
	ck_assert_int_eq(fw_copy_from_user(vm, buf, fw_uaddr(0x20000), 8),
	    -EFAULT);
	ck_assert_int_eq(faults, 1);
	ck_assert_uint_eq(fault_addr, 0x20000);
	ck_assert_uint_eq(fault_access, FW_ACCESS_READ);
	/* No handler at all: plain -EFAULT. */
	fw_vm_set_fault_handler(vm, NULL, NULL);
	ck_assert_int_eq(fw_copy_to_user(vm, fw_uaddr(0x20000), buf, 8),
	    -EFAULT);
}
END_TEST

START_TEST(test_copy_at_or_above_user_top_is_efault)
{
	uint64_t top = fw_vm_user_top();
	char buf[16] = { 0 };

	fault_maps = true;
	ck_assert_int_eq(fw_copy_from_user(vm, buf, fw_uaddr(top), 1), -EFAULT);
	ck_assert_int_eq(fw_copy_to_user(vm, fw_uaddr(top - 4), buf, 8),
	    -EFAULT);
	ck_assert_int_eq(fw_clear_user(vm, fw_uaddr(~0ULL - 2), 10), -EFAULT);
	ck_assert_int_eq(fw_copy_from_user(vm, buf, fw_uaddr(0x1000),
	    SIZE_MAX), -EFAULT);
	ck_assert_int_eq(faults, 0);
	/* The last page below the top is fine. */
	ck_assert_int_eq(fw_copy_to_user(vm, fw_uaddr(top - 8), buf, 8), 0);
	ck_assert_int_eq(fw_copy_from_user(vm, buf, fw_uaddr(0), 0), 0);
}
END_TEST

START_TEST(test_copy_fault_handler_maps_and_retry_succeeds)
{
	char buf[PG + 16], back[PG + 16];

	memset(buf, 'q', sizeof(buf));
	fault_maps = true;
	ck_assert_int_eq(fw_copy_to_user(vm, fw_uaddr(0x30ff8), buf,
	    sizeof(buf)), 0);
	/* Three pages were touched, each faulted once. */
	ck_assert_int_eq(faults, 3);
	ck_assert_uint_eq(fault_access, FW_ACCESS_WRITE);
	ck_assert_int_eq(fw_copy_from_user(vm, back, fw_uaddr(0x30ff8),
	    sizeof(back)), 0);
	ck_assert_mem_eq(back, buf, sizeof(buf));
	ck_assert_int_eq(faults, 3);
}
END_TEST

START_TEST(test_write_to_readonly_page_faults_then_efault)
{
	struct fw_frame *f = map_new(0x40000, FW_PROT_READ);
	char buf[4] = "abc", back[4];

	ck_assert_int_eq(fw_copy_to_user(vm, fw_uaddr(0x40010), buf, 4),
	    -EFAULT);
	ck_assert_int_eq(faults, 1);
	ck_assert_uint_eq(fault_access, FW_ACCESS_WRITE);
	ck_assert_int_eq(fw_frame_read(f, 0x10, back, 4), 0);
	ck_assert_mem_eq(back, "\0\0\0\0", 4);
	/* Reading it is fine. */
	ck_assert_int_eq(fw_copy_from_user(vm, back, fw_uaddr(0x40010), 4), 0);
	ck_assert_int_eq(faults, 1);
	/* PROT_NONE pages can be neither read nor written. */
	map_new(0x41000, 0);
	ck_assert_int_eq(fw_copy_from_user(vm, back, fw_uaddr(0x41000), 4),
	    -EFAULT);
	ck_assert_int_eq(faults, 2);
}
END_TEST

START_TEST(test_clear_user_zeroes_range)
{
	struct fw_frame *f = map_new(0x50000, RW);
	char buf[8];

	ck_assert_int_eq(fw_frame_write(f, 0, "abcdefgh", 8), 0);
	ck_assert_int_eq(fw_clear_user(vm, fw_uaddr(0x50002), 4), 0);
	ck_assert_int_eq(fw_frame_read(f, 0, buf, 8), 0);
	ck_assert_mem_eq(buf, "ab\0\0\0\0gh", 8);
}
END_TEST

START_TEST(test_strncpy_from_user_returns_length)
{
	struct fw_frame *f = map_new(0x60000, RW);
	char buf[16];

	ck_assert_int_eq(fw_frame_write(f, 0, "hello", 6), 0);
	memset(buf, 'x', sizeof(buf));
	ck_assert_int_eq(fw_strncpy_from_user(vm, buf, fw_uaddr(0x60000), 16),
	    5);
	ck_assert_str_eq(buf, "hello");
	ck_assert_int_eq(buf[6], 'x');
	/* Exactly room for the NUL. */
	ck_assert_int_eq(fw_strncpy_from_user(vm, buf, fw_uaddr(0x60000), 6),
	    5);
	/* No NUL within n: n, and dst unterminated. */
	memset(buf, 'x', sizeof(buf));
	ck_assert_int_eq(fw_strncpy_from_user(vm, buf, fw_uaddr(0x60000), 3),
	    3);
	ck_assert_mem_eq(buf, "helx", 4);
	ck_assert_int_eq(fw_strncpy_from_user(vm, buf, fw_uaddr(0x60000), 0),
	    0);
	ck_assert_int_eq(fw_strncpy_from_user(vm, buf, fw_uaddr(0x60005), 4),
	    0);
}
END_TEST

START_TEST(test_strncpy_from_user_crosses_pages_and_faults)
{
	struct fw_frame *a = map_new(0x70000, RW), *b = map_new(0x71000, RW);
	char buf[32];

	ck_assert_int_eq(fw_frame_write(a, PG - 3, "abc", 3), 0);
	ck_assert_int_eq(fw_frame_write(b, 0, "de", 3), 0);
	ck_assert_int_eq(fw_strncpy_from_user(vm, buf,
	    fw_uaddr(0x70000 + PG - 3), 32), 5);
	ck_assert_str_eq(buf, "abcde");
	/* A string running into an unmapped page. */
	ck_assert_int_eq(fw_frame_write(b, PG - 2, "zz", 2), 0);
	fault_result = -EFAULT;
	ck_assert_int_eq(fw_strncpy_from_user(vm, buf,
	    fw_uaddr(0x72000 - 2), 32), -EFAULT);
	ck_assert_int_eq(faults, 1);
	ck_assert_uint_eq(fault_addr, 0x72000);
	/* ... but a string that ends first never touches it. */
	ck_assert_int_eq(fw_frame_write(b, PG - 1, "", 1), 0);
	ck_assert_int_eq(fw_strncpy_from_user(vm, buf,
	    fw_uaddr(0x72000 - 2), 32), 1);
	ck_assert_int_eq(faults, 1);
	ck_assert_int_eq(fw_strncpy_from_user(vm, buf,
	    fw_uaddr(fw_vm_user_top()), 4), -EFAULT);
}
END_TEST

START_TEST(test_user_cmpxchg32_swaps_only_on_match)
{
	struct fw_frame *f = map_new(0x80000, RW);
	uint32_t v = 7, cur;

	map_new(0x81000, FW_PROT_READ);
	ck_assert_int_eq(fw_frame_write(f, 8, &v, 4), 0);
	ck_assert_int_eq(fw_user_cmpxchg32(vm, fw_uaddr(0x80008), 7, 9, &cur),
	    0);
	ck_assert_uint_eq(cur, 7);
	ck_assert_int_eq(fw_frame_read(f, 8, &v, 4), 0);
	ck_assert_uint_eq(v, 9);
	ck_assert_int_eq(fw_user_cmpxchg32(vm, fw_uaddr(0x80008), 7, 11, &cur),
	    0);
	ck_assert_uint_eq(cur, 9);
	ck_assert_int_eq(fw_frame_read(f, 8, &v, 4), 0);
	ck_assert_uint_eq(v, 9);
	ck_assert_int_eq(fw_user_cmpxchg32(vm, fw_uaddr(0x80006), 0, 1, &cur),
	    -EINVAL);
	ck_assert_int_eq(fw_user_cmpxchg32(vm, fw_uaddr(0x81000), 0, 1, &cur),
	    -EFAULT);
	ck_assert_int_eq(fw_user_cmpxchg32(vm, fw_uaddr(0x90000), 0, 1, &cur),
	    -EFAULT);
	ck_assert_int_eq(fw_user_cmpxchg32(vm, fw_uaddr(fw_vm_user_top()), 0,
	    1, &cur), -EFAULT);
}
END_TEST

static Suite *
uaccess_suite(void)
{
	Suite *s = suite_create("uaccess");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_copy_crosses_page_boundary);
	tcase_add_test(tc, test_copy_unmapped_is_efault_after_handler);
	tcase_add_test(tc, test_copy_at_or_above_user_top_is_efault);
	tcase_add_test(tc, test_copy_fault_handler_maps_and_retry_succeeds);
	tcase_add_test(tc, test_write_to_readonly_page_faults_then_efault);
	tcase_add_test(tc, test_clear_user_zeroes_range);
	tcase_add_test(tc, test_strncpy_from_user_returns_length);
	tcase_add_test(tc, test_strncpy_from_user_crosses_pages_and_faults);
	tcase_add_test(tc, test_user_cmpxchg32_swaps_only_on_match);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(uaccess_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
