/*
 * arch/x86_64/console.c: the console on COM1 (console.h, fw/console.h).
 * All three ports are the one serial line, a terminal of 24 rows and 80
 * columns as far as anyone can tell.  One CPU, so no lock: the ring is
 * filled and drained in task context.
 */
#include <fw/console.h>
#include <fw/errno.h>
#include <fw/waitq.h>

#include "arch/x86_64/console.h"
#include "arch/x86_64/serial.h"

#define RING	4096

static char ring[RING];
static unsigned int head, tail;		/* head - tail bytes are waiting */
static fw_console_input_fn input_hook;
static struct fw_waitq readers;

void
x86_console_poll(void)
{
	bool got = false;
	int c;

	while (head - tail < RING && (c = x86_serial_getc()) >= 0) {
		ring[head++ % RING] = (char)c;
		got = true;
	}
	if (!got)
		return;
	fw_waitq_wake_all(&readers);
	if (input_hook != NULL)
		input_hook();
}

static bool
input_ready(void *arg)
{
	(void)arg;
	return x86_console_pending();
}

bool
x86_console_pending(void)
{
	if (head != tail)
		return true;
	x86_console_poll();
	return head != tail;
}

long
fw_console_write(unsigned int port, const void *buf, size_t len)
{
	if (port != FW_CONSOLE_OUT && port != FW_CONSOLE_ERR)
		return -EIO;
	x86_serial_write(buf, len);
	return (long)len;
}

long
fw_console_read(unsigned int port, void *buf, size_t len, bool nonblock)
{
	char *out = buf;
	size_t n = 0;
	int err;

	if (port != FW_CONSOLE_IN)
		return -EINVAL;
	if (!x86_console_pending()) {
		if (nonblock)
			return -EAGAIN;
		if ((err = fw_waitq_wait(&readers, input_ready, NULL,
		    FW_NO_DEADLINE, true)) < 0)
			return err;
	}
	while (n < len && head != tail)
		out[n++] = ring[tail++ % RING];
	return (long)n;
}

bool
fw_console_readable(unsigned int port)
{
	return port == FW_CONSOLE_IN && x86_console_pending();
}

void
fw_console_set_input_hook(fw_console_input_fn fn)
{
	input_hook = fn;
}

bool
fw_console_isatty(unsigned int port)
{
	return port <= FW_CONSOLE_ERR;
}

int
fw_console_winsize(unsigned int port, uint16_t *rows, uint16_t *cols)
{
	if (port > FW_CONSOLE_ERR)
		return -ENOTTY;
	*rows = 24;
	*cols = 80;
	return 0;
}
