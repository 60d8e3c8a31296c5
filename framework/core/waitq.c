/*
 * core/waitq.c: wait queues (fw/waitq.h).  A waiter lives in the waiting
 * task's stack frame.  The task queues it, marks itself about to sleep,
 * and only then checks its condition: a waker that changed the state
 * before the check is seen by the check, and one that changes it after
 * finds the waiter queued and cancels the sleep (fw_sched_wakeup()), so no
 * wake-up is lost.  A woken waiter is taken off the queue by its waker and
 * queues itself again if it has to wait on.
 *
 * Locks used to protect fields in this file:
 *	q	wq->lock
 * Lock order: wq->lock, then timer_lock, then fw_sched_lock.
 */
#include <fw/errno.h>
#include <fw/panic.h>
#include <fw/task.h>
#include <fw/timer.h>
#include <fw/waitq.h>

#include "core/sched_impl.h"
#include "core/timer_impl.h"

struct fw_waiter {
	struct fw_waiter	*next;		/* [q] */
	struct fw_task		*task;		/* [q] */
	bool			 queued;	/* [q] */
};

void
fw_waitq_init(struct fw_waitq *wq)
{
	fw_spin_init(&wq->lock);
	wq->head = NULL;
}

/* Appends w, so the oldest waiter is at the head. */
static void
waitq_add_locked(struct fw_waitq *wq, struct fw_waiter *w)
	FW_REQUIRES(&wq->lock)
{
	struct fw_waiter **pp;

	for (pp = &wq->head; *pp != NULL; pp = &(*pp)->next)
		;
	w->next = NULL;
	*pp = w;
	w->queued = true;
}

static void
waitq_remove_locked(struct fw_waitq *wq, struct fw_waiter *w)
	FW_REQUIRES(&wq->lock)
{
	struct fw_waiter **pp;

	for (pp = &wq->head; *pp != NULL; pp = &(*pp)->next) {
		if (*pp == w) {
			*pp = w->next;
			break;
		}
	}
	w->queued = false;
}

/* Why the wait should end, or 1 to go on sleeping. */
static int
waitq_check(struct fw_task *cur, fw_wait_cond_fn cond, void *arg,
    uint64_t deadline, bool interruptible)
{
	if (cond(arg))
		return 0;
	if (interruptible && atomic_load(&cur->intr))
		return -EINTR;
	if (deadline != FW_NO_DEADLINE && fw_clock_monotonic() >= deadline)
		return -ETIMEDOUT;
	return 1;
}

int
fw_waitq_wait(struct fw_waitq *wq, fw_wait_cond_fn cond, void *arg,
    uint64_t deadline, bool interruptible)
{
	struct fw_task *cur;
	struct fw_waiter w = { NULL, NULL, false };
	struct fw_timer timer = { 0 };
	int err;

	if (cond(arg))
		return 0;
	cur = fw_task_current();
	FW_ASSERT(cur != NULL);
	w.task = cur;
	if (deadline != FW_NO_DEADLINE)
		fw_timer_add(&timer, deadline, cur);
	for (;;) {
		fw_spin_lock(&wq->lock);
		if (!w.queued)
			waitq_add_locked(wq, &w);
		fw_sched_prepare_sleep();
		fw_spin_unlock(&wq->lock);
		err = waitq_check(cur, cond, arg, deadline, interruptible);
		if (err <= 0)
			break;
		if (fw_sched_sleep())
			atomic_fetch_add_explicit(&cur->nvcsw, 1,
			    memory_order_relaxed);
	}
	fw_sched_cancel_sleep();
	fw_spin_lock(&wq->lock);
	if (w.queued)
		waitq_remove_locked(wq, &w);
	fw_spin_unlock(&wq->lock);
	if (deadline != FW_NO_DEADLINE)
		fw_timer_del(&timer);
	return err;
}

void
fw_waitq_wake_all(struct fw_waitq *wq)
{
	struct fw_waiter *w;

	fw_spin_lock(&wq->lock);
	while ((w = wq->head) != NULL) {
		wq->head = w->next;
		w->queued = false;
		fw_sched_wakeup(w->task);
	}
	fw_spin_unlock(&wq->lock);
}

void
fw_waitq_wake_one(struct fw_waitq *wq)
{
	struct fw_waiter *w;

	fw_spin_lock(&wq->lock);
	if ((w = wq->head) != NULL) {
		wq->head = w->next;
		w->queued = false;
		fw_sched_wakeup(w->task);
	}
	fw_spin_unlock(&wq->lock);
}
