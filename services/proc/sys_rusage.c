/*
 * proc/sys_rusage.c: getrusage(2) and times(2).  The CPU times are
 * counted per thread (proc/thread.c: user time is the time in user mode
 * less what the thread's task ran meanwhile; system time is the task's
 * run time), summed over a process's threads, and over its reaped
 * children for RUSAGE_CHILDREN.  No page-fault, context-switch or
 * resident-set counters reach the services: those fields stay zero.
 *
 * Locks: proc->lock inside proc_cputime.
 */
#include <fw/errno.h>
#include <fw/timer.h>
#include <fw/uaccess.h>
#include <svc/proc.h>
#include <svc/syscall.h>
#include <uapi/resource.h>

#define NS_PER_TICK	(1000000000ULL / LINUX_USER_HZ)

static struct linux_timeval
rusage_tv(uint64_t ns)
{
	struct linux_timeval tv;

	tv.tv_sec = (int64_t)(ns / 1000000000ULL);
	tv.tv_usec = (int64_t)(ns % 1000000000ULL / 1000);
	return tv;
}

void
rusage_fill(uint64_t utime, uint64_t stime, struct linux_rusage *ru)
{
	*ru = (struct linux_rusage){ 0 };
	ru->utime = rusage_tv(utime);
	ru->stime = rusage_tv(stime);
}

/* getrusage(who, usage): -EINVAL for an unknown who, -EFAULT. */
SYSCALL(getrusage)
{
	struct linux_rusage ru;
	int who = (int)a->a[0];
	uint64_t ut, st;

	switch (who) {
	case LINUX_RUSAGE_SELF:
	case LINUX_RUSAGE_CHILDREN:
		proc_cputime(t->proc, who == LINUX_RUSAGE_CHILDREN, &ut, &st);
		break;
	case LINUX_RUSAGE_THREAD:
		ut = atomic_load(&t->utime);
		st = atomic_load(&t->stime);
		break;
	default:
		return -EINVAL;
	}
	rusage_fill(ut, st, &ru);
	return fw_copy_to_user(t->proc->vm, fw_uaddr(a->a[1]), &ru, sizeof(ru));
}

/* times(buf): clock ticks since boot; buf (NULL ok) gets the times. */
SYSCALL(times)
{
	struct linux_tms tms;
	uint64_t ut, st, cut, cst;
	int err;

	proc_cputime(t->proc, false, &ut, &st);
	proc_cputime(t->proc, true, &cut, &cst);
	tms.utime = (int64_t)(ut / NS_PER_TICK);
	tms.stime = (int64_t)(st / NS_PER_TICK);
	tms.cutime = (int64_t)(cut / NS_PER_TICK);
	tms.cstime = (int64_t)(cst / NS_PER_TICK);
	if (a->a[0] != 0 && (err = fw_copy_to_user(t->proc->vm,
	    fw_uaddr(a->a[0]), &tms, sizeof(tms))) < 0)
		return err;
	return (long)(fw_clock_monotonic() / NS_PER_TICK);
}
