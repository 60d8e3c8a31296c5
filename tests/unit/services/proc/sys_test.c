/*
 * Tests for the bookkeeping syscalls of issue 2: rt_sigaction,
 * rt_sigprocmask, sigaltstack, prlimit64, arch_prctl, the clocks,
 * nanosleep's checks and getrandom, plus the --strace name tables.
 */
#include <check.h>
#include <stdlib.h>

#include <fw/errno.h>
#include <uapi/misc.h>
#include <uapi/mman.h>
#include <uapi/resource.h>
#include <uapi/signal.h>
#include <uapi/time.h>
#include <uapi/unistd_64.h>

#include "svc_env.h"

#define UBUF	0x50000000ULL
#define PG	FW_PAGE_SIZE

static void
setup(void)
{
	env_setup();
	memcpy(env_p->rlim, (struct linux_rlimit64[]){ { 1, 2 } },
	    sizeof(struct linux_rlimit64));
	env_p->rlim[LINUX_RLIMIT_NOFILE].cur = 1024;
	env_p->rlim[LINUX_RLIMIT_NOFILE].max = 4096;
	ck_assert_int_eq(SYS(mmap, UBUF, 4 * PG, LINUX_PROT_READ |
	    LINUX_PROT_WRITE, LINUX_MAP_PRIVATE | LINUX_MAP_ANONYMOUS |
	    LINUX_MAP_FIXED, (uint64_t)-1, 0), (long)UBUF);
}

static void
teardown(void)
{
	env_teardown();
}

START_TEST(test_rt_sigaction_stores_and_returns)
{
	struct linux_sigaction_k act = { 0x401234, 0x04000000, 0x401000,
	    ~0ULL }, old;

	ck_assert_int_eq(env_put(UBUF, &act, sizeof(act)), 0);
	ck_assert_int_eq(SYS(rt_sigaction, LINUX_SIGUSR1, UBUF, 0, 8), 0);
	ck_assert_int_eq(SYS(rt_sigaction, LINUX_SIGUSR1, 0, UBUF + 64, 8), 0);
	ck_assert_int_eq(env_get(UBUF + 64, &old, sizeof(old)), 0);
	ck_assert_uint_eq(old.handler, 0x401234);
	ck_assert_uint_eq(old.mask, ~0ULL & ~(LINUX_SIGBIT(LINUX_SIGKILL) |
	    LINUX_SIGBIT(LINUX_SIGSTOP)));
	ck_assert_int_eq(SYS(rt_sigaction, LINUX_SIGKILL, UBUF, 0, 8), -EINVAL);
	ck_assert_int_eq(SYS(rt_sigaction, LINUX_SIGKILL, 0, UBUF, 8), 0);
	ck_assert_int_eq(SYS(rt_sigaction, 0, 0, 0, 8), -EINVAL);
	ck_assert_int_eq(SYS(rt_sigaction, 65, 0, 0, 8), -EINVAL);
	ck_assert_int_eq(SYS(rt_sigaction, 1, 0, 0, 16), -EINVAL);
	ck_assert_int_eq(SYS(rt_sigaction, 1, 0x1000, 0, 8), -EFAULT);
}
END_TEST

START_TEST(test_rt_sigprocmask)
{
	uint64_t set = LINUX_SIGBIT(LINUX_SIGINT) | LINUX_SIGBIT(LINUX_SIGKILL);
	uint64_t old = 1;

	ck_assert_int_eq(env_put(UBUF, &set, 8), 0);
	ck_assert_int_eq(SYS(rt_sigprocmask, LINUX_SIG_BLOCK, UBUF, UBUF + 8,
	    8), 0);
	ck_assert_uint_eq(env_t->sigmask, LINUX_SIGBIT(LINUX_SIGINT));
	ck_assert_int_eq(env_get(UBUF + 8, &old, 8), 0);
	ck_assert_uint_eq(old, 0);
	ck_assert_int_eq(SYS(rt_sigprocmask, 7, UBUF, 0, 8), -EINVAL);
	ck_assert_int_eq(SYS(rt_sigprocmask, LINUX_SIG_UNBLOCK, UBUF, 0, 8), 0);
	ck_assert_uint_eq(env_t->sigmask, 0);
	ck_assert_int_eq(SYS(rt_sigprocmask, 0, 0, 0, 4), -EINVAL);
}
END_TEST

START_TEST(test_sigaltstack)
{
	struct linux_stack ss = { 0x12340000, 0, 0, 8192 }, old;

	env_t->altstack_flags = LINUX_SS_DISABLE;
	ck_assert_int_eq(env_put(UBUF, &ss, sizeof(ss)), 0);
	ck_assert_int_eq(SYS(sigaltstack, UBUF, UBUF + 64), 0);
	ck_assert_int_eq(env_get(UBUF + 64, &old, sizeof(old)), 0);
	ck_assert_int_eq(old.ss_flags, LINUX_SS_DISABLE);
	ck_assert_int_eq(SYS(sigaltstack, 0, UBUF + 64), 0);
	ck_assert_int_eq(env_get(UBUF + 64, &old, sizeof(old)), 0);
	ck_assert_uint_eq(old.ss_sp, 0x12340000);
	ck_assert_uint_eq(old.ss_size, 8192);
	ck_assert_int_eq(old.ss_flags, 0);
	ss.ss_size = 100;
	ck_assert_int_eq(env_put(UBUF, &ss, sizeof(ss)), 0);
	ck_assert_int_eq(SYS(sigaltstack, UBUF, 0), -ENOMEM);
	ss.ss_flags = 8;
	ck_assert_int_eq(env_put(UBUF, &ss, sizeof(ss)), 0);
	ck_assert_int_eq(SYS(sigaltstack, UBUF, 0), -EINVAL);
}
END_TEST

START_TEST(test_prlimit64)
{
	struct linux_rlimit64 r = { 10, 5 }, old;

	ck_assert_int_eq(SYS(prlimit64, 0, LINUX_RLIMIT_NOFILE, 0, UBUF), 0);
	ck_assert_int_eq(env_get(UBUF, &old, sizeof(old)), 0);
	ck_assert_uint_eq(old.cur, 1024);
	ck_assert_uint_eq(old.max, 4096);
	ck_assert_int_eq(SYS(prlimit64, 99, LINUX_RLIMIT_NOFILE, 0, UBUF),
	    -ESRCH);
	ck_assert_int_eq(SYS(prlimit64, 0, 16, 0, UBUF), -EINVAL);
	ck_assert_int_eq(env_put(UBUF, &r, sizeof(r)), 0);
	ck_assert_int_eq(SYS(prlimit64, 1, LINUX_RLIMIT_NOFILE, UBUF, 0),
	    -EINVAL);
	r.cur = 2048;
	r.max = 2048;
	ck_assert_int_eq(env_put(UBUF, &r, sizeof(r)), 0);
	ck_assert_int_eq(SYS(prlimit64, 1, LINUX_RLIMIT_NOFILE, UBUF, 0), 0);
	ck_assert_uint_eq(env_p->rlim[LINUX_RLIMIT_NOFILE].cur, 2048);
	ck_assert_int_eq(SYS(prlimit64, 0, 0, 0x1000, 0), -EFAULT);
}
END_TEST

START_TEST(test_arch_prctl)
{
	uint64_t v = 0;

	ck_assert_int_eq(SYS(arch_prctl, LINUX_ARCH_SET_FS, 0x7f0000001000), 0);
	ck_assert_uint_eq(env_t->ctx.fs_base, 0x7f0000001000);
	ck_assert_int_eq(SYS(arch_prctl, LINUX_ARCH_GET_FS, UBUF), 0);
	ck_assert_int_eq(env_get(UBUF, &v, 8), 0);
	ck_assert_uint_eq(v, 0x7f0000001000);
	ck_assert_int_eq(SYS(arch_prctl, LINUX_ARCH_SET_FS,
	    fw_vm_user_top()), -EPERM);
	ck_assert_int_eq(SYS(arch_prctl, LINUX_ARCH_GET_GS, 0x1000), -EFAULT);
	ck_assert_int_eq(SYS(arch_prctl, LINUX_ARCH_GET_CPUID, 0), 1);
	ck_assert_int_eq(SYS(arch_prctl, LINUX_ARCH_SET_CPUID, 0), -ENODEV);
	ck_assert_int_eq(SYS(arch_prctl, 0x9999, 0), -EINVAL);
}
END_TEST

START_TEST(test_clocks_and_sleep_checks)
{
	struct linux_timespec ts = { 0, 0 };

	ck_assert_int_eq(SYS(clock_gettime, LINUX_CLOCK_MONOTONIC, UBUF), 0);
	ck_assert_int_eq(env_get(UBUF, &ts, sizeof(ts)), 0);
	ck_assert_int_ge(ts.tv_nsec, 0);
	ck_assert_int_lt(ts.tv_nsec, 1000000000);
	ck_assert_int_eq(SYS(clock_gettime, 42, UBUF), -EINVAL);
	ck_assert_int_eq(SYS(clock_gettime, LINUX_CLOCK_REALTIME, 0x1000),
	    -EFAULT);
	ck_assert_int_eq(SYS(clock_getres, LINUX_CLOCK_MONOTONIC_COARSE,
	    UBUF), 0);
	ck_assert_int_eq(env_get(UBUF, &ts, sizeof(ts)), 0);
	ck_assert_int_eq(ts.tv_nsec, 10000000);
	ck_assert_int_eq(SYS(clock_getres, LINUX_CLOCK_REALTIME, 0), 0);
	ts.tv_sec = 0;
	ts.tv_nsec = 1000000000;
	ck_assert_int_eq(env_put(UBUF, &ts, sizeof(ts)), 0);
	ck_assert_int_eq(SYS(nanosleep, UBUF, 0), -EINVAL);
	ts.tv_sec = -1;
	ts.tv_nsec = 0;
	ck_assert_int_eq(env_put(UBUF, &ts, sizeof(ts)), 0);
	ck_assert_int_eq(SYS(nanosleep, UBUF, 0), -EINVAL);
	ts.tv_sec = 0;
	ts.tv_nsec = 1000;
	ck_assert_int_eq(env_put(UBUF, &ts, sizeof(ts)), 0);
	ck_assert_int_eq(SYS(nanosleep, UBUF, 0), 0);
	ck_assert_int_eq(SYS(clock_nanosleep, LINUX_CLOCK_MONOTONIC,
	    LINUX_TIMER_ABSTIME, UBUF, 0), 0);		/* already past */
	ck_assert_int_eq(SYS(clock_nanosleep, LINUX_CLOCK_THREAD_CPUTIME_ID,
	    0, UBUF, 0), -EINVAL);
	ck_assert_int_eq(SYS(nanosleep, 0x1000, 0), -EFAULT);
}
END_TEST

START_TEST(test_getrandom)
{
	ck_assert_int_eq(SYS(getrandom, UBUF, 100, 0), 100);
	ck_assert_int_eq(SYS(getrandom, UBUF, 100, 8), -EINVAL);
	ck_assert_int_eq(SYS(getrandom, UBUF, 100,
	    LINUX_GRND_RANDOM | LINUX_GRND_INSECURE), -EINVAL);
	ck_assert_int_eq(SYS(getrandom, 0x1000, 10, 0), -EFAULT);
	/* A fault part-way returns what was copied. */
	ck_assert_int_eq(SYS(getrandom, UBUF + 4 * PG - 300, 1000, 0), 300);
}
END_TEST

START_TEST(test_strace_tables)
{
	ck_assert_str_eq(syscall_name(LINUX_NR_openat), "openat");
	ck_assert_str_eq(syscall_name(LINUX_NR_rseq), "rseq");
	ck_assert_str_eq(syscall_name(LINUX_NR_mseal), "mseal");
	ck_assert_ptr_null(syscall_name(400));
	ck_assert_ptr_null(syscall_name(100000));
	ck_assert_uint_eq(syscall_nargs(LINUX_NR_mmap), 6);
	ck_assert_str_eq(errno_name(ENOENT), "ENOENT");
	ck_assert_str_eq(errno_text(ENOSYS), "Function not implemented");
	ck_assert_ptr_null(errno_name(0));
	ck_assert_ptr_null(errno_name(4095));
}
END_TEST

static Suite *
sys_suite(void)
{
	Suite *s = suite_create("services/proc/sys");
	TCase *tc = tcase_create("sys");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_rt_sigaction_stores_and_returns);
	tcase_add_test(tc, test_rt_sigprocmask);
	tcase_add_test(tc, test_sigaltstack);
	tcase_add_test(tc, test_prlimit64);
	tcase_add_test(tc, test_arch_prctl);
	tcase_add_test(tc, test_clocks_and_sleep_checks);
	tcase_add_test(tc, test_getrandom);
	tcase_add_test(tc, test_strace_tables);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(sys_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
