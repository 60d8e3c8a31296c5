/*
 * proc/sys_sigwait.c: waiting for signals: rt_sigpending(2), pause(2),
 * rt_sigsuspend(2) and rt_sigtimedwait(2).  pause and sigsuspend sleep
 * until a signal is deliverable and return -ERESTARTNOHAND, so the delivery
 * point runs its handler and the call fails with EINTR (or restarts, when
 * nothing ran).  sigsuspend's mask holds until then (restore_mask).
 * sigtimedwait unblocks the signals it waits for while it sleeps, takes one
 * itself and restores the mask, as kernel/signal.c does.
 *
 * Locks: proc->lock for the masks and the queues.
 */
#include <fw/errno.h>
#include <fw/task.h>
#include <fw/timer.h>
#include <fw/uaccess.h>
#include <svc/proc.h>
#include <svc/signal.h>
#include <svc/syscall.h>
#include <svc/time.h>
#include <uapi/time.h>
#include "signal_impl.h"

/* Whether t has a signal its mask lets through, or must leave. */
static bool
sigwait_ready(struct thread *t)
{
	struct proc *p = t->proc;
	bool ready;

	fw_mutex_lock(&p->lock);
	ready = p->exiting || p->stop_signal != 0 ||
	    ((t->pending.set | p->shared_pending.set) & ~t->sigmask) != 0;
	fw_mutex_unlock(&p->lock);
	return ready;
}

/* Sleeps until a signal can be delivered to t. */
static long
sigwait_any(struct thread *t)
{
	/*
	 * An interrupt ends the sleep; sigwait_ready tells if it mattered.  It
	 * is cleared first: a sender queues before it interrupts, so none is
	 * missed, and a stale one (its signal taken meanwhile) cannot spin us.
	 */
	for (;;) {
		(void)fw_task_clear_interrupt();
		if (sigwait_ready(t))
			return -ERESTARTNOHAND;
		if (fw_sleep_until(FW_NO_DEADLINE) == 0)
			continue;
	}
}

SYSCALL(pause)
{
	(void)a;
	return sigwait_any(t);
}

SYSCALL(rt_sigsuspend)
{
	struct proc *p = t->proc;
	uint64_t mask;
	int err;

	if (a->a[1] != sizeof(uint64_t))
		return -EINVAL;
	if ((err = fw_copy_from_user(p->vm, &mask, fw_uaddr(a->a[0]),
	    sizeof(mask))) < 0)
		return err;
	fw_mutex_lock(&p->lock);
	t->saved_mask = t->sigmask;
	t->restore_mask = true;
	t->sigmask = mask & ~SIG_UNBLOCKABLE;
	fw_mutex_unlock(&p->lock);
	return sigwait_any(t);
}

SYSCALL(rt_sigpending)
{
	struct proc *p = t->proc;
	uint64_t set;

	if (a->a[1] > sizeof(set))
		return -EINVAL;
	fw_mutex_lock(&p->lock);
	set = (t->pending.set | p->shared_pending.set) & t->sigmask;
	fw_mutex_unlock(&p->lock);
	return fw_copy_to_user(p->vm, fw_uaddr(a->a[0]), &set, a->a[1]);
}

/*
 * One look for rt_sigtimedwait: a signal of set taken into *info (its
 * number), -EINTR when another signal or the process's end must be dealt
 * with, or 0.
 */
static int
sigwait_take(struct thread *t, uint64_t set, struct linux_siginfo *info)
{
	struct proc *p = t->proc;
	int sig;

	fw_mutex_lock(&p->lock);
	if ((sig = signal_dequeue_locked(p, t, set, info)) == 0 &&
	    (p->exiting || p->stop_signal != 0 ||
	    ((t->pending.set | p->shared_pending.set) & ~t->sigmask) != 0))
		sig = -EINTR;
	fw_mutex_unlock(&p->lock);
	return sig;
}

/* rt_sigtimedwait(set, info, timeout, sigsetsize). */
SYSCALL(rt_sigtimedwait)
{
	struct proc *p = t->proc;
	struct linux_siginfo info;
	struct linux_timespec ts;
	uint64_t set, deadline = FW_NO_DEADLINE, ns, old;
	int sig, err;

	if (a->a[3] != sizeof(uint64_t))
		return -EINVAL;
	if ((err = fw_copy_from_user(p->vm, &set, fw_uaddr(a->a[0]),
	    sizeof(set))) < 0)
		return err;
	set &= ~SIG_UNBLOCKABLE;
	if (a->a[2] != 0) {
		if ((err = fw_copy_from_user(p->vm, &ts, fw_uaddr(a->a[2]),
		    sizeof(ts))) < 0)
			return err;
		if ((err = timespec_to_ns(&ts, &ns)) < 0)
			return err;
		deadline = fw_clock_monotonic();
		deadline = ns > FW_NO_DEADLINE - deadline ? FW_NO_DEADLINE :
		    deadline + ns;
	}
	fw_mutex_lock(&p->lock);
	old = t->sigmask;
	t->sigmask &= ~set;
	fw_mutex_unlock(&p->lock);
	for (;;) {
		(void)fw_task_clear_interrupt();
		if ((sig = sigwait_take(t, set, &info)) != 0)
			break;
		if (fw_clock_monotonic() >= deadline) {
			sig = -EAGAIN;
			break;
		}
		if (fw_sleep_until(deadline) == 0)
			continue;		/* the deadline: checked above */
	}
	fw_mutex_lock(&p->lock);
	t->sigmask = old;
	fw_mutex_unlock(&p->lock);
	if (sig > 0 && a->a[1] != 0 && fw_copy_to_user(p->vm,
	    fw_uaddr(a->a[1]), &info, sizeof(info)) < 0)
		return -EFAULT;
	return sig;
}
