/*
 * svc/ktimer.h: timers that send signals (services/time/ktimer.c), for
 * alarm(2), setitimer(2)'s ITIMER_REAL and the POSIX timers.  One kernel
 * task sleeps until the earliest deadline of all armed timers and sends
 * each expired timer's signal; a periodic timer is re-armed from its
 * previous deadline, and the expirations it missed count as overruns.
 *
 * Deadlines are on the monotonic clock; a CLOCK_REALTIME deadline is
 * converted when armed, so a later change of the wall clock is not
 * followed.  A timer on a CPU-time clock has its deadline in that CPU
 * time instead: the task leaves it alone, and the threads of its process
 * fire it from the CPU-time checks (proc_cpu_check, ktimer_cpu_run).
 *
 * Locks: every field of every timer is under the service's internal lock;
 * the functions below take it.  Lock order: ktimer lock, then proc->lock
 * (a timer's signal is sent with it held, so a process is freed only after
 * ktimer_exit has removed its timers).
 */
#ifndef SVC_KTIMER_H
#define SVC_KTIMER_H

#include <fw/types.h>
#include <uapi/signal.h>

struct proc;

/* What a timer sends when it expires. */
struct ktimer_event {
	int		signo;		/* 0: nothing (SIGEV_NONE) */
	int		tid;		/* the thread it goes to; 0: the process */
	int		code;		/* SI_KERNEL (itimer) or SI_TIMER */
	uint64_t	value;		/* sigev_value */
	int64_t		clock;		/* the POSIX clock it was made on */
	bool		value_is_id;	/* value: the timer's id (no sigevent) */
	/*
	 * A timer on a CPU-time clock of its own process: deadlines are in
	 * CPU time, of the process (cpu_tid 0) or of its thread cpu_tid, as
	 * cpu_which counts it (CPUCLOCK_*, svc/proc.h).
	 */
	bool		cpu;
	int		cpu_tid;
	int		cpu_which;
};

/* A timer's id in its process: ITIMER_REAL's own, or a POSIX timer's. */
#define KTIMER_REAL	(-1)
#define KTIMER_WATCH	(-2)		/* kicks the threads: CPU-time checks */
#define KTIMER_MAX	1024		/* POSIX timers per process */

/*
 * Creates a disarmed POSIX timer of p with event ev; *id gets its id (the
 * lowest free, >= 0), which is also its value when ev->value_is_id.
 * -EAGAIN past KTIMER_MAX, -ENOMEM.
 */
FW_MUST_CHECK int	ktimer_create(struct proc *p,
			    const struct ktimer_event *ev, int *id);
/* Deletes p's timer id: 0, or -EINVAL when it has none of that id. */
FW_MUST_CHECK int	ktimer_delete(struct proc *p, int id);
/*
 * Arms p's timer id (KTIMER_REAL is created on first use) to expire at the
 * monotonic deadline, or the CPU-time one for a CPU-time timer (0
 * disarms), and then every interval ns (0: once); the
 * old remaining time and interval go to *old_left and *old_interval if not
 * NULL.  0, -EINVAL (no such timer), -ENOMEM.
 */
FW_MUST_CHECK int	ktimer_arm(struct proc *p, int id, uint64_t deadline,
			    uint64_t interval, uint64_t *old_left,
			    uint64_t *old_interval);
/* Reads p's timer id: 0 with the time left (0: disarmed) and interval. */
FW_MUST_CHECK int	ktimer_get(struct proc *p, int id, uint64_t *left,
			    uint64_t *interval);
/* The clock p's POSIX timer id was made on: 0, or -EINVAL. */
FW_MUST_CHECK int	ktimer_clock(struct proc *p, int id, int64_t *clock);
/* The overrun count of the timer's last expiration; -EINVAL. */
FW_MUST_CHECK int	ktimer_overrun(struct proc *p, int id);
/* Fires p's CPU-time timers that are due.  No locks held. */
void			ktimer_cpu_run(struct proc *p);
/* Whether p has a CPU-time timer armed (proc_cpu_watch). */
bool			ktimer_cpu_armed(struct proc *p);
/* execve(2): p's POSIX timers are deleted; ITIMER_REAL stays armed. */
void			ktimer_exec(struct proc *p);
/* p is going away: all its timers are deleted. */
void			ktimer_exit(struct proc *p);

#endif
