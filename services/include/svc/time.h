/*
 * svc/time.h: the POSIX clocks as the time syscalls see them
 * (services/time/clock.c): the framework's clocks, and the CPU-time
 * clocks of processes and threads.  Takes proc_table_lock and a
 * proc->lock for the CPU-time clocks.
 */
#ifndef SVC_TIME_H
#define SVC_TIME_H

#include <fw/types.h>
#include <uapi/time.h>

struct thread;

/*
 * Reads clock clk, as thread t sees it (its CPU-time clocks), in
 * nanoseconds: 0, or -EINVAL for an unknown clock or a CPU-time clock of
 * a process or thread that is gone.
 */
FW_MUST_CHECK int	clock_read(struct thread *t, int64_t clk, uint64_t *ns);
/* The clock's resolution: 0, or -EINVAL. */
FW_MUST_CHECK int	clock_resolution(struct thread *t, int64_t clk,
			    uint64_t *ns);
/* A CPU-time clock: of process pid, or its thread tid if not 0. */
struct cpu_clock {
	int	pid, tid;
	int	which;			/* CPUCLOCK_*, svc/proc.h */
};
/*
 * Decodes a CPU-time clock id as thread t names it: 0, or -EINVAL (not a
 * CPU-time clock; a thread's clock of another process; no such process).
 */
FW_MUST_CHECK int	clock_cpu_id(struct thread *t, int64_t clk,
			    struct cpu_clock *cc);
struct linux_timespec	ns_to_timespec(uint64_t ns);
/* 0 with *ns (saturated), or -EINVAL for negative or unnormalised values. */
FW_MUST_CHECK int	timespec_to_ns(const struct linux_timespec *ts,
			    uint64_t *ns);

#endif
