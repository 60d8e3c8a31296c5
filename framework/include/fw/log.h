/*
 * fw/log.h: the kernel log.  Lines go to the backend's log sink (stderr of
 * the simulator, the serial port on bare metal), never to a guest's console
 * stream, and only at or above the level set at boot (--log / log=).
 * Safe from any task; never sleeps; messages are cut at 512 bytes.
 */
#ifndef FW_LOG_H
#define FW_LOG_H

#include <fw/types.h>
#include <stdarg.h>

enum fw_log_level {
	FW_LOG_DEBUG,
	FW_LOG_INFO,
	FW_LOG_WARN,
	FW_LOG_ERROR,
};

/* Formats like printf (%d %u %x %lx %ld %lu %llx %s %p %c %zu %%) and logs. */
void	fw_log(enum fw_log_level lvl, const char *fmt, ...) FW_PRINTF(2, 3);
/* True when a message at lvl would be printed; lets callers skip work. */
bool	fw_log_enabled(enum fw_log_level lvl);
/*
 * Writes a preformatted line to the trace sink (--strace output), which is
 * separate from the log level.  Never sleeps.
 */
void	fw_trace(const char *fmt, ...) FW_PRINTF(1, 2);
/*
 * Formats into buf of size n like snprintf: returns the length the whole
 * output would have, writes at most n-1 characters and a NUL (if n > 0).
 */
int	fw_snprintf(char *buf, size_t n, const char *fmt, ...) FW_PRINTF(3, 4);
int	fw_vsnprintf(char *buf, size_t n, const char *fmt, va_list ap)
	    FW_PRINTF(3, 0);

#endif
