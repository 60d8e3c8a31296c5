/*
 * Tests for framework/core/task.c, sched.c and sched_fifo.c: spawning,
 * FIFO order under yield, task data, exit, stacks.
 */
#include <check.h>
#include <stdlib.h>

#include <fw/task.h>
#include <fw/timer.h>

#include "fake_hal.h"
#include "test_tasks.h"

static void
setup(void)
{
	fake_hal_boot();
	tt_reset();
}

static void
yielder(void *arg)
{
	char c = *(char *)arg;

	tt_mark(c);
	fw_task_yield();
	tt_mark((char)(c - 'A' + 'a'));
	tt_finish();
}

static void
run_yielders(void *arg)
{
	static char names[] = "ABC";

	tt_spawn(yielder, &names[0]);
	tt_spawn(yielder, &names[1]);
	tt_spawn(yielder, &names[2]);
	tt_join(3);
}

START_TEST(test_task_yield_runs_others_in_fifo_order)
{
	fake_run(run_yielders, NULL);
	ck_assert_str_eq(tt_trace, "ABCabc");
}
END_TEST

static struct fw_task *seen_self;
static void *seen_data;

static void
data_task(void *arg)
{
	seen_self = fw_task_current();
	seen_data = fw_task_data(seen_self);
	tt_finish();
}

static void
run_data(void *arg)
{
	struct fw_task *t = tt_spawn(data_task, NULL);

	fw_task_set_data(t, arg);
	tt_join(1);
	tt_mark(seen_self == t ? 'T' : 'F');
}

START_TEST(test_task_data_and_current_follow_the_task)
{
	int cookie;

	seen_self = NULL;
	fake_run(run_data, &cookie);
	ck_assert_str_eq(tt_trace, "T");
	ck_assert_ptr_eq(seen_data, &cookie);
}
END_TEST

static void
exiter(void *arg)
{
	tt_mark('x');
	tt_finish();
	fw_task_exit();
	tt_mark('!');
}

static void
run_exiters(void *arg)
{
	int i;

	/* Many short tasks: each stack is freed after the task is gone. */
	for (i = 0; i < 50; i++)
		tt_spawn(exiter, NULL);
	tt_join(50);
}

START_TEST(test_task_exit_ends_task_and_frees_it)
{
	fake_run(run_exiters, NULL);
	ck_assert_uint_eq(strlen(tt_trace), 50);
	ck_assert_ptr_null(strchr(tt_trace, '!'));
}
END_TEST

static int
deep(int n)
{
	volatile char pad[1024];

	pad[0] = (char)n;
	if (n == 0)
		return pad[0];
	return deep(n - 1) + pad[0];
}

static int deep_result;

static void
run_deep(void *arg)
{
	/* About 128 KiB of a task's 256 KiB stack. */
	deep_result = deep(120);
}

START_TEST(test_task_stack_holds_deep_calls)
{
	fake_run(run_deep, NULL);
	ck_assert_int_eq(deep_result, 120 * 121 / 2);
}
END_TEST

static bool busy_grew;

static void
run_busy(void *arg)
{
	uint64_t before = fw_clock_busy(), t0 = fw_clock_monotonic();

	/* Time spent in a task counts once it switches away. */
	while (fw_clock_monotonic() - t0 < 2000000)
		;
	fw_task_yield();
	busy_grew = fw_clock_busy() > before;
}

START_TEST(test_clock_busy_counts_task_time)
{
	fake_run(run_busy, NULL);
	ck_assert(busy_grew);
}
END_TEST

static Suite *
task_suite(void)
{
	Suite *s = suite_create("task");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_add_test(tc, test_task_yield_runs_others_in_fifo_order);
	tcase_add_test(tc, test_task_data_and_current_follow_the_task);
	tcase_add_test(tc, test_task_exit_ends_task_and_frees_it);
	tcase_add_test(tc, test_task_stack_holds_deep_calls);
	tcase_add_test(tc, test_clock_busy_counts_task_time);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(task_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
