/*
 * Tests for framework/core/mutex.c: mutual exclusion across sleeps, and
 * trylock.
 */
#include <check.h>
#include <stdlib.h>

#include <fw/mutex.h>
#include <fw/task.h>

#include "fake_hal.h"
#include "test_tasks.h"

static struct fw_mutex m;
static int counter;
static int inside;		/* tasks inside the critical section */
static int max_inside;
static bool try_results[3];

static void
setup(void)
{
	fake_hal_boot();
	tt_reset();
	fw_mutex_init(&m);
	counter = inside = max_inside = 0;
}

/* Increments counter with a yield in the middle, under the mutex. */
static void
incrementer(void *arg)
{
	int i, v;

	for (i = 0; i < 100; i++) {
		fw_mutex_lock(&m);
		if (++inside > max_inside)
			max_inside = inside;
		v = counter;
		fw_task_yield();
		counter = v + 1;
		inside--;
		fw_mutex_unlock(&m);
		if (i % 7 == 0)
			fw_task_yield();
	}
	tt_finish();
}

static void
run_contention(void *arg)
{
	tt_spawn(incrementer, NULL);
	tt_spawn(incrementer, NULL);
	tt_spawn(incrementer, NULL);
	tt_join(3);
}

START_TEST(test_mutex_excludes_tasks_across_yields)
{
	fake_run(run_contention, NULL);
	ck_assert_int_eq(counter, 300);
	ck_assert_int_eq(max_inside, 1);
}
END_TEST

static void
holder(void *arg)
{
	fw_mutex_lock(&m);
	fw_task_yield();
	fw_task_yield();
	fw_mutex_unlock(&m);
	tt_finish();
}

/* Deliberately unbalanced for the analysis: trylock results are data. */
static void
run_trylock(void *arg)
	FW_NO_TSA
{
	tt_spawn(holder, NULL);
	fw_task_yield();			/* holder takes it */
	try_results[0] = fw_mutex_trylock(&m);
	tt_join(1);
	try_results[1] = fw_mutex_trylock(&m);
	try_results[2] = fw_mutex_trylock(&m) == false;
	fw_mutex_unlock(&m);
}

START_TEST(test_mutex_trylock_fails_while_held)
{
	fake_run(run_trylock, NULL);
	ck_assert(!try_results[0]);
	ck_assert(try_results[1]);
	ck_assert(try_results[2]);
}
END_TEST

static void
relocker(void *arg)
	FW_NO_TSA
{
	fw_mutex_lock(&m);
	fw_mutex_lock(&m);
}

/* Relocking from the owner panics; the fake HAL exits with status 125. */
START_TEST(test_mutex_relock_by_owner_panics)
{
	fake_run(relocker, NULL);
}
END_TEST

static Suite *
mutex_suite(void)
{
	Suite *s = suite_create("mutex");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_add_test(tc, test_mutex_excludes_tasks_across_yields);
	tcase_add_test(tc, test_mutex_trylock_fails_while_held);
	/* A panic ends the process: only when each test has its own. */
	if (getenv("CK_FORK") == NULL || strcmp(getenv("CK_FORK"), "no") != 0)
		tcase_add_exit_test(tc, test_mutex_relock_by_owner_panics,
		    125);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(mutex_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
