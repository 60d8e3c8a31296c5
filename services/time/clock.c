/*
 * time/clock.c: reading the POSIX clocks for the time syscalls.  The
 * CPU-time clocks are approximated by the machine's busy time until
 * per-thread accounting exists.  No locks: the clocks are the framework's.
 */
#include <fw/errno.h>
#include <fw/timer.h>
#include <svc/time.h>
#include <uapi/time.h>

int
clock_read(int64_t clk, uint64_t *ns)
{
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
	case LINUX_CLOCK_PROCESS_CPUTIME_ID:
	case LINUX_CLOCK_THREAD_CPUTIME_ID:
		*ns = fw_clock_busy();
		return 0;
	default:
		return -EINVAL;
	}
}

int
clock_resolution(int64_t clk, uint64_t *ns)
{
	uint64_t now;
	int err;

	if ((err = clock_read(clk, &now)) < 0)
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
