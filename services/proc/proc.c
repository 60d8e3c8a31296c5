/*
 * proc/proc.c: process and thread objects: pid allocation, Linux's default
 * limits, exit and the wait for a process's end.
 *
 * Interface: proc_new, proc_free, thread_new, proc_exit, proc_wait_dead,
 * the process table (proc_find_locked, proc_search_locked) and the
 * supplementary group lists' counts (svc/proc.h).  Locks: proc_pids.lock
 * guards the pid counter and the set of pids in use; proc_table_lock the
 * table; proc->lock the fields marked [p].
 */
#include <fw/alloc.h>
#include <fw/errno.h>
#include <fw/panic.h>
#include <fw/task.h>
#include <fw/spinlock.h>
#include <fw/timer.h>
#include <fw/waitq.h>
#include <svc/lib.h>
#include <svc/pidfd.h>
#include <svc/proc.h>
#include "signal_impl.h"

/*
 * Linux's pid_max default.  Pids are handed out in increasing order and
 * wrap to PROC_PID_WRAP (Linux's RESERVED_PIDS), skipping those in use; a
 * pid is in use from proc_new until proc_free (so a zombie keeps its pid).
 */
#define PROC_PID_MAX	32768
#define PROC_PID_WRAP	300

static struct {
	struct fw_spinlock	lock;
	int			next;		/* [lock] */
	uint64_t		used[PROC_PID_MAX / 64];	/* [lock] */
} proc_pids = { FW_SPINLOCK_INIT, 2, { 0 } };

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

/* The process table (svc/proc.h): pid to process, [proc_table_lock]. */
struct fw_mutex proc_table_lock;
static struct proc *proc_table[PROC_PID_MAX] FW_GUARDED_BY(proc_table_lock);

static bool
proc_pid_used_locked(int pid) FW_REQUIRES(&proc_pids.lock)
{
	return (proc_pids.used[pid / 64] >> (pid % 64)) & 1;
}

static void
proc_pid_mark_locked(int pid, bool used) FW_REQUIRES(&proc_pids.lock)
{
	uint64_t bit = 1ULL << (pid % 64);

	if (used)
		proc_pids.used[pid / 64] |= bit;
	else
		proc_pids.used[pid / 64] &= ~bit;
}

/* The next free pid, or -EAGAIN when every one is in use. */
static int
proc_alloc_pid(void)
{
	int pid = -EAGAIN, n, cand;

	fw_spin_lock(&proc_pids.lock);
	for (n = 0, cand = proc_pids.next; n < PROC_PID_MAX; n++, cand++) {
		if (cand >= PROC_PID_MAX)
			cand = PROC_PID_WRAP;
		if (!proc_pid_used_locked(cand)) {
			pid = cand;
			proc_pid_mark_locked(pid, true);
			proc_pids.next = pid + 1;
			break;
		}
	}
	fw_spin_unlock(&proc_pids.lock);
	return pid;
}

static void
proc_free_pid(int pid)
{
	fw_spin_lock(&proc_pids.lock);
	proc_pid_mark_locked(pid, false);
	fw_spin_unlock(&proc_pids.lock);
}

int
proc_new(int pid, int ppid, struct proc **out)
{
	struct proc *p;

	FW_ASSERT(pid >= 0 && pid < PROC_PID_MAX);
	if (pid == 0) {
		if ((pid = proc_alloc_pid()) < 0)
			return pid;
	} else {				/* a fixed pid: pid 1 */
		fw_spin_lock(&proc_pids.lock);
		proc_pid_mark_locked(pid, true);
		fw_spin_unlock(&proc_pids.lock);
	}
	if ((p = fw_zalloc(1, sizeof(*p))) == NULL ||
	    sighand_new(&p->sighand) < 0) {
		fw_free(p);
		proc_free_pid(pid);
		return -ENOMEM;
	}
	fw_mutex_init(&p->lock);
	fw_waitq_init(&p->exit_wq);
	fw_waitq_init(&p->child_wq);
	fw_waitq_init(&p->stop_wq);
	p->exit_signal = LINUX_SIGCHLD;
	p->pid = p->pgid = p->sid = pid;
	p->ppid = ppid;
	p->dumpable = true;
	p->start_time = fw_clock_monotonic();
	memcpy(p->rlim, proc_default_rlim, sizeof(p->rlim));
	fw_mutex_lock(&proc_table_lock);
	proc_table[pid] = p;
	fw_mutex_unlock(&proc_table_lock);
	*out = p;
	return 0;
}

void
proc_free(struct proc *p)
{
	if (p == NULL)
		return;
	fw_mutex_lock(&proc_table_lock);	/* waits out every finder */
	proc_table[p->pid] = NULL;
	pidfd_freed_locked(p);			/* its pidfds hang up */
	fw_mutex_unlock(&proc_table_lock);
	proc_free_pid(p->pid);
	proc_groups_unref(p->groups);
	sighand_unref(p->sighand);
	fw_free(p);
}

struct proc *
proc_find_locked(int pid)
{
	if (pid <= 0 || pid >= PROC_PID_MAX)
		return NULL;
	return proc_table[pid];
}

struct proc *
proc_search_locked(bool (*match)(struct proc *p, void *arg), void *arg)
{
	int pid;

	/* A thread's tid maps to its process too: only the pid counts here. */
	for (pid = 1; pid < PROC_PID_MAX; pid++)
		if (proc_table[pid] != NULL && proc_table[pid]->pid == pid &&
		    match(proc_table[pid], arg))
			return proc_table[pid];
	return NULL;
}

struct proc_groups *
proc_groups_ref(struct proc_groups *g)
{
	if (g != NULL)
		atomic_fetch_add(&g->nref, 1);
	return g;
}

void
proc_groups_unref(struct proc_groups *g)
{
	if (g != NULL && atomic_fetch_sub(&g->nref, 1) == 1)
		fw_free(g);
}

/* Frees a tid that is not its process's pid. */
static void
proc_free_tid(int tid)
{
	fw_mutex_lock(&proc_table_lock);
	proc_table[tid] = NULL;
	fw_mutex_unlock(&proc_table_lock);
	proc_free_pid(tid);
}

/* A new thread with tid, last on p's list (the first takes signals). */
static int
thread_alloc(struct proc *p, int tid, struct thread **out)
{
	struct thread *t, **link;

	if ((t = fw_zalloc(1, sizeof(*t))) == NULL)
		return -ENOMEM;
	t->proc = p;
	t->tid = tid;
	t->altstack_flags = LINUX_SS_DISABLE;
	t->sys_nr = -1;
	fw_mutex_lock(&p->lock);
	if (p->exiting && p->threads != NULL) {
		fw_mutex_unlock(&p->lock);
		fw_free(t);
		return -EINTR;
	}
	p->nthreads++;
	for (link = &p->threads; *link != NULL; link = &(*link)->next_thread)
		continue;
	*link = t;
	fw_mutex_unlock(&p->lock);
	*out = t;
	return 0;
}

int
thread_new(struct proc *p, struct thread **out)
{
	return thread_alloc(p, p->pid, out);
}

int
thread_new_tid(struct proc *p, struct thread **out)
{
	int tid, err;

	if ((tid = proc_alloc_pid()) < 0)
		return tid;
	fw_mutex_lock(&proc_table_lock);
	proc_table[tid] = p;
	fw_mutex_unlock(&proc_table_lock);
	if ((err = thread_alloc(p, tid, out)) < 0)
		proc_free_tid(tid);
	return err;
}

bool
thread_free(struct thread *t)
{
	struct proc *p = t->proc;
	struct thread **link;
	bool last;

	pidfd_thread_ended(t);
	fw_mutex_lock(&p->lock);
	for (link = &p->threads; *link != NULL; link = &(*link)->next_thread)
		if (*link == t) {
			*link = t->next_thread;
			break;
		}
	p->nqueued -= sigpending_flush(&t->pending);
	p->utime += atomic_load(&t->utime);
	p->stime += atomic_load(&t->stime);
	p->minflt += atomic_load(&t->minflt);
	if (t->task != NULL) {			/* its own, ending */
		uint64_t v, iv;

		fw_task_switches(t->task, &v, &iv);
		p->nvcsw += v;
		p->nivcsw += iv;
	}
	last = --p->nthreads == 0;
	if (last) {
		p->nqueued -= sigpending_flush(&p->shared_pending);
		if (!p->exiting) {	/* the last exit(2) sets the status */
			p->exiting = true;
			p->exit_code = t->exit_code;
		}
	}
	/* A thread waiting in execve (thread_group_leave) counts us. */
	atomic_fetch_add(&p->sig_seq, 1);
	fw_waitq_wake_all(&p->stop_wq);
	fw_mutex_unlock(&p->lock);
	if (t->tid != p->pid)
		proc_free_tid(t->tid);
	fdtable_unref(t->fds);
	fs_struct_unref(t->fs);
	fw_free(t);
	return last;
}

void
proc_exit(struct proc *p, int wstatus)
{
	fw_mutex_lock(&p->lock);
	if (!p->exiting) {
		p->exiting = true;
		p->exit_code = wstatus;
		signal_wake_all_locked(p);	/* every thread leaves */
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

struct leave_cond {
	struct proc	*p;
	unsigned int	 seen;
};

/* The wait condition of thread_group_leave: reads only an atomic. */
static bool
leave_progress(void *arg)
{
	struct leave_cond *c = arg;

	return atomic_load(&c->p->sig_seq) != c->seen;
}

int
thread_group_leave(struct thread *t)
{
	struct proc *p = t->proc;
	struct leave_cond c = { p, 0 };
	struct thread *o;
	int old;

	fw_mutex_lock(&p->lock);
	for (;;) {
		if (p->exiting || t->exiting) {
			fw_mutex_unlock(&p->lock);
			return -EINTR;
		}
		if (p->nthreads == 1)
			break;
		for (o = p->threads; o != NULL; o = o->next_thread)
			if (o != t && !o->exiting) {
				o->exiting = true;
				signal_wake_locked(p, o);
			}
		c.seen = atomic_load(&p->sig_seq);
		fw_mutex_unlock(&p->lock);
		while (fw_waitq_wait(&p->stop_wq, leave_progress, &c,
		    FW_NO_DEADLINE, false) != 0)
			continue;
		fw_mutex_lock(&p->lock);
	}
	old = t->tid;
	t->tid = p->pid;		/* the survivor leads (de_thread) */
	fw_mutex_unlock(&p->lock);
	if (old != p->pid)
		proc_free_tid(old);
	return 0;
}

void
proc_cputime(struct proc *p, bool children, uint64_t *utime, uint64_t *stime)
{
	struct thread *t;

	fw_mutex_lock(&p->lock);
	if (children) {
		*utime = p->cutime;
		*stime = p->cstime;
	} else {
		*utime = p->utime;
		*stime = p->stime;
		for (t = p->threads; t != NULL; t = t->next_thread) {
			*utime += atomic_load(&t->utime);
			*stime += atomic_load(&t->stime);
		}
	}
	fw_mutex_unlock(&p->lock);
}
