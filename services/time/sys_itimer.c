/*
 * time/sys_itimer.c: alarm(2), setitimer(2) and getitimer(2).
 * ITIMER_REAL counts wall time and sends SIGALRM (the timer service,
 * svc/ktimer.h).  ITIMER_VIRTUAL and ITIMER_PROF count the process's CPU
 * time (user, and user plus system): they hold the CPU time at which they
 * expire, which proc/cputime.c checks.  Locks: proc->lock for those two.
 */
#include <fw/errno.h>
#include <fw/timer.h>
#include <fw/uaccess.h>
#include <svc/ktimer.h>
#include <svc/proc.h>
#include <svc/syscall.h>
#include <uapi/time.h>

#define LINUX_ITIMER_REAL	0
#define LINUX_ITIMER_VIRTUAL	1
#define LINUX_ITIMER_PROF	2
#define NS_PER_US		1000ULL
#define NS_PER_S		1000000000ULL

struct linux_itimerval {
	struct linux_timeval	interval, value;
};

static int
tv_to_ns(const struct linux_timeval *tv, uint64_t *ns)
{
	if (tv->tv_sec < 0 || tv->tv_usec < 0 || tv->tv_usec >= 1000000)
		return -EINVAL;
	*ns = (uint64_t)tv->tv_sec > UINT64_MAX / NS_PER_S / 2 ?
	    UINT64_MAX / 2 : (uint64_t)tv->tv_sec * NS_PER_S +
	    (uint64_t)tv->tv_usec * NS_PER_US;
	return 0;
}

/* Linux rounds an itimer's time up to whole microseconds. */
static struct linux_timeval
ns_to_tv(uint64_t ns)
{
	struct linux_timeval tv;

	ns = (ns + NS_PER_US - 1) / NS_PER_US;
	tv.tv_sec = (int64_t)(ns / 1000000);
	tv.tv_usec = (int64_t)(ns % 1000000);
	return tv;
}

/* Sets timer which from *nv (NULL: read only); *ov gets the old one. */
static int
itimer_set(struct thread *t, int which, const struct linux_itimerval *nv,
    struct linux_itimerval *ov)
{
	struct proc *p = t->proc;
	uint64_t value = 0, interval = 0, left = 0, old_int = 0;
	uint64_t ut, st, now, *it;
	int err;

	if (nv != NULL && ((err = tv_to_ns(&nv->value, &value)) < 0 ||
	    (err = tv_to_ns(&nv->interval, &interval)) < 0))
		return err;
	switch (which) {
	case LINUX_ITIMER_REAL:
		if (nv == NULL)
			err = ktimer_get(p, KTIMER_REAL, &left, &old_int);
		else
			err = ktimer_arm(p, KTIMER_REAL, value == 0 ? 0 :
			    fw_clock_monotonic() + value, interval, &left,
			    &old_int);
		if (err < 0)
			return err;
		ov->value = ns_to_tv(left);
		ov->interval = ns_to_tv(old_int);
		return 0;
	case LINUX_ITIMER_VIRTUAL:
	case LINUX_ITIMER_PROF:
		proc_cputime(p, false, &ut, &st);
		now = which == LINUX_ITIMER_VIRTUAL ? ut : ut + st;
		fw_mutex_lock(&p->lock);
		it = p->itimer_cpu[which - 1];
		ov->value = ns_to_tv(it[0] == 0 ? 0 : it[0] > now ?
		    it[0] - now : 1000);
		ov->interval = ns_to_tv(it[1]);
		if (nv != NULL) {
			it[0] = value != 0 ? now + value : 0;
			it[1] = value != 0 ? interval : 0;
		}
		fw_mutex_unlock(&p->lock);
		if (nv != NULL)
			proc_cpu_watch(p);
		return 0;
	default:
		return -EINVAL;
	}
}

SYSCALL(setitimer)
{
	struct linux_itimerval nv, ov;
	int err;

	if (a->a[1] == 0) {
		/* Linux takes a NULL new value as a zeroed one. */
		nv = (struct linux_itimerval){ { 0, 0 }, { 0, 0 } };
	} else if ((err = fw_copy_from_user(t->proc->vm, &nv,
	    fw_uaddr(a->a[1]), sizeof(nv))) < 0) {
		return err;
	}
	if ((err = itimer_set(t, (int)a->a[0], &nv, &ov)) < 0)
		return err;
	if (a->a[2] != 0)
		return fw_copy_to_user(t->proc->vm, fw_uaddr(a->a[2]), &ov,
		    sizeof(ov));
	return 0;
}

SYSCALL(getitimer)
{
	struct linux_itimerval ov;
	int err;

	if ((err = itimer_set(t, (int)a->a[0], NULL, &ov)) < 0)
		return err;
	return fw_copy_to_user(t->proc->vm, fw_uaddr(a->a[1]), &ov,
	    sizeof(ov));
}

/* alarm(secs): the seconds left of the previous alarm, rounded. */
SYSCALL(alarm)
{
	uint32_t secs = (uint32_t)a->a[0];
	uint64_t left = 0, interval;
	int err;

	if ((err = ktimer_arm(t->proc, KTIMER_REAL, secs == 0 ? 0 :
	    fw_clock_monotonic() + secs * NS_PER_S, 0, &left,
	    &interval)) < 0)
		return err;
	/* kernel/time/itimer.c alarm_setitimer: round to the nearest, not 0. */
	if (left == 0)
		return 0;
	left = (left + NS_PER_S / 2) / NS_PER_S;
	return left == 0 ? 1 : (long)left;
}
