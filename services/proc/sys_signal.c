/*
 * proc/sys_signal.c: rt_sigaction(2) and rt_sigprocmask(2), as
 * bookkeeping: actions and the mask are stored and reported; delivery
 * comes with the signal service.  Checks follow kernel/signal.c's order.
 * Locks: proc->lock for the actions; the mask is the thread's own.
 */
#include <fw/errno.h>
#include <fw/uaccess.h>
#include <svc/proc.h>
#include <svc/syscall.h>
#include <uapi/signal.h>

/* The signals no action or mask can touch. */
#define SIG_UNBLOCKABLE	(LINUX_SIGBIT(LINUX_SIGKILL) | \
			 LINUX_SIGBIT(LINUX_SIGSTOP))

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
	old = p->sigaction[sig - 1];
	if (uact.v != 0)
		p->sigaction[sig - 1] = act;
	fw_mutex_unlock(&p->lock);
	if (uold.v != 0)
		return fw_copy_to_user(p->vm, uold, &old, sizeof(old));
	return 0;
}

SYSCALL(rt_sigprocmask)
{
	uint64_t how = a->a[0], set, old = t->sigmask;
	fw_uaddr_t uset = fw_uaddr(a->a[1]), uold = fw_uaddr(a->a[2]);
	int err;

	if (a->a[3] != sizeof(uint64_t))
		return -EINVAL;
	if (uset.v != 0) {
		if ((err = fw_copy_from_user(t->proc->vm, &set, uset,
		    sizeof(set))) < 0)
			return err;
		set &= ~SIG_UNBLOCKABLE;
		if (how == LINUX_SIG_BLOCK)
			t->sigmask |= set;
		else if (how == LINUX_SIG_UNBLOCK)
			t->sigmask &= ~set;
		else if (how == LINUX_SIG_SETMASK)
			t->sigmask = set;
		else
			return -EINVAL;
	}
	if (uold.v != 0)
		return fw_copy_to_user(t->proc->vm, uold, &old, sizeof(old));
	return 0;
}
