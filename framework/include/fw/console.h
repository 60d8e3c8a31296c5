/*
 * fw/console.h: the machine's console, as three ports: input, output and
 * error output (on the simulator, Trellis's own stdin, stdout and stderr;
 * on bare metal one serial line serves all three).  Buffers are kernel
 * memory, borrowed for the call.  Reads may sleep; writes may sleep until
 * the port drains.  Any task may call these; the ports lock internally.
 */
#ifndef FW_CONSOLE_H
#define FW_CONSOLE_H

#include <fw/types.h>

#define FW_CONSOLE_IN	0
#define FW_CONSOLE_OUT	1
#define FW_CONSOLE_ERR	2

/* Writes all of buf: len, or -EIO (the host side is gone: EPIPE-like). */
FW_MUST_CHECK long	fw_console_write(unsigned int port, const void *buf,
			    size_t len);
/*
 * Reads what is available, up to len: the count, 0 at end of input, -EAGAIN
 * when nothing is there and nonblock is set, -EINTR when the task was
 * interrupted while waiting, -EINVAL for a port that is not an input.
 */
FW_MUST_CHECK long	fw_console_read(unsigned int port, void *buf,
			    size_t len, bool nonblock);
/* Whether input is waiting, or has ended (for poll). */
bool			fw_console_readable(unsigned int port);
/*
 * Input notification, for poll(2) on the console: fn is called each time
 * input arrives on FW_CONSOLE_IN or ends, after blocked readers were
 * woken; NULL removes it.  One hook: a new one replaces the old.  fn runs
 * in the console interrupt's bottom half, outside any task, and may be
 * called again before it returns (on another CPU), so it must not sleep,
 * take a mutex or enter user mode; spinlocks and wait-queue wake-ups are
 * fine.  The call may be spurious; fn re-checks with
 * fw_console_readable().  fn must stay valid while set.
 */
typedef void (*fw_console_input_fn)(void);
void			fw_console_set_input_hook(fw_console_input_fn fn);
/* Whether the port is a terminal on the host side. */
bool			fw_console_isatty(unsigned int port);
/* The terminal's size: 0, or -ENOTTY when the port is not a terminal. */
FW_MUST_CHECK int	fw_console_winsize(unsigned int port, uint16_t *rows,
			    uint16_t *cols);

#endif
