/*
 * hal/platform.h: the rest of the machine: clocks, the console device,
 * entropy, boot information, the log sink and power.
 */
#ifndef HAL_PLATFORM_H
#define HAL_PLATFORM_H

#include <fw/types.h>

uint64_t	hal_clock_monotonic(void);
uint64_t	hal_clock_realtime(void);
/*
 * The counter user mode can read too (x86-64: the TSC), and what it is for
 * the time page: FW_TIMEPAGE_TSC when it is constant-rate and the same on
 * every CPU, else FW_TIMEPAGE_NONE (the clocks are then the two above).
 */
uint64_t	hal_cycles(void);
unsigned int	hal_cycles_mode(void);
void		hal_random_bytes(void *buf, size_t len);
/* Writes a log line (no newline needed) to the kernel log sink. */
void		hal_log_write(const char *s, size_t len);
/* Writes to the trace sink (--strace). */
void		hal_trace_write(const char *s, size_t len);
FW_NORETURN void hal_power_off(int status);

#endif
