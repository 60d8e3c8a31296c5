/*
 * proc/proc.c: process and thread objects: pid allocation, Linux's default
 * limits, exit and the wait for a process's end.
 *
 * Interface: proc_new, proc_free, thread_new, proc_exit, proc_wait_dead
 * (svc/proc.h).  Locks: proc_pids.lock guards the pid counter;
 * proc->lock the fields marked [p].
 */
#include <fw/alloc.h>
#include <fw/errno.h>
#include <fw/spinlock.h>
#include <fw/waitq.h>
#include <svc/lib.h>
#include <svc/proc.h>

/* Linux's pid_max default: pids wrap below it (none are reused yet). */
#define PROC_PID_MAX	32768

static struct {
	struct fw_spinlock	lock;
	int			next;		/* [lock] */
} proc_pids = { FW_SPINLOCK_INIT, 2 };

/* Linux's initial limits (include/asm-generic/resource.h INIT_RLIMITS). */
static const struct linux_rlimit64 proc_default_rlim[PROC_NRLIMIT] = {
	[LINUX_RLIMIT_CPU] = { LINUX_RLIM_INFINITY, LINUX_RLIM_INFINITY },
	[LINUX_RLIMIT_FSIZE] = { LINUX_RLIM_INFINITY, LINUX_RLIM_INFINITY },
	[LINUX_RLIMIT_DATA] = { LINUX_RLIM_INFINITY, LINUX_RLIM_INFINITY },
	[LINUX_RLIMIT_STACK] = { 8ULL << 20, LINUX_RLIM_INFINITY },
	[LINUX_RLIMIT_CORE] = { 0, LINUX_RLIM_INFINITY },
	[LINUX_RLIMIT_RSS] = { LINUX_RLIM_INFINITY, LINUX_RLIM_INFINITY },
	[LINUX_RLIMIT_NPROC] = { 63432, 63432 },
	[LINUX_RLIMIT_NOFILE] = { 1024, 4096 },
	[LINUX_RLIMIT_MEMLOCK] = { 8ULL << 20, 8ULL << 20 },
	[LINUX_RLIMIT_AS] = { LINUX_RLIM_INFINITY, LINUX_RLIM_INFINITY },
	[LINUX_RLIMIT_LOCKS] = { LINUX_RLIM_INFINITY, LINUX_RLIM_INFINITY },
	[LINUX_RLIMIT_SIGPENDING] = { 63432, 63432 },
	[LINUX_RLIMIT_MSGQUEUE] = { 819200, 819200 },
	[LINUX_RLIMIT_NICE] = { 0, 0 },
	[LINUX_RLIMIT_RTPRIO] = { 0, 0 },
	[LINUX_RLIMIT_RTTIME] = { LINUX_RLIM_INFINITY, LINUX_RLIM_INFINITY },
};

_Static_assert(PROC_NRLIMIT == LINUX_RLIM_NLIMITS, "rlimit count");

static int
proc_alloc_pid(void)
{
	int pid = -EAGAIN;

	fw_spin_lock(&proc_pids.lock);
	if (proc_pids.next < PROC_PID_MAX)
		pid = proc_pids.next++;
	fw_spin_unlock(&proc_pids.lock);
	return pid;
}

int
proc_new(int pid, int ppid, struct proc **out)
{
	struct proc *p;

	if (pid == 0 && (pid = proc_alloc_pid()) < 0)
		return pid;
	if ((p = fw_zalloc(1, sizeof(*p))) == NULL)
		return -ENOMEM;
	fw_mutex_init(&p->lock);
	fw_waitq_init(&p->exit_wq);
	p->pid = p->pgid = p->sid = pid;
	p->ppid = ppid;
	p->umask = 022;
	memcpy(p->rlim, proc_default_rlim, sizeof(p->rlim));
	*out = p;
	return 0;
}

void
proc_free(struct proc *p)
{
	fw_free(p);
}

int
thread_new(struct proc *p, struct thread **out)
{
	struct thread *t;

	if ((t = fw_zalloc(1, sizeof(*t))) == NULL)
		return -ENOMEM;
	t->proc = p;
	t->tid = p->pid;
	t->altstack_flags = LINUX_SS_DISABLE;
	fw_mutex_lock(&p->lock);
	p->nthreads++;
	fw_mutex_unlock(&p->lock);
	*out = t;
	return 0;
}

void
proc_exit(struct proc *p, int wstatus)
{
	fw_mutex_lock(&p->lock);
	if (!p->exiting) {
		p->exiting = true;
		p->exit_code = wstatus;
	}
	fw_mutex_unlock(&p->lock);
}

/* The wait condition: must not sleep, so it reads dead atomically. */
static bool
proc_is_dead(void *arg)
{
	struct proc *p = arg;

	return atomic_load(&p->dead);
}

int
proc_wait_dead(struct proc *p)
{
	int status;

	while (fw_waitq_wait(&p->exit_wq, proc_is_dead, p, FW_NO_DEADLINE,
	    false) != 0)
		continue;
	fw_mutex_lock(&p->lock);
	status = p->exit_code;
	fw_mutex_unlock(&p->lock);
	return status;
}
