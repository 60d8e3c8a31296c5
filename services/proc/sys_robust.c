/*
 * proc/sys_robust.c: set_robust_list(2), bookkeeping for the futex
 * service, and rseq(2), which is not offered: C libraries fall back when
 * it answers ENOSYS.  No locks: the fields are the thread's own.
 */
#include <fw/errno.h>
#include <svc/proc.h>
#include <svc/syscall.h>
#include <uapi/misc.h>

SYSCALL(set_robust_list)
{
	if (a->a[1] != LINUX_ROBUST_LIST_HEAD_SIZE)
		return -EINVAL;
	t->robust_list = a->a[0];
	t->robust_len = a->a[1];
	return 0;
}

SYSCALL(rseq)
{
	return -ENOSYS;
}
