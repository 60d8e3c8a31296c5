/*
 * time/clock.c: reading the POSIX clocks for the time syscalls: the
 * framework's clocks, and the CPU-time clocks from the CPU time each
 * thread counts (proc/cputime.c): the calling process's and thread's, and
 * those clock_getcpuclockid(3) and pthread_getcpuclockid(3) name,
 * (~pid << 3) | (thread << 2) | which (kernel/time/posix-cpu-timers.c).
 *
 * Locks: proc_table_lock to find another process, then its proc->lock.
 */
#include <fw/errno.h>
#include <fw/timer.h>
#include <svc/proc.h>
#include <svc/time.h>
#include <uapi/time.h>

#define CPUCLOCK_PERTHREAD	4
#define CPUCLOCK_WHICH(c)	((int)((c) & 3))
#define CPUCLOCK_PID(c)		((int)(~(c) >> 3))	/* c < 0: ~c >= 0 */

int
clock_cpu_id(struct thread *t, int64_t clk, struct cpu_clock *cc)
{
	struct proc *p = t->proc, *q;
	int pid;

	cc->pid = p->pid;
	cc->tid = 0;
	cc->which = CPUCLOCK_SCHED;
	if (clk == LINUX_CLOCK_PROCESS_CPUTIME_ID)
		return 0;
	if (clk == LINUX_CLOCK_THREAD_CPUTIME_ID) {
		cc->tid = t->tid;
		return 0;
	}
	if (clk >= 0 || CPUCLOCK_WHICH(clk) == 3)
		return -EINVAL;
	cc->which = CPUCLOCK_WHICH(clk);
	pid = CPUCLOCK_PID(clk);
	if (clk & CPUCLOCK_PERTHREAD) {
		/* A thread's clock: one of the caller's own threads. */
		cc->tid = pid == 0 ? t->tid : pid;
		fw_mutex_lock(&proc_table_lock);
		q = proc_find_locked(cc->tid);
		fw_mutex_unlock(&proc_table_lock);
		return q == p ? 0 : -EINVAL;
	}
	if (pid != 0) {
		fw_mutex_lock(&proc_table_lock);
		q = proc_find_locked(pid);
		fw_mutex_unlock(&proc_table_lock);
		if (q == NULL)
			return -EINVAL;
		cc->pid = pid;
	}
	return 0;
}

/* The CPU time a clock of cc counts now: 0, or -EINVAL when it is gone. */
static int
clock_cpu_read(const struct cpu_clock *cc, uint64_t *ns)
{
	struct proc *q;
	int err = -EINVAL;

	fw_mutex_lock(&proc_table_lock);	/* q stays while it is held */
	if ((q = proc_find_locked(cc->pid)) != NULL &&
	    proc_cpu_clock(q, cc->tid, cc->which, ns) == 0)
		err = 0;
	fw_mutex_unlock(&proc_table_lock);
	return err;
}

int
clock_read(struct thread *t, int64_t clk, uint64_t *ns)
{
	struct cpu_clock cc;
	int err;

	switch (clk) {
	case LINUX_CLOCK_REALTIME:
	case LINUX_CLOCK_REALTIME_COARSE:
	case LINUX_CLOCK_TAI:		/* TAI offset is 0 until adjtimex */
		*ns = fw_clock_realtime();
		return 0;
	case LINUX_CLOCK_MONOTONIC:
	case LINUX_CLOCK_MONOTONIC_RAW:
	case LINUX_CLOCK_MONOTONIC_COARSE:
	case LINUX_CLOCK_BOOTTIME:	/* the machine never suspends */
		*ns = fw_clock_monotonic();
		return 0;
	default:
		if ((err = clock_cpu_id(t, clk, &cc)) < 0)
			return err;
		return clock_cpu_read(&cc, ns);
	}
}

int
clock_resolution(struct thread *t, int64_t clk, uint64_t *ns)
{
	uint64_t now;
	int err;

	if ((err = clock_read(t, clk, &now)) < 0)
		return err;
	if (clk == LINUX_CLOCK_REALTIME_COARSE ||
	    clk == LINUX_CLOCK_MONOTONIC_COARSE)
		*ns = 1000000000ULL / FW_HZ;	/* one tick, like Linux */
	else
		*ns = 1;
	return 0;
}

struct linux_timespec
ns_to_timespec(uint64_t ns)
{
	struct linux_timespec ts = {
		(int64_t)(ns / 1000000000ULL), (int64_t)(ns % 1000000000ULL)
	};
	return ts;
}

int
timespec_to_ns(const struct linux_timespec *ts, uint64_t *ns)
{
	if (ts->tv_sec < 0 || ts->tv_nsec < 0 ||
	    ts->tv_nsec >= LINUX_NSEC_PER_SEC)
		return -EINVAL;
	if ((uint64_t)ts->tv_sec > (UINT64_MAX - (uint64_t)ts->tv_nsec) /
	    1000000000ULL)
		*ns = UINT64_MAX;		/* saturate: "forever" */
	else
		*ns = (uint64_t)ts->tv_sec * 1000000000ULL +
		    (uint64_t)ts->tv_nsec;
	return 0;
}
