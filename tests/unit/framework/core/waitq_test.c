/*
 * Tests for framework/core/waitq.c: waiting on a condition, wake-one
 * order, deadlines and interrupts (with task.c's fw_task_interrupt()).
 */
#include <check.h>
#include <stdlib.h>

#include <fw/errno.h>
#include <fw/task.h>
#include <fw/timer.h>
#include <fw/waitq.h>

#include "fake_hal.h"
#include "test_tasks.h"

static struct fw_waitq wq;
static bool flags[4];
static int results[4];
static uint64_t elapsed;

static void
setup(void)
{
	fake_hal_boot();
	tt_reset();
	fw_waitq_init(&wq);
	memset(flags, 0, sizeof(flags));
	memset(results, 0, sizeof(results));
}

static bool
flag_set(void *arg)
{
	return *(bool *)arg;
}

static bool
never(void *arg)
{
	return false;
}

/* Waits for flags[i]; marks 'a' + i when done. */
static void
flag_waiter(void *arg)
{
	int i = (int)(intptr_t)arg;

	results[i] = fw_waitq_wait(&wq, flag_set, &flags[i], FW_NO_DEADLINE,
	    true);
	tt_mark((char)('a' + i));
	tt_finish();
}

static void
run_wait_wake(void *arg)
{
	tt_spawn(flag_waiter, (void *)0);
	fw_task_yield();		/* the waiter sleeps */
	tt_mark('1');
	fw_waitq_wake_all(&wq);		/* the condition is false: no effect */
	fw_task_yield();
	tt_mark('2');
	flags[0] = true;
	fw_waitq_wake_all(&wq);
	tt_join(1);
}

START_TEST(test_waitq_wait_returns_when_condition_holds)
{
	fake_run(run_wait_wake, NULL);
	ck_assert_str_eq(tt_trace, "12a");
	ck_assert_int_eq(results[0], 0);
}
END_TEST

static void
run_true_cond(void *arg)
{
	flags[0] = true;
	/* Neither a pending interrupt nor a past deadline beats a true cond. */
	fw_task_interrupt(fw_task_current());
	results[0] = fw_waitq_wait(&wq, flag_set, &flags[0], 0, true);
	(void)fw_task_clear_interrupt();
}

START_TEST(test_waitq_true_condition_returns_at_once)
{
	fake_run(run_true_cond, NULL);
	ck_assert_int_eq(results[0], 0);
}
END_TEST

static void
run_wake_one(void *arg)
{
	tt_spawn(flag_waiter, (void *)0);
	tt_spawn(flag_waiter, (void *)1);
	tt_spawn(flag_waiter, (void *)2);
	fw_task_yield();		/* all three sleep, 0 oldest */
	flags[0] = flags[1] = flags[2] = true;
	fw_waitq_wake_one(&wq);
	fw_task_yield();
	tt_mark('|');
	fw_waitq_wake_one(&wq);
	fw_task_yield();
	tt_mark('|');
	fw_waitq_wake_one(&wq);
	tt_join(3);
}

START_TEST(test_waitq_wake_one_wakes_oldest_waiter)
{
	fake_run(run_wake_one, NULL);
	ck_assert_str_eq(tt_trace, "a|b|c");
}
END_TEST

static void
run_deadline(void *arg)
{
	uint64_t t0 = fw_clock_monotonic();

	results[0] = fw_waitq_wait(&wq, never, NULL, t0 + 20000000, false);
	elapsed = fw_clock_monotonic() - t0;
	results[1] = fw_waitq_wait(&wq, never, NULL, t0, true);
}

START_TEST(test_waitq_deadline_is_etimedout)
{
	fake_run(run_deadline, NULL);
	ck_assert_int_eq(results[0], -ETIMEDOUT);
	ck_assert_uint_ge(elapsed, 20000000);
	ck_assert_int_eq(results[1], -ETIMEDOUT);
}
END_TEST

static void
intr_waiter(void *arg)
{
	int i = (int)(intptr_t)arg;

	results[i] = fw_waitq_wait(&wq, never, NULL, FW_NO_DEADLINE, true);
	/* The interrupt stays pending until cleared. */
	results[i + 1] = fw_waitq_wait(&wq, never, NULL, FW_NO_DEADLINE, true);
	results[i + 2] = fw_task_clear_interrupt();
	results[i + 3] = fw_task_clear_interrupt();
	tt_finish();
}

static void
run_interrupt(void *arg)
{
	struct fw_task *t = tt_spawn(intr_waiter, (void *)0);

	fw_task_yield();
	fw_task_interrupt(t);
	tt_join(1);
}

START_TEST(test_waitq_interrupt_is_eintr_until_cleared)
{
	fake_run(run_interrupt, NULL);
	ck_assert_int_eq(results[0], -EINTR);
	ck_assert_int_eq(results[1], -EINTR);
	ck_assert_int_eq(results[2], 1);
	ck_assert_int_eq(results[3], 0);
}
END_TEST

static void
uninterruptible_waiter(void *arg)
{
	results[0] = fw_waitq_wait(&wq, flag_set, &flags[0], FW_NO_DEADLINE,
	    false);
	tt_mark('w');
	results[1] = fw_task_clear_interrupt();
	tt_finish();
}

static void
run_uninterruptible(void *arg)
{
	struct fw_task *t = tt_spawn(uninterruptible_waiter, NULL);

	fw_task_yield();
	fw_task_interrupt(t);
	fw_task_yield();
	fw_task_yield();
	tt_mark('i');
	flags[0] = true;
	fw_waitq_wake_all(&wq);
	tt_join(1);
}

START_TEST(test_waitq_uninterruptible_wait_ignores_interrupt)
{
	fake_run(run_uninterruptible, NULL);
	ck_assert_str_eq(tt_trace, "iw");
	ck_assert_int_eq(results[0], 0);
	ck_assert_int_eq(results[1], 1);
}
END_TEST

static Suite *
waitq_suite(void)
{
	Suite *s = suite_create("waitq");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_add_test(tc, test_waitq_wait_returns_when_condition_holds);
	tcase_add_test(tc, test_waitq_true_condition_returns_at_once);
	tcase_add_test(tc, test_waitq_wake_one_wakes_oldest_waiter);
	tcase_add_test(tc, test_waitq_deadline_is_etimedout);
	tcase_add_test(tc, test_waitq_interrupt_is_eintr_until_cleared);
	tcase_add_test(tc, test_waitq_uninterruptible_wait_ignores_interrupt);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(waitq_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
