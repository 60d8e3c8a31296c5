/*
 * Tests for framework/core/iomem.c, irq.c and the device list of boot.c:
 * a window opens once, accesses reach the backend at the window's address,
 * an access outside the window or misaligned is a panic (exit 125), and
 * an interrupt line runs its one handler until it is freed.
 */
#include <check.h>
#include <stdlib.h>

#include <fw/boot.h>
#include <fw/errno.h>
#include <fw/iomem.h>
#include <fw/irq.h>
#include <hal/dev.h>

#include "core/boot_impl.h"
#include "fake_hal.h"

#define WIN_PA	0x40000000000ull

static const struct fw_boot_dev_impl devs[] = {
	{ .pub = { FW_DEV_VIRTIO_MMIO, 5, "test-dev" }, .mmio_pa = WIN_PA,
	  .mmio_size = 0x200 },
	{ .pub = { FW_DEV_VIRTIO_MMIO, 6, "no-window" } },
};

static void
setup(void)
{
	fake_hal_boot();
	fw_boot_params.devices = devs;
	fw_boot_params.ndevices = 2;
	fake_mmio = (struct fake_mmio){ 0 };
}

START_TEST(test_boot_device_list)
{
	struct fw_boot_device d;

	ck_assert_uint_eq(fw_boot_device_count(), 2);
	ck_assert_int_eq(fw_boot_device(0, &d), 0);
	ck_assert_uint_eq(d.type, FW_DEV_VIRTIO_MMIO);
	ck_assert_uint_eq(d.irq, 5);
	ck_assert_str_eq(d.name, "test-dev");
	ck_assert_int_eq(fw_boot_device(2, &d), -ENOENT);
}
END_TEST

START_TEST(test_iomem_open_once)
{
	struct fw_iomem *io, *io2;

	ck_assert_int_eq(fw_iomem_open(0, &io), 0);
	ck_assert_uint_eq(fw_iomem_size(io), 0x200);
	ck_assert_int_eq(fw_iomem_open(0, &io2), -EBUSY);
	ck_assert_int_eq(fw_iomem_open(1, &io2), -ENODEV);
	ck_assert_int_eq(fw_iomem_open(2, &io2), -ENOENT);
	fw_iomem_close(io);
	ck_assert_int_eq(fw_iomem_open(0, &io), 0);
	fw_iomem_close(io);
	fw_iomem_close(NULL);
}
END_TEST

START_TEST(test_iomem_accesses_reach_the_window)
{
	struct fw_iomem *io;

	ck_assert_int_eq(fw_iomem_open(0, &io), 0);
	fake_mmio.read_value = 0x74726976;
	ck_assert_uint_eq(fw_iomem_read32(io, 0), 0x74726976);
	ck_assert_uint_eq(fake_mmio.pa, WIN_PA);
	ck_assert_uint_eq(fake_mmio.size, 4);
	fw_iomem_write16(io, 0x1fe, 0xabcd);
	ck_assert_uint_eq(fake_mmio.pa, WIN_PA + 0x1fe);
	ck_assert_uint_eq(fake_mmio.size, 2);
	ck_assert_uint_eq(fake_mmio.value, 0xabcd);
	fake_mmio.read_value = 0x1ff;
	ck_assert_uint_eq(fw_iomem_read8(io, 0x1ff), 0xff);
	fw_iomem_close(io);
}
END_TEST

START_TEST(test_iomem_past_window_panics)
{
	struct fw_iomem *io;

	ck_assert_int_eq(fw_iomem_open(0, &io), 0);
	(void)fw_iomem_read32(io, 0x200);
}
END_TEST

START_TEST(test_iomem_straddling_end_panics)
{
	struct fw_iomem *io;

	ck_assert_int_eq(fw_iomem_open(0, &io), 0);
	fw_iomem_write32(io, 0x1fe, 0);
}
END_TEST

START_TEST(test_iomem_misaligned_panics)
{
	struct fw_iomem *io;

	ck_assert_int_eq(fw_iomem_open(0, &io), 0);
	(void)fw_iomem_read32(io, 2);
}
END_TEST

static int hits;

static void
count(void *arg)
{
	hits += *(int *)arg;
}

START_TEST(test_irq_runs_its_handler)
{
	int one = 1;

	hits = 0;
	ck_assert_int_eq(fw_irq_request(FW_IRQ_LINES, count, &one), -EINVAL);
	ck_assert_int_eq(fw_irq_request(3, NULL, &one), -EINVAL);
	ck_assert_int_eq(fw_irq_request(3, count, &one), 0);
	ck_assert_int_eq(fw_irq_request(3, count, &one), -EBUSY);
	fw_irq_dispatch(3);
	fw_irq_dispatch(4);		/* no handler: dropped */
	fw_irq_dispatch(999);
	ck_assert_int_eq(hits, 1);
	fw_irq_free(3);
	fw_irq_dispatch(3);
	ck_assert_int_eq(hits, 1);
	ck_assert_int_eq(fw_irq_request(3, count, &one), 0);
	fw_irq_free(3);
}
END_TEST

static Suite *
iomem_suite(void)
{
	Suite *s = suite_create("iomem");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_add_test(tc, test_boot_device_list);
	tcase_add_test(tc, test_iomem_open_once);
	tcase_add_test(tc, test_iomem_accesses_reach_the_window);
	tcase_add_exit_test(tc, test_iomem_past_window_panics, 125);
	tcase_add_exit_test(tc, test_iomem_straddling_end_panics, 125);
	tcase_add_exit_test(tc, test_iomem_misaligned_panics, 125);
	tcase_add_test(tc, test_irq_runs_its_handler);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(iomem_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
