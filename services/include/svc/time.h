/*
 * svc/time.h: the POSIX clocks as the time syscalls see them
 * (services/time).  Pure functions of the framework's clocks; no locks.
 */
#ifndef SVC_TIME_H
#define SVC_TIME_H

#include <fw/types.h>
#include <uapi/time.h>

/* Reads clock clk in nanoseconds: 0, or -EINVAL for an unknown clock. */
FW_MUST_CHECK int	clock_read(int64_t clk, uint64_t *ns);
/* The clock's resolution: 0, or -EINVAL. */
FW_MUST_CHECK int	clock_resolution(int64_t clk, uint64_t *ns);
struct linux_timespec	ns_to_timespec(uint64_t ns);
/* 0 with *ns (saturated), or -EINVAL for negative or unnormalised values. */
FW_MUST_CHECK int	timespec_to_ns(const struct linux_timespec *ts,
			    uint64_t *ns);

#endif
