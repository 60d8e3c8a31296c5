/*
 * Tests for framework/core/boot.c, cmdline.c, alloc.c, cpu.c and user.c:
 * boot parameters, a loader's command line, the initramfs, the heap, the
 * stack guard, CPU values and the user-mode forwarding.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include <fw/alloc.h>
#include <fw/boot.h>
#include <fw/cpu.h>
#include <fw/errno.h>
#include <fw/frame.h>
#include <fw/log.h>
#include <fw/random.h>
#include <fw/user.h>
#include <fw/vm.h>
#include <hal/phys.h>

#include "core/boot_impl.h"
#include "core/core_impl.h"
#include "core/frame_impl.h"
#include "fake_hal.h"

static const char *const argv[] = { "/bin/sh", "-c", "true" };
static const char *const envp[] = { "HOME=/", "TERM=dumb" };
static const struct fw_boot_option options[] = {
	{ "strace", "" },
	{ "init", "/sbin/init" },
	{ "log", "info" },
	{ "init", "/bin/sh" },
};

static void
setup(void)
{
	fake_hal_boot();
}

static void
set_params(void)
{
	fw_boot_params.argc = 3;
	fw_boot_params.argv = argv;
	fw_boot_params.envc = 2;
	fw_boot_params.envp = envp;
	fw_boot_params.noptions = 4;
	fw_boot_params.options = options;
}

START_TEST(test_boot_args_env_and_options)
{
	set_params();
	ck_assert_uint_eq(fw_boot_argc(), 3);
	ck_assert_str_eq(fw_boot_argv(0), "/bin/sh");
	ck_assert_str_eq(fw_boot_argv(2), "true");
	ck_assert_ptr_null(fw_boot_argv(3));
	ck_assert_uint_eq(fw_boot_envc(), 2);
	ck_assert_str_eq(fw_boot_envp(1), "TERM=dumb");
	ck_assert_ptr_null(fw_boot_envp(2));
	ck_assert_str_eq(fw_boot_option("strace"), "");
	ck_assert_str_eq(fw_boot_option("init"), "/bin/sh");
	ck_assert_ptr_null(fw_boot_option("quiet"));
	memset(&fw_boot_params, 0, sizeof(fw_boot_params));
}
END_TEST

START_TEST(test_boot_log_option_sets_level)
{
	set_params();
	fw_log_init();
	ck_assert(fw_log_enabled(FW_LOG_INFO));
	ck_assert(!fw_log_enabled(FW_LOG_DEBUG));
	memset(&fw_boot_params, 0, sizeof(fw_boot_params));
	fw_log_init();
	ck_assert(!fw_log_enabled(FW_LOG_INFO));
}
END_TEST

START_TEST(test_boot_initrd_read_copies_and_checks_bounds)
{
	static uint8_t image[5000];
	struct fw_frame *f;
	char buf[8];

	ck_assert_uint_eq(fw_boot_initrd_size(), 0);
	ck_assert_int_eq(fw_boot_initrd_read(0, buf, 1), -EINVAL);
	memcpy(image + 4094, "070701", 6);
	fw_boot_params.initrd = image;
	fw_boot_params.initrd_size = sizeof(image);
	ck_assert_uint_eq(fw_boot_initrd_size(), 5000);
	ck_assert_int_eq(fw_boot_initrd_read(4094, buf, 6), 0);
	ck_assert_mem_eq(buf, "070701", 6);
	ck_assert_int_eq(fw_boot_initrd_read(4999, buf, 2), -EINVAL);
	ck_assert_int_eq(fw_boot_initrd_read(5000, buf, 0), 0);
	ck_assert_int_eq(fw_boot_initrd_read(5001, buf, 0), -EINVAL);
	ck_assert_int_eq(fw_boot_initrd_read(8, buf, SIZE_MAX), -EINVAL);

	/* A page of it into a frame: the bytes land at the frame's start. */
	ck_assert_int_eq(fw_frame_alloc(&f), 0);
	ck_assert_int_eq(fw_boot_initrd_to_frame(4094, f, 6), 0);
	ck_assert_int_eq(fw_frame_read(f, 0, buf, 7), 0);
	ck_assert_mem_eq(buf, "070701\0", 7);
	ck_assert_int_eq(fw_boot_initrd_to_frame(4999, f, 2), -EINVAL);
	ck_assert_int_eq(fw_boot_initrd_to_frame(0, f, 4097), -EINVAL);
	ck_assert_int_eq(fw_boot_initrd_to_frame(8, f, SIZE_MAX), -EINVAL);
	fw_frame_unref(f);
	memset(&fw_boot_params, 0, sizeof(fw_boot_params));
}
END_TEST

START_TEST(test_alloc_aligns_and_zeroes)
{
	char *p = fw_alloc(24), *z;
	size_t i;

	ck_assert_ptr_nonnull(p);
	ck_assert_uint_eq((uintptr_t)p % 16, 0);
	memcpy(p, "0123456789", 11);
	p = fw_realloc(p, 4096);
	ck_assert_ptr_nonnull(p);
	ck_assert_str_eq(p, "0123456789");
	fw_free(p);
	z = fw_zalloc(100, 3);
	ck_assert_ptr_nonnull(z);
	for (i = 0; i < 300; i++)
		ck_assert_int_eq(z[i], 0);
	fw_free(z);
	ck_assert_ptr_null(fw_zalloc(SIZE_MAX / 2, 3));
	p = fw_alloc(0);
	ck_assert_ptr_nonnull(p);
	fw_free(p);
	fw_free(NULL);
	p = fw_realloc(NULL, 8);
	ck_assert_ptr_nonnull(p);
	fw_free(p);
}
END_TEST

START_TEST(test_stack_guard_is_random_and_set)
{
	uintptr_t old = __stack_chk_guard;
	unsigned char a[32], b[32];

	ck_assert_uint_ne(old, 0);
	ck_assert_uint_eq(old & 0xff, 0);
	fw_random_bytes(a, sizeof(a));
	fw_random_bytes(b, sizeof(b));
	ck_assert(memcmp(a, b, sizeof(a)) != 0);
}
END_TEST

START_TEST(test_cpu_values_come_from_hal)
{
	ck_assert_uint_eq(fw_cpu_count(), 1);
	ck_assert_uint_eq(fw_cpu_id(), 0);
	ck_assert_uint_eq(fw_cpu_hwcap(), 0x178bfbffULL);
	ck_assert_uint_eq(fw_cpu_hwcap2(), 2);
	ck_assert_uint_eq(fw_cpu_xsave_size(), 2696);
	ck_assert_uint_ge(fw_cpu_minsigstksz(), 2696 + 1024);
	ck_assert_uint_eq(fw_cpu_minsigstksz() % 64, 0);
}
END_TEST

START_TEST(test_uthread_forwards_to_hal)
{
	struct fw_vm *vm;
	struct fw_uthread *t = NULL;
	struct fw_user_ctx ctx;
	struct fw_user_event ev;

	ck_assert_int_eq(fw_vm_new(&vm), 0);
	ck_assert_int_eq(fw_uthread_new(vm, &t), -ENOSYS);
	memset(&ctx, 0, sizeof(ctx));
	ck_assert_int_eq(fw_user_enter(t, &ctx, &ev), -ENOSYS);
	fw_uthread_kick(t);
	fw_uthread_free(NULL);
	fw_vm_unref(vm);
}
END_TEST

/* A loader's command line: options, then "--", then the program's argv. */
START_TEST(test_boot_cmdline_split)
{
	char line[] = "  log=info quiet init=/bin/sh  root= x=\"a b\"=c\t"
	    "-- /bin/sh -c \"echo  hi\" \"\" -- end\n";
	struct fw_boot_option o[8];
	const char *a[8];
	size_t no, na;

	ck_assert_int_eq(fw_boot_cmdline_split(line, o, 8, &no, a, 8, &na), 0);
	ck_assert_uint_eq(no, 5);
	ck_assert_str_eq(o[0].key, "log");
	ck_assert_str_eq(o[0].value, "info");
	ck_assert_str_eq(o[1].key, "quiet");
	ck_assert_str_eq(o[1].value, "");
	ck_assert_str_eq(o[2].value, "/bin/sh");
	ck_assert_str_eq(o[3].key, "root");
	ck_assert_str_eq(o[3].value, "");
	ck_assert_str_eq(o[4].key, "x");
	ck_assert_str_eq(o[4].value, "a b=c");
	ck_assert_uint_eq(na, 6);
	ck_assert_str_eq(a[0], "/bin/sh");
	ck_assert_str_eq(a[2], "echo  hi");
	ck_assert_str_eq(a[3], "");
	ck_assert_str_eq(a[4], "--");
	ck_assert_str_eq(a[5], "end");
}
END_TEST

/* Too many words: what fits is kept, and the caller hears of the rest. */
START_TEST(test_boot_cmdline_split_overflow)
{
	char line[] = "a b c -- 1 2 3";
	char empty[] = " \t ";
	struct fw_boot_option o[2];
	const char *a[2];
	size_t no, na;

	ck_assert_int_eq(fw_boot_cmdline_split(line, o, 2, &no, a, 2, &na),
	    -E2BIG);
	ck_assert_uint_eq(no, 2);
	ck_assert_str_eq(o[1].key, "b");
	ck_assert_uint_eq(na, 2);
	ck_assert_str_eq(a[1], "2");
	ck_assert_int_eq(fw_boot_cmdline_split(empty, o, 2, &no, a, 2, &na),
	    0);
	ck_assert_uint_eq(no + na, 0);
}
END_TEST

static Suite *
boot_suite(void)
{
	Suite *s = suite_create("boot");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_add_test(tc, test_boot_args_env_and_options);
	tcase_add_test(tc, test_boot_log_option_sets_level);
	tcase_add_test(tc, test_boot_initrd_read_copies_and_checks_bounds);
	tcase_add_test(tc, test_boot_cmdline_split);
	tcase_add_test(tc, test_boot_cmdline_split_overflow);
	tcase_add_test(tc, test_alloc_aligns_and_zeroes);
	tcase_add_test(tc, test_stack_guard_is_random_and_set);
	tcase_add_test(tc, test_cpu_values_come_from_hal);
	tcase_add_test(tc, test_uthread_forwards_to_hal);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(boot_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
