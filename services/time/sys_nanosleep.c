/*
 * time/sys_nanosleep.c: nanosleep(2) and clock_nanosleep(2) on the
 * framework's monotonic deadline sleep.  An absolute realtime deadline is
 * converted once, so a later change of the wall clock is not followed.
 * An interrupted relative sleep writes the time left to rem.  No locks:
 * the restart fields are the thread's own.
 */
#include <fw/errno.h>
#include <fw/timer.h>
#include <fw/uaccess.h>
#include <svc/proc.h>
#include <svc/syscall.h>
#include <svc/time.h>
#include <uapi/time.h>

static long	sleep_restart(struct thread *t);

/*
 * Sleeps until deadline.  Interrupted, it writes the time left to urem (if
 * set) and returns -ERESTART_RESTARTBLOCK: the delivery point turns that
 * into EINTR when a handler runs, or else resumes the same sleep through
 * restart_syscall(2) (kernel/time/hrtimer.c).
 */
static long
sleep_until(struct thread *t, uint64_t deadline, fw_uaddr_t urem)
{
	uint64_t now, left;
	struct linux_timespec rem;

	if (fw_sleep_until(deadline) != -EINTR)
		return 0;
	now = fw_clock_monotonic();
	left = deadline > now ? deadline - now : 0;
	rem = ns_to_timespec(left);
	if (urem.v != 0 && fw_copy_to_user(t->proc->vm, urem, &rem,
	    sizeof(rem)) < 0)
		return -EFAULT;
	t->restart_fn = sleep_restart;
	t->restart_deadline = deadline;
	t->restart_urem = urem.v;
	return -ERESTART_RESTARTBLOCK;
}

/* restart_syscall(2) after an interrupted sleep: the same deadline. */
static long
sleep_restart(struct thread *t)
{
	return sleep_until(t, t->restart_deadline, fw_uaddr(t->restart_urem));
}

/* Sleeps for ns from now. */
static long
sleep_relative(struct thread *t, uint64_t ns, fw_uaddr_t urem)
{
	uint64_t now = fw_clock_monotonic();

	return sleep_until(t, ns > UINT64_MAX - now ? UINT64_MAX : now + ns,
	    urem);
}

/*
 * restart_syscall(2): resumes what the last ERESTART_RESTARTBLOCK left
 * (a sleep here, or a poll(2)), once; without one it is EINTR, as
 * Linux's do_no_restart_syscall.
 */
SYSCALL(restart_syscall)
{
	long (*fn)(struct thread *t) = t->restart_fn;

	(void)a;
	t->restart_fn = NULL;
	return fn != NULL ? fn(t) : -EINTR;
}

/* Reads and checks the request: 0 with *ns, -EFAULT or -EINVAL. */
static int
sleep_request(struct thread *t, uint64_t ureq, uint64_t *ns)
{
	struct linux_timespec req;
	int err;

	if ((err = fw_copy_from_user(t->proc->vm, &req, fw_uaddr(ureq),
	    sizeof(req))) < 0)
		return err;
	return timespec_to_ns(&req, ns);
}

SYSCALL(nanosleep)
{
	uint64_t ns;
	int err;

	if ((err = sleep_request(t, a->a[0], &ns)) < 0)
		return err;
	return sleep_relative(t, ns, fw_uaddr(a->a[1]));
}

/*
 * Linux: an unknown clock is EINVAL, a known one that cannot sleep
 * (MONOTONIC_RAW, the COARSE ones) EOPNOTSUPP, and the thread's CPU
 * clock EINVAL.  The process CPU clock is not offered either yet.
 */
static int
sleep_clock_check(int64_t clk)
{
	switch (clk) {
	case LINUX_CLOCK_REALTIME:
	case LINUX_CLOCK_MONOTONIC:
	case LINUX_CLOCK_BOOTTIME:
	case LINUX_CLOCK_TAI:
		return 0;
	case LINUX_CLOCK_MONOTONIC_RAW:
	case LINUX_CLOCK_REALTIME_COARSE:
	case LINUX_CLOCK_MONOTONIC_COARSE:
	case LINUX_CLOCK_PROCESS_CPUTIME_ID:
		return -EOPNOTSUPP;
	default:
		return -EINVAL;
	}
}

SYSCALL(clock_nanosleep)
{
	int64_t clk = (int32_t)a->a[0];
	uint64_t ns, now;
	int err;

	if ((err = sleep_clock_check(clk)) < 0)
		return err;
	if ((err = sleep_request(t, a->a[2], &ns)) < 0)
		return err;
	if (!(a->a[1] & LINUX_TIMER_ABSTIME))
		return sleep_relative(t, ns, fw_uaddr(a->a[3]));
	if ((err = clock_read(t, clk, &now)) < 0)
		return err;
	if (ns <= now)
		return 0;
	/* An absolute sleep restarts with its own arguments. */
	if (sleep_relative(t, ns - now, fw_uaddr(0)) == 0)
		return 0;
	return -ERESTARTNOHAND;
}
