/*
 * proc/cputime.c: limits on CPU time: RLIMIT_CPU (SIGXCPU when the soft
 * limit is passed and every second after, SIGKILL at the hard limit) and
 * the CPU-time interval timers (ITIMER_VIRTUAL counts user time and sends
 * SIGVTALRM, ITIMER_PROF user and system time and sends SIGPROF), and the
 * POSIX timers on CPU-time clocks (svc/ktimer.h, ktimer_cpu_run).  Threads
 * check on their way back to user mode; a thread that computes without
 * system calls is kicked back every KICK_NS by the timer service.
 *
 * Interface: proc_cpu_check, proc_cpu_watch, proc_cpu_clock (svc/proc.h).
 * Locks: p->lock for the limits; the signals are sent after it is dropped.
 */
#include <fw/errno.h>
#include <fw/timer.h>
#include <svc/ktimer.h>
#include <svc/proc.h>
#include <svc/signal.h>
#include <uapi/resource.h>

#define NS_PER_S	1000000000ULL
#define KICK_NS		10000000ULL	/* 10 ms, a tick: Linux checks per tick */

/* Process CPU time, user and system, under p->lock. */
static void
cpu_total_locked(struct proc *p, uint64_t *u, uint64_t *s)
	FW_REQUIRES(&p->lock)
{
	struct thread *t;

	*u = p->utime;
	*s = p->stime;
	for (t = p->threads; t != NULL; t = t->next_thread) {
		*u += atomic_load(&t->utime);
		*s += atomic_load(&t->stime);
	}
}

/* An itimer due at now: re-armed by its interval; whether it fired. */
static bool
cpu_itimer_due_locked(struct proc *p, int which, uint64_t now)
	FW_REQUIRES(&p->lock)
{
	uint64_t *it = p->itimer_cpu[which];

	if (it[0] == 0 || now < it[0])
		return false;
	it[0] = it[1] != 0 ? now + it[1] : 0;
	return true;
}

int
proc_cpu_clock(struct proc *p, int tid, int which, uint64_t *ns)
{
	struct thread *t;
	uint64_t u = 0, s = 0;
	int err = 0;

	fw_mutex_lock(&p->lock);
	if (tid == 0) {
		cpu_total_locked(p, &u, &s);
	} else {
		for (t = p->threads; t != NULL && t->tid != tid;
		    t = t->next_thread)
			;
		if (t == NULL)
			err = -ESRCH;
		else {
			u = atomic_load(&t->utime);
			s = atomic_load(&t->stime);
		}
	}
	fw_mutex_unlock(&p->lock);
	*ns = which == CPUCLOCK_VIRT ? u : u + s;
	return err;
}

void
proc_cpu_check(struct proc *p)
{
	struct linux_siginfo info = { 0 };
	uint64_t u, s, soft, hard;
	bool xcpu = false, kill = false, vt, prof;

	info.code = LINUX_SI_KERNEL;
	fw_mutex_lock(&p->lock);
	cpu_total_locked(p, &u, &s);
	soft = p->rlim[LINUX_RLIMIT_CPU].cur;
	hard = p->rlim[LINUX_RLIMIT_CPU].max;
	if (hard != LINUX_RLIM_INFINITY && u + s >= hard * NS_PER_S) {
		kill = true;
	} else if (soft != LINUX_RLIM_INFINITY && u + s >= soft * NS_PER_S) {
		if (p->xcpu_next == 0)
			p->xcpu_next = soft * NS_PER_S;
		if (u + s >= p->xcpu_next) {
			xcpu = true;
			p->xcpu_next = u + s + NS_PER_S;
		}
	}
	vt = cpu_itimer_due_locked(p, 0, u);
	prof = cpu_itimer_due_locked(p, 1, u + s);
	fw_mutex_unlock(&p->lock);
	if (kill)
		signal_send_kernel(p, LINUX_SIGKILL, &info);
	if (xcpu)
		signal_send_kernel(p, LINUX_SIGXCPU, &info);
	if (vt)
		signal_send_kernel(p, LINUX_SIGVTALRM, &info);
	if (prof)
		signal_send_kernel(p, LINUX_SIGPROF, &info);
	ktimer_cpu_run(p);			/* POSIX timers on CPU clocks */
}

void
proc_cpu_watch(struct proc *p)
{
	bool armed = ktimer_cpu_armed(p), watch;

	fw_mutex_lock(&p->lock);
	watch = p->rlim[LINUX_RLIMIT_CPU].cur != LINUX_RLIM_INFINITY ||
	    p->rlim[LINUX_RLIMIT_CPU].max != LINUX_RLIM_INFINITY ||
	    p->itimer_cpu[0][0] != 0 || p->itimer_cpu[1][0] != 0 || armed;
	atomic_store(&p->cpu_watch, watch);
	fw_mutex_unlock(&p->lock);
	/* Out of memory, the kick is missing: threads still check at calls. */
	if (ktimer_arm(p, KTIMER_WATCH, watch ? fw_clock_monotonic() +
	    KICK_NS : 0, KICK_NS, NULL, NULL) < 0)
		return;
}
