/*
 * fw/task.h: kernel tasks, the unit the framework schedules.  Each has its
 * own kernel stack; a task runs until it sleeps, yields, exits, or runs user
 * code (fw_user_enter()); kernel mode is not preempted.  Services attach
 * their own data (a thread, say) with fw_task_set_data().
 *
 * Scheduling policy is injected: fw_sched_set() replaces the default
 * per-CPU FIFO.  The policy's hooks run under the scheduler's lock of the
 * CPU named, must not sleep, and see tasks only through their handles.
 */
#ifndef FW_TASK_H
#define FW_TASK_H

#include <fw/types.h>

struct fw_task;					/* opaque */

typedef void (*fw_task_fn)(void *arg);

/*
 * Creates a runnable task that calls fn(arg) and exits when fn returns.
 * *out, if not NULL, gets a borrowed pointer, valid until the task exits.
 * -ENOMEM.
 */
FW_MUST_CHECK int	 fw_task_spawn(fw_task_fn fn, void *arg,
			    struct fw_task **out);
struct fw_task		*fw_task_current(void);
/* Lets other runnable tasks run first. */
void			 fw_task_yield(void);
/* Ends the current task; its stack is freed after it has switched away. */
FW_NORETURN void	 fw_task_exit(void);
void			 fw_task_set_data(struct fw_task *t, void *data);
/*
 * Restricts the current task to the CPUs in mask (bit i: CPU i; the
 * framework runs at most 64 CPUs, and bits past fw_cpu_count() are
 * ignored): 0, or -EINVAL when no CPU is left.  The task moves at its
 * next scheduling point (fw_task_yield() makes one).  Takes the
 * scheduler's lock.
 */
FW_MUST_CHECK int	 fw_task_set_cpus(uint64_t mask);
void			*fw_task_data(const struct fw_task *t);
/*
 * Interrupts t's interruptible wait (fw/waitq.h), now or at its next one,
 * which then returns -EINTR.  For signals.  Any task may call it.
 */
void			 fw_task_interrupt(struct fw_task *t);
/* Clears a pending interrupt of the current task; returns whether it was. */
bool			 fw_task_clear_interrupt(void);
/*
 * Nanoseconds the current task has run on a CPU since it was created, the
 * slice under way included; time asleep (in fw_user_enter() too, while user
 * code runs on the simulator) does not count.
 */
uint64_t		 fw_task_runtime(void);
/*
 * How often t gave up its CPU: asleep in a wait queue (voluntary, as
 * getrusage's ru_nvcsw counts) and by fw_task_yield() (ru_nivcsw: there is
 * no preemption of tasks).  Counters of t's own, read without a lock; any
 * task may ask while t exists.
 */
void			 fw_task_switches(const struct fw_task *t,
			    uint64_t *vol, uint64_t *invol);

/* The link a policy keeps a task on its queues with. */
struct fw_sched_link {
	struct fw_sched_link	*next, *prev;
};

struct fw_sched_policy {
	/* Queues t, made runnable; returns the CPU whose queue took it. */
	unsigned int	(*enqueue)(struct fw_task *t,
			    struct fw_sched_link *link);
	/* Takes the next task of cpu's queue, or returns NULL. */
	struct fw_task	*(*pick_next)(unsigned int cpu);
};

/* Injects a policy before the first task runs; p must stay valid. */
void			 fw_sched_set(const struct fw_sched_policy *p);
/* For policies: the task that owns a link given to enqueue. */
struct fw_task		*fw_sched_link_task(struct fw_sched_link *link);

#endif
