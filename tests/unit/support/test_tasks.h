/*
 * tests/unit/support/test_tasks.h: helpers for tests that run kernel tasks
 * (through fake_run()): a trace of events as a string, and a join counter
 * a scenario waits on for the tasks it spawned.  Everything here runs on
 * the single fake CPU, so plain variables are enough.
 */
#ifndef TEST_TASKS_H
#define TEST_TASKS_H

#include <string.h>

#include <fw/task.h>
#include <fw/waitq.h>

static char		tt_trace[256];
static int		tt_done;
static struct fw_waitq	tt_joinq;

static inline void
tt_reset(void)
{
	tt_trace[0] = '\0';
	tt_done = 0;
	fw_waitq_init(&tt_joinq);
}

static inline void
tt_mark(char c)
{
	size_t n = strlen(tt_trace);

	if (n + 1 < sizeof(tt_trace)) {
		tt_trace[n] = c;
		tt_trace[n + 1] = '\0';
	}
}

/* A spawned task calls this last. */
static inline void
tt_finish(void)
{
	tt_done++;
	fw_waitq_wake_all(&tt_joinq);
}

static inline bool
tt_all_done(void *arg)
{
	return tt_done >= *(int *)arg;
}

/* The scenario waits until n tasks have called tt_finish(). */
static inline void
tt_join(int n)
{
	if (fw_waitq_wait(&tt_joinq, tt_all_done, &n, FW_NO_DEADLINE,
	    false) != 0)
		tt_mark('!');
}

static inline struct fw_task *
tt_spawn(fw_task_fn fn, void *arg)
{
	struct fw_task *t = NULL;

	if (fw_task_spawn(fn, arg, &t) != 0)
		tt_mark('!');
	return t;
}

#endif
