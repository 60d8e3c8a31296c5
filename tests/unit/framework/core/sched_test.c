/*
 * Tests for framework/core/sched.c under several CPUs (ctest runs this
 * file again with FAKE_HAL_CPUS=4): cross-CPU wake-ups, work stealing,
 * spin locks and mutexes between CPUs, task exit.  Only outcomes that do
 * not depend on the interleaving are checked.
 */
#include <check.h>
#include <stdatomic.h>
#include <stdlib.h>

#include <fw/cpu.h>
#include <fw/mutex.h>
#include <fw/task.h>
#include <fw/timer.h>
#include <fw/waitq.h>

#include "fake_hal.h"

#define ROUNDS	2000
#define NTASKS	8

static struct fw_waitq	 wq, joinq;
static atomic_int	 turn;		/* whose turn in the ping-pong */
static atomic_int	 done;
static struct fw_mutex	 m;
static long		 counter;
static atomic_int	 cpus_seen;	/* a bit per CPU that ran a worker */

static void
setup(void)
{
	fake_hal_boot();
	fw_waitq_init(&wq);
	fw_waitq_init(&joinq);
	fw_mutex_init(&m);
	atomic_store(&turn, 0);
	atomic_store(&done, 0);
	atomic_store(&cpus_seen, 0);
	counter = 0;
}

static bool
done_at_least(void *arg)
{
	return atomic_load(&done) >= *(int *)arg;
}

static void
finish(void)
{
	atomic_fetch_add(&done, 1);
	fw_waitq_wake_all(&joinq);
}

static void
join(int n)
{
	if (fw_waitq_wait(&joinq, done_at_least, &n, FW_NO_DEADLINE,
	    false) != 0)
		abort();
}

static bool
my_turn(void *arg)
{
	return atomic_load(&turn) == (int)(intptr_t)arg;
}

static void
pinger(void *arg)
{
	int me = (int)(intptr_t)arg, i;

	for (i = 0; i < ROUNDS; i++) {
		if (fw_waitq_wait(&wq, my_turn, arg, FW_NO_DEADLINE,
		    false) != 0)
			abort();
		atomic_store(&turn, 1 - me);
		fw_waitq_wake_all(&wq);
	}
	finish();
}

static void
run_pingpong(void *arg)
{
	if (fw_task_spawn(pinger, (void *)0, NULL) != 0 ||
	    fw_task_spawn(pinger, (void *)1, NULL) != 0)
		abort();
	join(2);
}

START_TEST(test_sched_waitq_pingpong_loses_no_wakeup)
{
	fake_run(run_pingpong, NULL);
	ck_assert_int_eq(atomic_load(&done), 2);
	ck_assert_int_eq(atomic_load(&turn), 0);
}
END_TEST

static void
worker(void *arg)
{
	int i;
	long v;

	atomic_fetch_or(&cpus_seen, 1 << fw_cpu_id());
	for (i = 0; i < ROUNDS / 10; i++) {
		fw_mutex_lock(&m);
		v = counter;
		if (i % 3 == 0)
			fw_task_yield();
		counter = v + 1;
		fw_mutex_unlock(&m);
	}
	finish();
}

static void
run_workers(void *arg)
{
	int i;

	for (i = 0; i < NTASKS; i++)
		if (fw_task_spawn(worker, NULL, NULL) != 0)
			abort();
	join(NTASKS);
}

START_TEST(test_sched_mutex_counts_exactly_across_cpus)
{
	fake_run(run_workers, NULL);
	ck_assert_int_eq(counter, NTASKS * (ROUNDS / 10));
	ck_assert_int_ne(atomic_load(&cpus_seen), 0);
}
END_TEST

static void
short_task(void *arg)
{
	finish();
}

static void
run_many(void *arg)
{
	int i;

	for (i = 0; i < 500; i++)
		if (fw_task_spawn(short_task, NULL, NULL) != 0)
			abort();
	join(500);
}

START_TEST(test_sched_many_short_tasks_all_run)
{
	fake_run(run_many, NULL);
	ck_assert_int_eq(atomic_load(&done), 500);
}
END_TEST

static void
napper(void *arg)
{
	uint64_t until = fw_clock_monotonic() + 5000000;

	if (fw_sleep_until(until) != 0 || fw_clock_monotonic() < until)
		abort();
	finish();
}

static void
run_nappers(void *arg)
{
	int i;

	for (i = 0; i < NTASKS; i++)
		if (fw_task_spawn(napper, NULL, NULL) != 0)
			abort();
	join(NTASKS);
}

START_TEST(test_sched_sleepers_on_all_cpus_wake)
{
	fake_run(run_nappers, NULL);
	ck_assert_int_eq(atomic_load(&done), NTASKS);
}
END_TEST

static Suite *
sched_suite(void)
{
	Suite *s = suite_create("sched");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_sched_waitq_pingpong_loses_no_wakeup);
	tcase_add_test(tc, test_sched_mutex_counts_exactly_across_cpus);
	tcase_add_test(tc, test_sched_many_short_tasks_all_run);
	tcase_add_test(tc, test_sched_sleepers_on_all_cpus_wake);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(sched_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
