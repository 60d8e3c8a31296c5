/*
 * proc/sys_sigaltstack.c: sigaltstack(2), following kernel/signal.c
 * do_sigaltstack(): the flags are stored as given (the signal frame saves
 * them so), the old ones are reported with SS_ONSTACK while the thread runs
 * on the stack, and the stack cannot change then (EPERM).  No locks: the
 * fields are the thread's own.
 */
#include <fw/errno.h>
#include <fw/string.h>
#include <fw/uaccess.h>
#include <svc/proc.h>
#include <svc/signal.h>
#include <svc/syscall.h>
#include <uapi/signal.h>

SYSCALL(sigaltstack)
{
	struct linux_stack ss, old;
	fw_uaddr_t uss = fw_uaddr(a->a[0]), uold = fw_uaddr(a->a[1]);
	bool on = sigframe_on_altstack(t, t->ctx.rsp);
	uint32_t mode;
	int err;

	memset(&old, 0, sizeof(old));
	old.ss_sp = t->altstack_sp;
	old.ss_size = t->altstack_size;
	old.ss_flags = (t->altstack_size == 0 ? LINUX_SS_DISABLE :
	    on ? LINUX_SS_ONSTACK : 0) |
	    (int)((uint32_t)t->altstack_flags & LINUX_SS_AUTODISARM);
	if (uss.v != 0) {
		if ((err = fw_copy_from_user(t->proc->vm, &ss, uss,
		    sizeof(ss))) < 0)
			return err;
		if (on)
			return -EPERM;
		mode = (uint32_t)ss.ss_flags & ~LINUX_SS_AUTODISARM;
		if (mode != LINUX_SS_DISABLE && mode != LINUX_SS_ONSTACK &&
		    mode != 0)
			return -EINVAL;
		if (mode == LINUX_SS_DISABLE) {
			ss.ss_sp = 0;
			ss.ss_size = 0;
		} else if (ss.ss_size < LINUX_MINSIGSTKSZ) {
			return -ENOMEM;
		}
		t->altstack_sp = ss.ss_sp;
		t->altstack_size = ss.ss_size;
		t->altstack_flags = ss.ss_flags;
	}
	if (uold.v != 0)
		return fw_copy_to_user(t->proc->vm, uold, &old, sizeof(old));
	return 0;
}
