/*
 * proc/signal_impl.h: what the parts of the signal service share and no
 * one else needs (services/proc/signal*.c, sigframe.c, sys_sig*.c).
 * Locks: as in svc/signal.h; *_locked under proc->lock of p.
 */
#ifndef PROC_SIGNAL_IMPL_H
#define PROC_SIGNAL_IMPL_H

#include <svc/proc.h>
#include <svc/signal.h>

/* Whether sig's default action stops the process / does nothing. */
bool	sig_default_stops(int sig);
bool	sig_default_ignores(int sig);
/*
 * Takes the oldest entry of sig (pending in q) into *out; a signal pending
 * without an entry gives a bare siginfo (SI_KERNEL).  Returns sig.
 */
int	signal_queue_take_locked(struct proc *p, struct sigpending *q, int sig,
	    struct linux_siginfo *out) FW_REQUIRES(&p->lock);

/*
 * Makes t, a thread of p, notice its signals now: interrupts its sleep and
 * kicks it out of user mode.  Under p->lock, which keeps t alive.
 */
void			signal_wake_locked(struct proc *p, struct thread *t)
			    FW_REQUIRES(&p->lock);
/* Wakes every thread of p (exit, stop); under p->lock. */
void			signal_wake_all_locked(struct proc *p)
			    FW_REQUIRES(&p->lock);
/*
 * Takes the next signal of allowed pending for t, a thread of p
 * (synchronous ones first,
 * then the lowest; t's own queue before its process's) into *info.
 * Returns it, or 0.
 */
int	signal_dequeue_locked(struct proc *p, struct thread *t,
	    uint64_t allowed, struct linux_siginfo *info)
	    FW_REQUIRES(&p->lock);
/* Tells p's signalfd pollers a signal was queued (signal_wait.c). */
void	signal_poll_wake(struct proc *p);
/* Throws away what is pending of sig in every queue of p. */
void	signal_discard_locked(struct proc *p, int sig) FW_REQUIRES(&p->lock);

#endif
