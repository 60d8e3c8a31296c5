/*
 * proc/sys_rusage.c: getrusage(2) and times(2).
 *
 * What is not counted reads as zero: the framework keeps no CPU time per
 * task (it has only fw_clock_busy(), for all CPUs), and no page-fault,
 * context-switch or resident-set counters reach the services, so the
 * user and system times, maxrss, the fault and the switch counts are all
 * zero, for a process and for its children alike.  times(2)'s return
 * value, the clock ticks since boot, is real.
 *
 * No locks: nothing per process is read.
 */
#include <fw/errno.h>
#include <fw/timer.h>
#include <fw/uaccess.h>
#include <svc/proc.h>
#include <svc/syscall.h>
#include <uapi/resource.h>

/* getrusage(who, usage): -EINVAL for an unknown who, -EFAULT. */
SYSCALL(getrusage)
{
	struct linux_rusage ru = { 0 };
	int who = (int)a->a[0];

	if (who != LINUX_RUSAGE_SELF && who != LINUX_RUSAGE_CHILDREN &&
	    who != LINUX_RUSAGE_THREAD)
		return -EINVAL;
	return fw_copy_to_user(t->proc->vm, fw_uaddr(a->a[1]), &ru, sizeof(ru));
}

/* times(buf): clock ticks since boot; buf (NULL ok) gets the times. */
SYSCALL(times)
{
	struct linux_tms tms = { 0 };
	int err;

	if (a->a[0] != 0 && (err = fw_copy_to_user(t->proc->vm,
	    fw_uaddr(a->a[0]), &tms, sizeof(tms))) < 0)
		return err;
	return (long)(fw_clock_monotonic() / (1000000000ULL / LINUX_USER_HZ));
}
