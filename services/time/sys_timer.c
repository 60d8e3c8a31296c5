/*
 * time/sys_timer.c: the POSIX timers: timer_create(2), timer_settime(2),
 * timer_gettime(2), timer_getoverrun(2), timer_delete(2), on the timer
 * service (svc/ktimer.h), with Linux's checks (kernel/time/posix-timers.c).
 * Clocks: REALTIME, MONOTONIC, BOOTTIME and TAI, and the CPU-time clocks of
 * the caller's own process and threads (PROCESS_CPUTIME_ID,
 * THREAD_CPUTIME_ID, clock_getcpuclockid's), whose timers the threads fire
 * as their CPU time passes (proc/cputime.c).  Not built: timers on another
 * process's CPU clock (EINVAL; Linux allows them).  No locks of its own.
 */
#include <fw/errno.h>
#include <fw/timer.h>
#include <fw/uaccess.h>
#include <svc/ktimer.h>
#include <svc/proc.h>
#include <svc/syscall.h>
#include <svc/time.h>
#include <uapi/signal.h>
#include <uapi/time.h>

#define LINUX_SIGEV_SIGNAL	0
#define LINUX_SIGEV_NONE	1
#define LINUX_SIGEV_THREAD	2
#define LINUX_SIGEV_THREAD_ID	4

/* struct sigevent: the value, the signal, how, and the thread. */
struct linux_sigevent {
	uint64_t	value;
	int32_t		signo;
	int32_t		notify;
	int32_t		tid;
	int32_t		pad[11];
};
_Static_assert(sizeof(struct linux_sigevent) == 64, "sigevent");

struct linux_itimerspec {
	struct linux_timespec	interval, value;
};

/* Whether timers may use clk; fills ev's CPU-time fields for one. */
static int
timer_clock(struct thread *t, int64_t clk, struct ktimer_event *ev)
{
	struct cpu_clock cc;
	int err;

	if (clk == LINUX_CLOCK_REALTIME || clk == LINUX_CLOCK_MONOTONIC ||
	    clk == LINUX_CLOCK_BOOTTIME || clk == LINUX_CLOCK_TAI)
		return 0;
	if ((err = clock_cpu_id(t, clk, &cc)) < 0)
		return err;
	if (cc.pid != t->proc->pid)
		return -EINVAL;
	ev->cpu = true;
	ev->cpu_tid = cc.tid;
	ev->cpu_which = cc.which;
	return 0;
}

/* The event of a sigevent (good_sigevent() in posix-timers.c). */
static int
timer_event(struct thread *t, const struct linux_sigevent *se,
    struct ktimer_event *ev)
{
	struct proc *p = t->proc;
	struct thread *o;
	bool found = false;

	*ev = (struct ktimer_event){ 0 };
	ev->code = LINUX_SI_TIMER;
	ev->value = se->value;
	switch (se->notify) {
	case LINUX_SIGEV_NONE:
		ev->signo = 0;
		return 0;
	case LINUX_SIGEV_THREAD_ID:
		fw_mutex_lock(&p->lock);
		for (o = p->threads; o != NULL && !found; o = o->next_thread)
			found = o->tid == se->tid;
		fw_mutex_unlock(&p->lock);
		if (!found)
			return -EINVAL;
		ev->tid = se->tid;
		break;
	case LINUX_SIGEV_SIGNAL:
		break;
	default:
		return -EINVAL;
	}
	if (se->signo <= 0 || se->signo > LINUX_NSIG)
		return -EINVAL;
	ev->signo = se->signo;
	return 0;
}

SYSCALL(timer_create)
{
	struct linux_sigevent se;
	struct ktimer_event ev;
	int64_t clk = (int32_t)a->a[0];
	struct ktimer_event cpu = { 0 };
	int id, err;

	if ((err = timer_clock(t, clk, &cpu)) < 0)
		return err;
	if (a->a[1] != 0) {
		if ((err = fw_copy_from_user(t->proc->vm, &se,
		    fw_uaddr(a->a[1]), sizeof(se))) < 0)
			return err;
		if ((err = timer_event(t, &se, &ev)) < 0)
			return err;
	} else {
		/* No sigevent: SIGALRM carrying the timer's id. */
		ev = (struct ktimer_event){ .signo = LINUX_SIGALRM,
		    .code = LINUX_SI_TIMER, .value_is_id = true };
	}
	ev.clock = clk;
	ev.cpu = cpu.cpu;
	ev.cpu_tid = cpu.cpu_tid;
	ev.cpu_which = cpu.cpu_which;
	if ((err = ktimer_create(t->proc, &ev, &id)) < 0)
		return err;
	if ((err = fw_copy_to_user(t->proc->vm, fw_uaddr(a->a[2]), &id,
	    sizeof(id))) < 0 && ktimer_delete(t->proc, id) < 0)
		return -EFAULT;		/* never: the id was just made */
	return err;
}

/*
 * The monotonic deadline of value on clk (absolute with TIMER_ABSTIME), or
 * on a CPU-time clock the CPU-time one.
 */
static int
timer_deadline(struct thread *t, int64_t clk, bool abs, uint64_t value,
    uint64_t *deadline)
{
	uint64_t now, mono = fw_clock_monotonic();
	struct ktimer_event cpu = { 0 };
	int err;

	if (value == 0) {
		*deadline = 0;
		return 0;
	}
	if (timer_clock(t, clk, &cpu) == 0 && cpu.cpu) {
		if ((err = clock_read(t, clk, &now)) < 0)
			return err;
		/* A deadline already past is due at the next check. */
		*deadline = abs ? value : value > UINT64_MAX - now ?
		    UINT64_MAX : now + value;
		return 0;
	}
	if (!abs) {
		*deadline = value > FW_NO_DEADLINE - mono ? FW_NO_DEADLINE :
		    mono + value;
		return 0;
	}
	if ((err = clock_read(t, clk, &now)) < 0)
		return err;
	/* Already past: expire at once (the next instant). */
	*deadline = value <= now ? mono + 1 : mono + (value - now);
	return 0;
}

static int
timer_put(struct thread *t, uint64_t uaddr, uint64_t left,
    uint64_t interval)
{
	struct linux_itimerspec its;

	if (uaddr == 0)
		return 0;
	its.value = ns_to_timespec(left);
	its.interval = ns_to_timespec(interval);
	return fw_copy_to_user(t->proc->vm, fw_uaddr(uaddr), &its,
	    sizeof(its));
}

/* timer_settime(id, flags, new, old). */
SYSCALL(timer_settime)
{
	struct linux_itimerspec its;
	uint64_t value, interval, deadline, left, old_int;
	int id = (int)a->a[0], err;
	int64_t clk;

	if ((err = fw_copy_from_user(t->proc->vm, &its, fw_uaddr(a->a[2]),
	    sizeof(its))) < 0)
		return err;
	if ((err = timespec_to_ns(&its.value, &value)) < 0 ||
	    (err = timespec_to_ns(&its.interval, &interval)) < 0)
		return err;
	if ((err = ktimer_clock(t->proc, id, &clk)) < 0)
		return err;
	if ((err = timer_deadline(t, clk, a->a[1] & LINUX_TIMER_ABSTIME,
	    value, &deadline)) < 0)
		return err;
	if ((err = ktimer_arm(t->proc, id, deadline, interval, &left,
	    &old_int)) < 0)
		return err;
	proc_cpu_watch(t->proc);	/* a CPU-time timer: the checks start */
	return timer_put(t, a->a[3], left, old_int);
}

SYSCALL(timer_gettime)
{
	uint64_t left, interval;
	int err;

	if ((int)a->a[0] < 0)
		return -EINVAL;
	if ((err = ktimer_get(t->proc, (int)a->a[0], &left, &interval)) < 0)
		return err;
	if (a->a[1] == 0)
		return -EFAULT;
	return timer_put(t, a->a[1], left, interval);
}

SYSCALL(timer_getoverrun)
{
	return ktimer_overrun(t->proc, (int)a->a[0]);
}

SYSCALL(timer_delete)
{
	int err = ktimer_delete(t->proc, (int)a->a[0]);

	if (err == 0)
		proc_cpu_watch(t->proc);
	return err;
}
