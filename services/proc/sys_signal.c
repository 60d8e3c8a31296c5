/*
 * proc/sys_signal.c: rt_sigaction(2) and rt_sigprocmask(2).  Checks follow
 * kernel/signal.c's order.  Setting an action to be ignored (SIG_IGN, or
 * SIG_DFL of a signal ignored by default) throws away what is pending of
 * it, as POSIX asks, in the caller's process only (a table shared by
 * CLONE_SIGHAND changes for every sharer).  Locks: proc->lock for the masks
 * and pending sets, then the table's own lock.
 */
#include <fw/errno.h>
#include <fw/uaccess.h>
#include <svc/proc.h>
#include <svc/syscall.h>
#include <uapi/signal.h>
#include "signal_impl.h"

SYSCALL(rt_sigaction)
{
	struct proc *p = t->proc;
	struct linux_sigaction_k act, old;
	uint64_t sig = a->a[0];
	fw_uaddr_t uact = fw_uaddr(a->a[1]), uold = fw_uaddr(a->a[2]);
	int err;

	if (a->a[3] != sizeof(uint64_t))
		return -EINVAL;
	if (sig < 1 || sig > LINUX_NSIG || (uact.v != 0 &&
	    (sig == LINUX_SIGKILL || sig == LINUX_SIGSTOP)))
		return -EINVAL;
	if (uact.v != 0) {
		if ((err = fw_copy_from_user(p->vm, &act, uact,
		    sizeof(act))) < 0)
			return err;
		act.mask &= ~SIG_UNBLOCKABLE;
	}
	fw_mutex_lock(&p->lock);
	if (uact.v == 0)
		old = sigaction_get_locked(p, (int)sig);
	else {
		sigaction_set_locked(p, (int)sig, &act, &old);
		if (act.handler == LINUX_SIG_IGN ||
		    (act.handler == LINUX_SIG_DFL &&
		    sig_default_ignores((int)sig)))
			signal_discard_locked(p, (int)sig);
	}
	fw_mutex_unlock(&p->lock);
	if (uold.v != 0)
		return fw_copy_to_user(p->vm, uold, &old, sizeof(old));
	return 0;
}

SYSCALL(rt_sigprocmask)
{
	struct proc *p = t->proc;
	uint64_t how = a->a[0], set, old = t->sigmask, mask;
	fw_uaddr_t uset = fw_uaddr(a->a[1]), uold = fw_uaddr(a->a[2]);
	int err;

	if (a->a[3] != sizeof(uint64_t))
		return -EINVAL;
	if (uset.v != 0) {
		if ((err = fw_copy_from_user(p->vm, &set, uset,
		    sizeof(set))) < 0)
			return err;
		set &= ~SIG_UNBLOCKABLE;
		if (how == LINUX_SIG_BLOCK)
			mask = old | set;
		else if (how == LINUX_SIG_UNBLOCK)
			mask = old & ~set;
		else if (how == LINUX_SIG_SETMASK)
			mask = set;
		else
			return -EINVAL;
		/* What it unblocks is delivered on the way out (signal_work). */
		fw_mutex_lock(&p->lock);
		t->sigmask = mask;
		fw_mutex_unlock(&p->lock);
	}
	if (uold.v != 0)
		return fw_copy_to_user(p->vm, uold, &old, sizeof(old));
	return 0;
}
