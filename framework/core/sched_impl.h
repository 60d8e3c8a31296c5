/*
 * core/sched_impl.h: tasks and the scheduler, between task.c, sched.c,
 * sched_fifo.c, waitq.c and timer.c.  Never included by services.
 *
 * One global lock, fw_sched_lock, guards every task's state and the policy's
 * queues.  A task switches to its CPU's scheduler loop holding it, and the
 * loop releases it once the task's stack is no longer in use, so a task
 * queued on another CPU is never picked while still running here (xv6's
 * sched()).  A task goes to sleep in two steps, fw_sched_prepare_sleep()
 * and fw_sched_sleep(); a fw_sched_wakeup() between them cancels the sleep.
 *
 * Locks used to protect fields in this file:
 *	I	immutable after fw_task_spawn()
 *	s	fw_sched_lock
 *	c	only the CPU itself
 *	a	atomic
 * Lock order: waitq->lock, timer lock, fw_sched_lock.
 */
#ifndef FW_SCHED_IMPL_H
#define FW_SCHED_IMPL_H

#include <fw/spinlock.h>
#include <fw/task.h>
#include <stdatomic.h>

#define FW_TASK_STACK	((size_t)256 * 1024)

enum fw_task_state {
	FW_TASK_RUNNABLE,	/* on a run queue */
	FW_TASK_RUNNING,	/* on a CPU */
	FW_TASK_SLEEPING,	/* waiting for fw_sched_wakeup() */
	FW_TASK_DEAD,		/* exited; freed by the scheduler loop */
};

struct fw_task {
	struct fw_sched_link	 link;		/* [s] the policy's */
	void			*sp;		/* [s] saved stack pointer */
	enum fw_task_state	 state;		/* [s] */
	bool			 oncpu;		/* [s] its stack is in use */
	void			*stack;		/* [I] */
	fw_task_fn		 fn;		/* [I] */
	void			*arg;		/* [I] */
	unsigned int		 vg_stack;	/* [I] Valgrind's stack id */
	void			*data;		/* the services' */
	atomic_bool		 intr;		/* [a] interrupt pending */
	uint64_t		 runtime;	/* [s] ns on a CPU, past slices */
	uint64_t		 cpus;		/* [s] allowed CPUs; 0: any */
	uint64_t		 slice_start;	/* [s] when the slice began */
	/* Switches: asleep in a wait queue; yielding the CPU (fw/task.h). */
	_Atomic uint64_t	 nvcsw, nivcsw;	/* [a] */
};

struct fw_cpu {
	void		*sched_sp;	/* [c] the loop's saved stack */
	struct fw_task	*cur;		/* [c] the running task, or NULL */
	const void	*sched_stack;	/* [c] the loop's stack, for ASan */
	size_t		 sched_stack_size;	/* [c] */
	uint64_t	 next_tick;	/* [c] */
};

extern struct fw_spinlock		 fw_sched_lock;
extern const struct fw_sched_policy	 fw_sched_fifo;

/* Sets up the CPUs' state and the default policy; once, at boot. */
void		 fw_sched_init(void);
void		 fw_sched_fifo_init(unsigned int ncpu);
/* The calling CPU's state. */
struct fw_cpu	*fw_cpu_self(void);
/* Makes t runnable on the policy's queues and wakes the CPU it chose. */
void		 fw_sched_enqueue_locked(struct fw_task *t)
		    FW_REQUIRES(&fw_sched_lock);
/*
 * Switches from the current task to its CPU's scheduler loop; returns, with
 * the lock still held, when the task runs again.
 */
void		 fw_sched_switch_locked(struct fw_task *cur)
		    FW_REQUIRES(&fw_sched_lock);
/* Entry of a new task's stack; the scheduler switched here with the lock. */
void		 fw_task_start(void *arg);
/* Frees a dead task's stack and itself; called with no lock held. */
void		 fw_task_free(struct fw_task *t);

void		 fw_sched_prepare_sleep(void);
bool		 fw_sched_sleep(void);	/* whether it slept */
void		 fw_sched_cancel_sleep(void);
/* Makes a sleeping t runnable, or cancels a sleep it is preparing. */
void		 fw_sched_wakeup(struct fw_task *t);
/*
 * For a backend that runs user mode inside the running task's slice (bare
 * metal): ns of the slice so far were user time, not the task's runtime
 * (fw_task_runtime()).  The running task only, about its own slice.
 */
void		 fw_task_exclude_time(uint64_t ns);

#endif
