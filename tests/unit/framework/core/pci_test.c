/*
 * Tests for framework/core/pci.c: a PCI function opens once and only as
 * one, configuration reads reach the backend for its place and are
 * checked (past 256 bytes or misaligned: a panic, exit 125), and its
 * memory BARs open once each as windows at the address the backend found.
 */
#include <check.h>
#include <stdlib.h>

#include <fw/boot.h>
#include <fw/errno.h>
#include <fw/pci.h>

#include "core/boot_impl.h"
#include "fake_hal.h"

#define BAR4_PA	0xfe000000ull
#define BDF	0x0108u			/* 01:01.0 */

static const struct fw_boot_dev_impl devs[] = {
	{ .pub = { FW_DEV_PCI, 0, "pci 01:01.0", 0x1af4, 0x1041, 0x1100 },
	  .pci = { .bdf = BDF, .bar_pa = { [4] = BAR4_PA },
	  .bar_size = { [4] = 0x4000 }, .msix_count = 3 } },
	{ .pub = { FW_DEV_VIRTIO_MMIO, 1, "mmio" }, .mmio_pa = 0x1000,
	  .mmio_size = 0x200 },
};

static void
setup(void)
{
	fake_hal_boot();
	fw_boot_params.devices = devs;
	fw_boot_params.ndevices = 2;
	fake_mmio = (struct fake_mmio){ 0 };
	fake_pci = (struct fake_pci){ .cfg = { 0xf4, 0x1a, 0x41, 0x10 } };
	fake_pci.cfg[0xfc] = 0x78;
	fake_pci.cfg[0xfd] = 0x56;
	fake_pci.cfg[0xfe] = 0x34;
	fake_pci.cfg[0xff] = 0x12;
}

START_TEST(test_pci_open_once)
{
	struct fw_pci *p, *p2;
	struct fw_boot_device d;

	ck_assert_int_eq(fw_boot_device(0, &d), 0);
	ck_assert_uint_eq(d.vendor, 0x1af4);
	ck_assert_uint_eq(d.device, 0x1041);
	ck_assert_uint_eq(d.subsystem, 0x1100);
	ck_assert_int_eq(fw_pci_open(0, &p), 0);
	ck_assert_int_eq(fw_pci_open(0, &p2), -EBUSY);
	ck_assert_int_eq(fw_pci_open(1, &p2), -ENODEV);
	ck_assert_int_eq(fw_pci_open(2, &p2), -ENOENT);
	ck_assert_uint_eq(fw_pci_msix_count(p), 3);
	fw_pci_close(p);
	ck_assert_int_eq(fw_pci_open(0, &p), 0);
	fw_pci_close(p);
	fw_pci_close(NULL);
}
END_TEST

START_TEST(test_pci_reads_reach_the_function)
{
	struct fw_pci *p;

	ck_assert_int_eq(fw_pci_open(0, &p), 0);
	ck_assert_uint_eq(fw_pci_read32(p, 0), 0x10411af4);
	ck_assert_uint_eq(fake_pci.bdf, BDF);
	ck_assert_uint_eq(fw_pci_read16(p, 2), 0x1041);
	ck_assert_uint_eq(fw_pci_read8(p, 1), 0x1a);
	ck_assert_uint_eq(fw_pci_read32(p, 0xfc), 0x12345678);
	ck_assert_uint_eq(fw_pci_read8(p, 0xff), 0x12);
	fw_pci_close(p);
}
END_TEST

START_TEST(test_pci_read_past_space_panics)
{
	struct fw_pci *p;

	ck_assert_int_eq(fw_pci_open(0, &p), 0);
	(void)fw_pci_read8(p, FW_PCI_CFG_SIZE);
}
END_TEST

START_TEST(test_pci_read_misaligned_panics)
{
	struct fw_pci *p;

	ck_assert_int_eq(fw_pci_open(0, &p), 0);
	(void)fw_pci_read32(p, 0x12);
}
END_TEST

START_TEST(test_pci_bar_windows)
{
	struct fw_iomem *io, *io2;
	struct fw_pci *p;

	ck_assert_int_eq(fw_pci_open(0, &p), 0);
	ck_assert_int_eq(fw_pci_bar_open(p, FW_PCI_BARS, &io), -EINVAL);
	ck_assert_int_eq(fw_pci_bar_open(p, 0, &io), -ENODEV);
	ck_assert_int_eq(fw_pci_bar_open(p, 4, &io), 0);
	ck_assert_int_eq(fw_pci_bar_open(p, 4, &io2), -EBUSY);
	ck_assert_uint_eq(fw_iomem_size(io), 0x4000);
	fw_iomem_write16(io, 0x3002, 0xbeef);
	ck_assert_uint_eq(fake_mmio.pa, BAR4_PA + 0x3002);
	ck_assert_uint_eq(fake_mmio.value, 0xbeef);
	fw_iomem_close(io);
	ck_assert_int_eq(fw_pci_bar_open(p, 4, &io), 0);
	fw_iomem_close(io);
	fw_pci_close(p);
}
END_TEST

START_TEST(test_pci_bar_past_window_panics)
{
	struct fw_iomem *io;
	struct fw_pci *p;

	ck_assert_int_eq(fw_pci_open(0, &p), 0);
	ck_assert_int_eq(fw_pci_bar_open(p, 4, &io), 0);
	(void)fw_iomem_read32(io, 0x4000);
}
END_TEST

static Suite *
pci_suite(void)
{
	Suite *s = suite_create("pci");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_add_test(tc, test_pci_open_once);
	tcase_add_test(tc, test_pci_reads_reach_the_function);
	tcase_add_exit_test(tc, test_pci_read_past_space_panics, 125);
	tcase_add_exit_test(tc, test_pci_read_misaligned_panics, 125);
	tcase_add_test(tc, test_pci_bar_windows);
	tcase_add_exit_test(tc, test_pci_bar_past_window_panics, 125);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(pci_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
