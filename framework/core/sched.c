/*
 * core/sched.c: the scheduler.  Each CPU runs fw_cpu_main(), a loop on the
 * CPU's own stack that runs expired timers, the tick and the devices'
 * bottom halves, then picks a task from the policy (fw/task.h) and switches
 * to it.  A task gives the CPU back by switching to the loop again (yield,
 * sleep, exit), as in xv6's scheduler() and sched().
 *
 * Every switch is announced to ASan (the fiber API of
 * sanitizer/common_interface_defs.h) when it is built in, so its stack
 * checks follow the stacks.
 *
 * Locks used to protect fields in this file:
 *	I	immutable after fw_sched_init()
 *	s	fw_sched_lock
 *	a	atomic
 * Lock order: see core/sched_impl.h.
 */
#include <fw/alloc.h>
#include <fw/panic.h>
#include <fw/timer.h>
#include <hal/cpu.h>
#include <stdatomic.h>
#include <stddef.h>

#include "core/sched_impl.h"
#include "core/timer_impl.h"

#ifdef TRELLIS_ASAN
#include <sanitizer/common_interface_defs.h>
#define ASAN_START(save, bottom, size) \
	__sanitizer_start_switch_fiber(save, bottom, size)
#define ASAN_FINISH(save, bottom, size) \
	__sanitizer_finish_switch_fiber(save, bottom, size)
#else
#define ASAN_START(save, bottom, size)	((void)(save))
#define ASAN_FINISH(save, bottom, size)	((void)(save))
#endif

struct fw_spinlock fw_sched_lock;

static struct fw_cpu			*cpus;		/* [I] */
static unsigned int			 ncpus;		/* [I] */
static atomic_bool			*cpu_idle;	/* [a] one a CPU */
static const struct fw_sched_policy	*policy = &fw_sched_fifo; /* [I] */

void
fw_sched_init(void)
{
	ncpus = hal_cpu_count();
	FW_ASSERT(ncpus > 0);
	cpus = fw_zalloc(ncpus, sizeof(*cpus));
	cpu_idle = fw_zalloc(ncpus, sizeof(*cpu_idle));
	if (cpus == NULL || cpu_idle == NULL)
		fw_panic("sched: no memory for %u CPUs", ncpus);
	fw_sched_fifo_init(ncpus);
}

void
fw_sched_set(const struct fw_sched_policy *p)
{
	policy = p;
}

struct fw_task *
fw_sched_link_task(struct fw_sched_link *link)
{
	return (struct fw_task *)((char *)link -
	    offsetof(struct fw_task, link));
}

struct fw_cpu *
fw_cpu_self(void)
{
	unsigned int id = hal_cpu_id();

	FW_ASSERT(id < ncpus);
	return &cpus[id];
}

/*
 * Queues t and wakes the CPU that took it if that is not this one.  When
 * this CPU took it from a task, this CPU is busy, so an idle CPU is woken
 * instead, to take the task from it (core/sched_fifo.c steals).  From the
 * CPU's own loop (timers, a guest event seen while idle) this CPU picks
 * the task next itself: waking another would only move it across.
 */
void
fw_sched_enqueue_locked(struct fw_task *t)
{
	unsigned int cpu, self = hal_cpu_id(), i;

	t->state = FW_TASK_RUNNABLE;
	cpu = policy->enqueue(t, &t->link);
	if (cpu != self) {
		hal_cpu_wake(cpu);
		return;
	}
	if (cpus[self].cur == NULL)
		return;
	for (i = 0; i < ncpus; i++) {
		if (i != self && atomic_load(&cpu_idle[i])) {
			hal_cpu_wake(i);
			return;
		}
	}
}

void
fw_sched_switch_locked(struct fw_task *cur)
	FW_NO_TSA
{
	struct fw_cpu *c = fw_cpu_self();
	void *fake = NULL;

	/* A dead task's fake stack (use-after-return frames) goes with it. */
	ASAN_START(cur->state == FW_TASK_DEAD ? NULL : &fake, c->sched_stack,
	    c->sched_stack_size);
	hal_switch(&cur->sp, c->sched_sp);
	c = fw_cpu_self();		/* it may resume on another CPU */
	ASAN_FINISH(fake, &c->sched_stack, &c->sched_stack_size);
	(void)c;
}

void
fw_sched_prepare_sleep(void)
{
	struct fw_task *cur = fw_task_current();

	fw_spin_lock(&fw_sched_lock);
	cur->state = FW_TASK_SLEEPING;
	fw_spin_unlock(&fw_sched_lock);
}

bool
fw_sched_sleep(void)
{
	struct fw_task *cur = fw_task_current();
	bool slept;

	fw_spin_lock(&fw_sched_lock);
	if ((slept = cur->state == FW_TASK_SLEEPING))
		fw_sched_switch_locked(cur);
	fw_spin_unlock(&fw_sched_lock);
	return slept;
}

void
fw_sched_cancel_sleep(void)
{
	struct fw_task *cur = fw_task_current();

	fw_spin_lock(&fw_sched_lock);
	cur->state = FW_TASK_RUNNING;
	fw_spin_unlock(&fw_sched_lock);
}

void
fw_sched_wakeup(struct fw_task *t)
{
	fw_spin_lock(&fw_sched_lock);
	if (t->state == FW_TASK_SLEEPING) {
		if (t->oncpu)
			t->state = FW_TASK_RUNNING;	/* not asleep yet */
		else
			fw_sched_enqueue_locked(t);
	}
	fw_spin_unlock(&fw_sched_lock);
}

/*
 * Runs t until it switches back; returns with the lock still held, and t
 * off the CPU.
 */
static void
sched_run_locked(struct fw_cpu *c, struct fw_task *t)
	FW_REQUIRES(&fw_sched_lock)
{
	void *fake = NULL;

	t->state = FW_TASK_RUNNING;
	t->oncpu = true;
	c->cur = t;
	ASAN_START(&fake, t->stack, FW_TASK_STACK);
	hal_switch(&c->sched_sp, t->sp);
	ASAN_FINISH(fake, NULL, NULL);
	c->cur = NULL;
	t->oncpu = false;
}

/* Runs the timers and the tick; returns the nearest deadline. */
static uint64_t
sched_timers(unsigned int cpu, uint64_t now)
{
	uint64_t next, tick;

	fw_timepage_tick(now);
	next = fw_timer_run(now);
	tick = fw_tick_run(cpu, now);
	return tick < next ? tick : next;
}

void
fw_cpu_main(unsigned int cpu)
{
	struct fw_cpu *c = &cpus[cpu];
	struct fw_task *t;
	uint64_t next, start, now;
	bool dead;

	FW_ASSERT(cpu < ncpus && cpu == hal_cpu_id());
	for (;;) {
		next = sched_timers(cpu, fw_clock_monotonic());
		hal_irq_poll();
		fw_spin_lock(&fw_sched_lock);
		if ((t = policy->pick_next(cpu)) == NULL) {
			atomic_store(&cpu_idle[cpu], true);
			fw_spin_unlock(&fw_sched_lock);
			hal_cpu_idle(next);
			atomic_store(&cpu_idle[cpu], false);
			continue;
		}
		start = fw_clock_monotonic();
		t->slice_start = start;
		sched_run_locked(c, t);
		dead = t->state == FW_TASK_DEAD;
		now = fw_clock_monotonic();
		/* From slice_start: the backend may have moved it past the
		 * user time in the slice (fw_task_exclude_time()). */
		t->runtime += now > t->slice_start ? now - t->slice_start : 0;
		fw_spin_unlock(&fw_sched_lock);
		fw_clock_account(now - start);
		if (dead)
			fw_task_free(t);
	}
}
