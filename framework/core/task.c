/*
 * core/task.c: kernel tasks (fw/task.h): their creation, stacks, exit and
 * interrupts.  The scheduler that runs them is core/sched.c.
 *
 * Every task has a FW_TASK_STACK stack from the heap, registered with
 * Valgrind so that switching onto it is not taken for a stack overflow.
 * A task's memory is freed by the scheduler loop after the task has
 * switched away for the last time (fw_task_free()).
 *
 * Locks: the fields of struct fw_task are keyed in core/sched_impl.h.
 */
#include <fw/alloc.h>
#include <fw/cpu.h>
#include <fw/errno.h>
#include <fw/panic.h>
#include <fw/timer.h>
#include <hal/cpu.h>
#include <valgrind/valgrind.h>

#include "core/sched_impl.h"

#ifdef TRELLIS_ASAN
#include <sanitizer/common_interface_defs.h>
#endif

int
fw_task_spawn(fw_task_fn fn, void *arg, struct fw_task **out)
{
	struct fw_task *t;

	if ((t = fw_zalloc(1, sizeof(*t))) == NULL)
		return -ENOMEM;
	if ((t->stack = fw_alloc(FW_TASK_STACK)) == NULL) {
		fw_free(t);
		return -ENOMEM;
	}
	t->vg_stack = VALGRIND_STACK_REGISTER(t->stack,
	    (char *)t->stack + FW_TASK_STACK);
	t->fn = fn;
	t->arg = arg;
	atomic_init(&t->intr, false);
	t->sp = hal_stack_init(t->stack, FW_TASK_STACK, fw_task_start, t);
	if (out != NULL)
		*out = t;
	fw_spin_lock(&fw_sched_lock);
	fw_sched_enqueue_locked(t);
	fw_spin_unlock(&fw_sched_lock);
	return 0;
}

/*
 * The first code of a task, entered from the scheduler loop's switch with
 * fw_sched_lock held (core/sched.c).
 */
void
fw_task_start(void *arg)
	FW_NO_TSA
{
	struct fw_task *t = arg;
#ifdef TRELLIS_ASAN
	struct fw_cpu *c = fw_cpu_self();

	/* A new stack has no fake stack to restore. */
	__sanitizer_finish_switch_fiber(NULL, &c->sched_stack,
	    &c->sched_stack_size);
#endif
	fw_spin_unlock(&fw_sched_lock);
	t->fn(t->arg);
	fw_task_exit();
}

void
fw_task_free(struct fw_task *t)
{
	VALGRIND_STACK_DEREGISTER(t->vg_stack);
	fw_free(t->stack);
	fw_free(t);
}

struct fw_task *
fw_task_current(void)
{
	return fw_cpu_self()->cur;
}

void
fw_task_yield(void)
{
	struct fw_task *cur = fw_task_current();

	if (cur == NULL)
		return;
	atomic_fetch_add_explicit(&cur->nivcsw, 1, memory_order_relaxed);
	fw_spin_lock(&fw_sched_lock);
	cur->state = FW_TASK_RUNNABLE;
	fw_sched_enqueue_locked(cur);
	fw_sched_switch_locked(cur);
	fw_spin_unlock(&fw_sched_lock);
}

int
fw_task_set_cpus(uint64_t mask)
{
	struct fw_task *cur = fw_task_current();
	unsigned int n = fw_cpu_count();
	uint64_t online = n >= 64 ? ~0ULL : (1ULL << n) - 1;

	if ((mask & online) == 0)
		return -EINVAL;
	if (cur == NULL)
		return 0;
	fw_spin_lock(&fw_sched_lock);
	cur->cpus = (mask & online) == online ? 0 : mask & online;
	fw_spin_unlock(&fw_sched_lock);
	return 0;
}

void
fw_task_exit(void)
{
	struct fw_task *cur = fw_task_current();

	FW_ASSERT(cur != NULL);
	fw_spin_lock(&fw_sched_lock);
	cur->state = FW_TASK_DEAD;
	fw_sched_switch_locked(cur);
	fw_panic("task: a dead task ran again");
}

void
fw_task_set_data(struct fw_task *t, void *data)
{
	t->data = data;
}

void *
fw_task_data(const struct fw_task *t)
{
	return t->data;
}

/*
 * The interrupt stays pending until the task clears it, as a Linux signal
 * stays pending until delivered: every interruptible wait fails with -EINTR
 * meanwhile.  Waking the task makes a wait in progress see it.
 */
void
fw_task_interrupt(struct fw_task *t)
{
	atomic_store(&t->intr, true);
	fw_sched_wakeup(t);
}

bool
fw_task_clear_interrupt(void)
{
	struct fw_task *cur = fw_task_current();

	FW_ASSERT(cur != NULL);
	return atomic_exchange(&cur->intr, false);
}

void
fw_task_switches(const struct fw_task *t, uint64_t *vol, uint64_t *invol)
{
	*vol = atomic_load_explicit(&t->nvcsw, memory_order_relaxed);
	*invol = atomic_load_explicit(&t->nivcsw, memory_order_relaxed);
}

/*
 * The CPU loop adds each finished slice under fw_sched_lock while the task
 * is off the CPU; the task itself reads only while it runs, so the two
 * never meet.
 */
void
fw_task_exclude_time(uint64_t ns)
{
	struct fw_task *cur = fw_task_current();

	FW_ASSERT(cur != NULL);
	cur->slice_start += ns;
}

uint64_t
fw_task_runtime(void)
{
	struct fw_task *cur = fw_task_current();

	uint64_t now;

	FW_ASSERT(cur != NULL);
	now = fw_clock_monotonic();
	return cur->runtime + (now > cur->slice_start ? now - cur->slice_start :
	    0);
}
