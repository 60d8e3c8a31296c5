/*
 * Tests for eth0's ip= boot option (services/net/ipconfig.c): Linux's
 * nfsroot syntax, empty fields keeping the defaults, and what is refused
 * (the defaults stay whole).
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "core/boot_impl.h"
#include "fake_hal.h"
#include "netdev_impl.h"

static struct net_if ifc;

/* Runs net_ipconfig() with ip=opt (NULL: none) over the 10.0.2.x plan. */
static void
config(const char *opt)
{
	static struct fw_boot_option o;

	fake_hal_boot();		/* for fw_log() */
	o.key = "ip";
	o.value = opt;
	fw_boot_params.options = &o;
	fw_boot_params.noptions = opt != NULL;
	memset(&ifc, 0, sizeof(ifc));
	memcpy(ifc.addr, (uint8_t[4]){ 10, 0, 2, 15 }, 4);
	memcpy(ifc.gw, (uint8_t[4]){ 10, 0, 2, 2 }, 4);
	ifc.prefix = 24;
	net_ipconfig(&ifc);
}

static void
check_if(uint8_t a3, uint8_t g3, unsigned int prefix)
{
	ck_assert_mem_eq(ifc.addr, ((uint8_t[4]){ 10, 0, 2, a3 }), 4);
	ck_assert_mem_eq(ifc.gw, ((uint8_t[4]){ 10, 0, 2, g3 }), 4);
	ck_assert_uint_eq(ifc.prefix, prefix);
}

START_TEST(test_ipconfig_default_without_option)
{
	config(NULL);
	check_if(15, 2, 24);
}
END_TEST

START_TEST(test_ipconfig_nfsroot_fields)
{
	config("10.0.2.16::10.0.2.1:255.255.0.0::eth0:off");
	ck_assert_mem_eq(ifc.addr, ((uint8_t[4]){ 10, 0, 2, 16 }), 4);
	ck_assert_mem_eq(ifc.gw, ((uint8_t[4]){ 10, 0, 2, 1 }), 4);
	ck_assert_uint_eq(ifc.prefix, 16);
	config("10.0.2.17:10.0.2.9::25:myhost::none");
	check_if(17, 2, 25);
	config("10.0.2.18::::::static");
	check_if(18, 2, 24);
	config("10.0.2.19::10.0.2.3:255.255.255.255");
	check_if(19, 3, 32);
	config("10.0.2.20:::0.0.0.0");
	check_if(20, 2, 0);
}
END_TEST

START_TEST(test_ipconfig_empty_fields_keep_defaults)
{
	config("10.0.2.16");
	check_if(16, 2, 24);
	config("::10.0.2.9");
	check_if(15, 9, 24);
	config("");
	check_if(15, 2, 24);
}
END_TEST

START_TEST(test_ipconfig_refused_changes_nothing)
{
	static const char *const bad[] = {
		"dhcp", "10.0.2", "10.0.2.16.1", "10.0.2.256", "10.0.2.0016",
		"10.0..2", "10.0.2.16x", "10.0.2.16::10.0.2.1:255.0.255.0",
		"10.0.2.16:::33", "10.0.2.16:::-1", "10.0.2.16:::24:h:eth1",
		"10.0.2.16:::24:h:eth0:dhcp", "10.0.2.16:::24:h:eth0:off:x",
		"10.0.2.16::gw",
	};
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		config(bad[i]);
		check_if(15, 2, 24);
	}
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("ipconfig");
	TCase *tc = tcase_create("ip=");

	tcase_add_test(tc, test_ipconfig_default_without_option);
	tcase_add_test(tc, test_ipconfig_nfsroot_fields);
	tcase_add_test(tc, test_ipconfig_empty_fields_keep_defaults);
	tcase_add_test(tc, test_ipconfig_refused_changes_nothing);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
