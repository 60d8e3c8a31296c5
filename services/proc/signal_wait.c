/*
 * proc/signal_wait.c: what the waiting calls need of the signal queues
 * (svc/signal.h): whether a wait must end for the delivery point, a look
 * at and a take from the pending queues (signalfd(2)), the temporary mask
 * of ppoll(2), pselect6(2) and epoll_pwait(2) (fs/select.c
 * set_user_sigmask and restore_saved_sigmask_unless), and the heads that
 * signalfd's readiness hangs on.
 *
 * A head per process would die with the process while an epoll item made
 * by it still hangs there (Linux wakes such items with POLLFREE).  Here a
 * fixed table of heads, chosen by pid, is never freed: a process whose
 * pid shares a head with another's wakes its signalfd pollers for nothing,
 * which they check and ignore (Linux's own signalfd wakes on any signal).
 *
 * Interface: signal_pending, signal_peek, signal_dequeue,
 * signal_mask_swap, signal_mask_done, signal_pollhead (svc/signal.h);
 * signal_poll_wake (proc/signal_impl.h).
 * Locks: proc->lock for the queues and masks; the heads lock themselves.
 */
#include <svc/poll.h>
#include <svc/proc.h>
#include <svc/signal.h>
#include "signal_impl.h"

#define SIGNAL_HEADS	64

static struct pollhead signal_heads[SIGNAL_HEADS];

struct pollhead *
signal_pollhead(const struct proc *p)
{
	return &signal_heads[(unsigned int)p->pid % SIGNAL_HEADS];
}

void
signal_poll_wake(struct proc *p)
{
	poll_notify(signal_pollhead(p), LINUX_EPOLLIN | LINUX_EPOLLRDNORM);
}

bool
signal_pending(struct thread *t)
{
	struct proc *p = t->proc;
	bool pending;

	fw_mutex_lock(&p->lock);
	pending = p->exiting || t->exiting || p->stop_signal != 0 ||
	    ((t->pending.set | p->shared_pending.set) & ~t->sigmask) != 0;
	fw_mutex_unlock(&p->lock);
	return pending;
}

uint64_t
signal_peek(struct thread *t, uint64_t set)
{
	struct proc *p = t->proc;
	uint64_t pending;

	fw_mutex_lock(&p->lock);
	pending = (t->pending.set | p->shared_pending.set) & set;
	fw_mutex_unlock(&p->lock);
	return pending;
}

int
signal_dequeue(struct thread *t, uint64_t set, struct linux_siginfo *info)
{
	struct proc *p = t->proc;
	int sig;

	fw_mutex_lock(&p->lock);
	sig = signal_dequeue_locked(p, t, set, info);
	fw_mutex_unlock(&p->lock);
	return sig;
}

void
signal_mask_swap(struct thread *t, uint64_t mask)
{
	struct proc *p = t->proc;

	fw_mutex_lock(&p->lock);
	t->saved_mask = t->sigmask;
	t->restore_mask = true;
	t->sigmask = mask & ~SIG_UNBLOCKABLE;
	fw_mutex_unlock(&p->lock);
}

void
signal_mask_done(struct thread *t, bool interrupted)
{
	struct proc *p = t->proc;

	/* Interrupted: the handler's frame saves the old mask, then it is
	 * restored on the way out (signal_work). */
	if (!t->restore_mask || interrupted)
		return;
	fw_mutex_lock(&p->lock);
	t->sigmask = t->saved_mask;
	fw_mutex_unlock(&p->lock);
	t->restore_mask = false;
}
