/*
 * time/sys_nanosleep.c: nanosleep(2) and clock_nanosleep(2) on the
 * framework's monotonic deadline sleep.  An absolute realtime deadline is
 * converted once, so a later change of the wall clock is not followed.
 * An interrupted relative sleep writes the time left to rem.  No locks.
 */
#include <fw/errno.h>
#include <fw/timer.h>
#include <fw/uaccess.h>
#include <svc/proc.h>
#include <svc/syscall.h>
#include <svc/time.h>
#include <uapi/time.h>

/* Sleeps for ns from now; on -EINTR writes the rest to urem if set. */
static long
sleep_relative(struct thread *t, uint64_t ns, fw_uaddr_t urem)
{
	uint64_t now = fw_clock_monotonic(), deadline, left;
	struct linux_timespec rem;
	int err;

	deadline = ns > UINT64_MAX - now ? UINT64_MAX : now + ns;
	if ((err = fw_sleep_until(deadline)) != -EINTR)
		return err;
	now = fw_clock_monotonic();
	left = deadline > now ? deadline - now : 0;
	rem = ns_to_timespec(left);
	if (urem.v != 0 && fw_copy_to_user(t->proc->vm, urem, &rem,
	    sizeof(rem)) < 0)
		return -EFAULT;
	return -EINTR;
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
	if ((err = clock_read(clk, &now)) < 0)
		return err;
	if (ns <= now)
		return 0;
	return sleep_relative(t, ns - now, fw_uaddr(0));
}
