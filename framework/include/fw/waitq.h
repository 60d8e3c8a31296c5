/*
 * fw/waitq.h: wait queues.  A task waits until a condition callback holds;
 * a waker changes the state, then calls fw_waitq_wake_*().  The condition
 * is checked after the task is queued, so a wake-up between the check and
 * the sleep is never lost.  Embeddable; zero-initialised is valid.
 * Locks: internal; cond runs without the queue's lock, and must not sleep.
 */
#ifndef FW_WAITQ_H
#define FW_WAITQ_H

#include <fw/spinlock.h>

struct fw_waiter;

struct fw_waitq {
	struct fw_spinlock	 lock;
	struct fw_waiter	*head;		/* [lock] */
};

typedef bool (*fw_wait_cond_fn)(void *arg);

#define FW_NO_DEADLINE	UINT64_MAX

/* Makes wq an empty queue (a zeroed one already is). */
void	fw_waitq_init(struct fw_waitq *wq);
/*
 * Sleeps until cond(arg) is true (0), the monotonic clock reaches deadline
 * (-ETIMEDOUT; FW_NO_DEADLINE waits forever) or the task is interrupted by
 * fw_task_interrupt() (-EINTR; only when interruptible).  cond is checked
 * first, so a true condition returns 0 without sleeping.
 */
FW_MUST_CHECK int	fw_waitq_wait(struct fw_waitq *wq, fw_wait_cond_fn cond,
			    void *arg, uint64_t deadline, bool interruptible);
/* Wakes every waiter / the oldest waiter, to re-check its condition. */
void			fw_waitq_wake_all(struct fw_waitq *wq);
void			fw_waitq_wake_one(struct fw_waitq *wq);

#endif
