/*
 * Tests for framework/core/timer.c: clocks, fw_sleep_until(), timer order
 * and the tick hook.
 */
#include <check.h>
#include <stdlib.h>

#include <fw/errno.h>
#include <fw/task.h>
#include <fw/timer.h>

#include "fake_hal.h"
#include "test_tasks.h"

#define MS	1000000ULL

static int results[4];
static uint64_t times[4];
static uint64_t base;

static void
setup(void)
{
	fake_hal_boot();
	tt_reset();
	memset(results, 0, sizeof(results));
}

START_TEST(test_clocks_are_sane)
{
	uint64_t a = fw_clock_monotonic(), b = fw_clock_monotonic();

	ck_assert_uint_le(a, b);
	/* The wall clock is after 2020-01-01. */
	ck_assert_uint_gt(fw_clock_realtime(), 1577836800ULL * 1000000000ULL);
}
END_TEST

static void
run_sleep(void *arg)
{
	uint64_t t0 = fw_clock_monotonic();

	results[0] = fw_sleep_until(t0 + 10 * MS);
	times[0] = fw_clock_monotonic() - t0;
	results[1] = fw_sleep_until(0);		/* long past */
}

START_TEST(test_sleep_until_waits_for_deadline)
{
	fake_run(run_sleep, NULL);
	ck_assert_int_eq(results[0], 0);
	ck_assert_uint_ge(times[0], 10 * MS);
	ck_assert_int_eq(results[1], 0);
}
END_TEST

static void
sleeper(void *arg)
{
	int i = (int)(intptr_t)arg;
	uint64_t deadline = base + (uint64_t)(3 - i) * 40 * MS;

	results[i] = fw_sleep_until(deadline);
	times[i] = fw_clock_monotonic();
	tt_mark((char)('a' + i));
	tt_finish();
}

static void
run_sleepers(void *arg)
{
	base = fw_clock_monotonic();
	tt_spawn(sleeper, (void *)0);		/* wakes last */
	tt_spawn(sleeper, (void *)1);
	tt_spawn(sleeper, (void *)2);		/* wakes first */
	tt_join(3);
}

START_TEST(test_sleepers_wake_in_deadline_order)
{
	fake_run(run_sleepers, NULL);
	ck_assert_str_eq(tt_trace, "cba");
	ck_assert_uint_ge(times[0], base + 120 * MS);
	ck_assert_uint_ge(times[2], base + 40 * MS);
}
END_TEST

static void
interrupted_sleeper(void *arg)
{
	results[0] = fw_sleep_until(fw_clock_monotonic() + 3600000 * MS);
	results[1] = fw_task_clear_interrupt();
	tt_finish();
}

static void
run_interrupted_sleep(void *arg)
{
	struct fw_task *t = tt_spawn(interrupted_sleeper, NULL);

	fw_task_yield();
	fw_task_interrupt(t);
	tt_join(1);
}

START_TEST(test_sleep_until_interrupted_is_eintr)
{
	fake_run(run_interrupted_sleep, NULL);
	ck_assert_int_eq(results[0], -EINTR);
	ck_assert_int_eq(results[1], 1);
}
END_TEST

static int ticks;

static void
tick_hook(unsigned int cpu)
{
	if (cpu == 0)
		ticks++;
}

static void
run_ticks(void *arg)
{
	fw_tick_set(tick_hook);
	results[0] = fw_sleep_until(fw_clock_monotonic() + 100 * MS);
	fw_tick_set(NULL);
	results[1] = ticks;
	results[2] = fw_sleep_until(fw_clock_monotonic() + 30 * MS);
	results[3] = ticks;
}

START_TEST(test_tick_hook_runs_until_removed)
{
	ticks = 0;
	fake_run(run_ticks, NULL);
	ck_assert_int_eq(results[0], 0);
	ck_assert_int_ge(results[1], 1);
	ck_assert_int_eq(results[3], results[1]);
}
END_TEST

static Suite *
timer_suite(void)
{
	Suite *s = suite_create("timer");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_add_test(tc, test_clocks_are_sane);
	tcase_add_test(tc, test_sleep_until_waits_for_deadline);
	tcase_add_test(tc, test_sleepers_wake_in_deadline_order);
	tcase_add_test(tc, test_sleep_until_interrupted_is_eintr);
	tcase_add_test(tc, test_tick_hook_runs_until_removed);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(timer_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
