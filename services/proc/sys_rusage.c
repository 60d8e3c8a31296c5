/*
 * proc/sys_rusage.c: getrusage(2) and times(2).  The CPU times are
 * counted per thread (proc/thread.c: user time is the time in user mode
 * less what the thread's task ran meanwhile; system time is the task's
 * run time), summed over a process's threads, and over its reaped
 * children for RUSAGE_CHILDREN; so are the page faults the threads take
 * (all minor).  ru_maxrss is the high-water mark of the resident set, of
 * the address space now and those left behind by execve.  Context
 * switches are not counted: those fields stay zero.
 *
 * Locks: proc->lock inside proc_cputime and proc_memusage, then the vm's.
 */
#include <fw/errno.h>
#include <fw/task.h>
#include <fw/timer.h>
#include <fw/uaccess.h>
#include <fw/vm.h>
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
rusage_fill(uint64_t utime, uint64_t stime, uint64_t minflt, uint64_t maxrss,
    struct linux_rusage *ru)
{
	*ru = (struct linux_rusage){ 0 };
	ru->utime = rusage_tv(utime);
	ru->stime = rusage_tv(stime);
	ru->minflt = (int64_t)minflt;
	ru->maxrss = (int64_t)(maxrss * (FW_PAGE_SIZE / 1024));	/* kB */
}

void
proc_note_maxrss(struct proc *p)
{
	uint64_t pages, peak;

	if (p->vm == NULL)
		return;
	fw_vm_resident(p->vm, &pages, &peak);
	if (peak > p->maxrss)
		p->maxrss = peak;
}

void
proc_memusage(struct proc *p, bool children, uint64_t *minflt,
    uint64_t *maxrss)
{
	struct thread *t;

	fw_mutex_lock(&p->lock);
	if (children) {
		*minflt = p->cminflt;
		*maxrss = p->cmaxrss;
	} else {
		proc_note_maxrss(p);
		*minflt = p->minflt;
		*maxrss = p->maxrss;
		for (t = p->threads; t != NULL; t = t->next_thread)
			*minflt += atomic_load(&t->minflt);
	}
	fw_mutex_unlock(&p->lock);
}

/*
 * p's context switches: its threads', live and ended (self), or its reaped
 * children's (children).  Takes p->lock.
 */
static void
proc_switches(struct proc *p, bool children, uint64_t *vol, uint64_t *invol)
{
	struct thread *t;
	uint64_t v, iv;

	fw_mutex_lock(&p->lock);
	*vol = children ? p->cnvcsw : p->nvcsw;
	*invol = children ? p->cnivcsw : p->nivcsw;
	for (t = p->threads; !children && t != NULL; t = t->next_thread) {
		if (t->task == NULL)
			continue;
		fw_task_switches(t->task, &v, &iv);
		*vol += v;
		*invol += iv;
	}
	fw_mutex_unlock(&p->lock);
}

/* getrusage(who, usage): -EINVAL for an unknown who, -EFAULT. */
SYSCALL(getrusage)
{
	struct linux_rusage ru;
	int who = (int)a->a[0];
	uint64_t ut, st, flt, rss, v = 0, iv = 0;

	switch (who) {
	case LINUX_RUSAGE_SELF:
	case LINUX_RUSAGE_CHILDREN:
		proc_cputime(t->proc, who == LINUX_RUSAGE_CHILDREN, &ut, &st);
		proc_memusage(t->proc, who == LINUX_RUSAGE_CHILDREN, &flt,
		    &rss);
		proc_switches(t->proc, who == LINUX_RUSAGE_CHILDREN, &v, &iv);
		break;
	case LINUX_RUSAGE_THREAD:
		ut = atomic_load(&t->utime);
		st = atomic_load(&t->stime);
		/* The peak is the address space's, as Linux has it. */
		proc_memusage(t->proc, false, &flt, &rss);
		flt = atomic_load(&t->minflt);
		if (t->task != NULL)
			fw_task_switches(t->task, &v, &iv);
		break;
	default:
		return -EINVAL;
	}
	rusage_fill(ut, st, flt, rss, &ru);
	ru.nvcsw = (int64_t)v;
	ru.nivcsw = (int64_t)iv;
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
