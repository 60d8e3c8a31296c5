/*
 * core/timer.c: sleeping, busy time and the tick (fw/timer.h), and the
 * core's timers (core/timer_impl.h); the clocks are core/timepage.c's.
 *
 * Timers sit on one list sorted by deadline.  Every CPU's scheduler loop
 * runs the expired ones (fw_timer_run()), which wake their tasks, and idles
 * no longer than until the first deadline left.  A CPU that arms a timer is
 * running a task, so it passes through its loop, and sees the new
 * deadline, before it can idle.
 *
 * Locks used to protect fields in this file:
 *	t	timer_lock
 *	c	only the CPU itself
 *	a	atomic
 * Lock order: timer_lock, then fw_sched_lock (a timer's task is woken with
 * timer_lock held, so fw_timer_del() returning means no CPU still uses it).
 */
#include <fw/errno.h>
#include <fw/task.h>
#include <fw/waitq.h>
#include <hal/platform.h>
#include <stdatomic.h>

#include "core/sched_impl.h"
#include "core/timer_impl.h"

#define TICK_NS	(1000000000ULL / FW_HZ)

static struct fw_spinlock	 timer_lock;
static struct fw_timer		*timers;	/* [t] sorted by deadline */
static _Atomic(fw_tick_fn)	 tick_fn;	/* [a] */
static atomic_uint_fast64_t	 busy_ns;	/* [a] */

/*
 * The sum of the times from switching to a task to its switching back:
 * user time included, idle time not.  Time a task is running right now
 * counts once it stops.
 */
uint64_t
fw_clock_busy(void)
{
	return atomic_load(&busy_ns);
}

void
fw_clock_account(uint64_t ns)
{
	atomic_fetch_add(&busy_ns, ns);
}

void
fw_timer_add(struct fw_timer *t, uint64_t deadline, struct fw_task *task)
{
	struct fw_timer **pp, *prev = NULL;

	t->deadline = deadline;
	t->task = task;
	fw_spin_lock(&timer_lock);
	for (pp = &timers; *pp != NULL && (*pp)->deadline <= deadline;
	    pp = &(*pp)->next)
		prev = *pp;
	t->next = *pp;
	t->prev = prev;
	if (t->next != NULL)
		t->next->prev = t;
	*pp = t;
	t->armed = true;
	fw_spin_unlock(&timer_lock);
}

static void
timer_unlink_locked(struct fw_timer *t)
	FW_REQUIRES(&timer_lock)
{
	if (t->prev != NULL)
		t->prev->next = t->next;
	else
		timers = t->next;
	if (t->next != NULL)
		t->next->prev = t->prev;
	t->next = t->prev = NULL;
	t->armed = false;
}

void
fw_timer_del(struct fw_timer *t)
{
	fw_spin_lock(&timer_lock);
	if (t->armed)
		timer_unlink_locked(t);
	fw_spin_unlock(&timer_lock);
}

uint64_t
fw_timer_run(uint64_t now)
{
	struct fw_timer *t;
	uint64_t next;

	fw_spin_lock(&timer_lock);
	while ((t = timers) != NULL && t->deadline <= now) {
		timer_unlink_locked(t);
		fw_sched_wakeup(t->task);
	}
	next = timers != NULL ? timers->deadline : UINT64_MAX;
	fw_spin_unlock(&timer_lock);
	return next;
}

void
fw_tick_set(fw_tick_fn fn)
{
	atomic_store(&tick_fn, fn);
}

/*
 * Calls the hook when the CPU's tick is due.  A CPU that was busy for
 * several periods gets one call, not a burst: the next tick is set from
 * now.
 */
uint64_t
fw_tick_run(unsigned int cpu, uint64_t now)
{
	struct fw_cpu *c = fw_cpu_self();
	fw_tick_fn fn = atomic_load(&tick_fn);

	if (fn == NULL)
		return UINT64_MAX;
	if (now >= c->next_tick) {
		if (c->next_tick != 0)
			fn(cpu);
		c->next_tick = now + TICK_NS;
	}
	return c->next_tick;
}

static bool
never(void *arg)
{
	return false;
}

int
fw_sleep_until(uint64_t deadline)
{
	struct fw_waitq wq;
	int err;

	fw_waitq_init(&wq);
	err = fw_waitq_wait(&wq, never, NULL, deadline, true);
	return err == -ETIMEDOUT ? 0 : err;
}
