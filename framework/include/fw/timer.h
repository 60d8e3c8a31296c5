/*
 * fw/timer.h: clocks and sleeping.  Times are nanoseconds.  The monotonic
 * clock starts near zero at boot and never goes back; the real-time clock is
 * the host's (simulator) or the RTC's (bare metal) wall time.  Clocks never
 * sleep and may be read from any context.
 */
#ifndef FW_TIMER_H
#define FW_TIMER_H

#include <fw/types.h>

/* Nanoseconds since boot; never goes back. */
uint64_t		fw_clock_monotonic(void);
/* Nanoseconds since the Unix epoch. */
uint64_t		fw_clock_realtime(void);
/* Nanoseconds the CPUs have spent running tasks and user code. */
uint64_t		fw_clock_busy(void);
/*
 * Sleeps until the monotonic clock reaches deadline: 0, or -EINTR when the
 * task was interrupted (fw_task_interrupt()).
 */
FW_MUST_CHECK int	fw_sleep_until(uint64_t deadline);

/* The tick: FW_HZ calls a second of the hook on each CPU, in task context. */
#define FW_HZ	100
typedef void (*fw_tick_fn)(unsigned int cpu);
/* Injects the tick hook (one; NULL removes it). */
void			fw_tick_set(fw_tick_fn fn);

#endif
