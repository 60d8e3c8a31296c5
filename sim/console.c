/*
 * console.c: the console device model behind fw/console.h.  Output ports
 * write straight to the simulator's stdout and stderr.  Input comes from a
 * reader thread, started at the first read so that a guest that never
 * reads leaves the simulator's stdin alone; it fills a buffer and raises an
 * interrupt, whose bottom half (sim_console_irq()) wakes the readers and
 * then calls the services' input hook (their pollers).
 *
 * Locks: in.lock (a host mutex, never held across a sleep of a task)
 * protects the buffer; readers sleep on in.wq, the reader thread on
 * in.space.
 */
#define _GNU_SOURCE
#include "sim.h"

#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <fw/console.h>
#include <fw/errno.h>
#include <fw/waitq.h>

#define IN_BUF	65536

static struct {
	pthread_mutex_t	lock;
	pthread_cond_t	space;
	pthread_once_t	started;
	struct fw_waitq	wq;
	uint8_t		buf[IN_BUF];
	size_t		head, len;	/* [lock] */
	bool		eof;		/* [lock] */
} in = {
	.lock = PTHREAD_MUTEX_INITIALIZER,
	.space = PTHREAD_COND_INITIALIZER,
	.started = PTHREAD_ONCE_INIT,
};

static void *
reader(void *arg)
{
	uint8_t chunk[4096];

	for (;;) {
		ssize_t n = read(STDIN_FILENO, chunk, sizeof(chunk));
		size_t i;

		if (n < 0 && errno == EINTR)
			continue;
		pthread_mutex_lock(&in.lock);
		if (n <= 0) {
			in.eof = true;
			pthread_mutex_unlock(&in.lock);
			sim_irq_raise();
			return NULL;
		}
		for (i = 0; i < (size_t)n; i++) {
			while (in.len == IN_BUF)
				pthread_cond_wait(&in.space, &in.lock);
			in.buf[(in.head + in.len) % IN_BUF] = chunk[i];
			in.len++;
		}
		pthread_mutex_unlock(&in.lock);
		sim_irq_raise();
	}
}

static void
start_reader(void)
{
	pthread_t th;
	pthread_attr_t a;

	pthread_attr_init(&a);
	pthread_attr_setdetachstate(&a, PTHREAD_CREATE_DETACHED);
	if (pthread_create(&th, &a, reader, NULL) != 0) {
		pthread_mutex_lock(&in.lock);
		in.eof = true;
		pthread_mutex_unlock(&in.lock);
	}
	pthread_attr_destroy(&a);
}

void
sim_console_init(void)
{
	fw_waitq_init(&in.wq);
}

static _Atomic(fw_console_input_fn) input_hook;

void
fw_console_set_input_hook(fw_console_input_fn fn)
{
	atomic_store(&input_hook, fn);
}

void
sim_console_irq(void)
{
	fw_console_input_fn fn = atomic_load(&input_hook);

	fw_waitq_wake_all(&in.wq);
	if (fn != NULL)
		fn();
}

static bool
input_ready(void *arg)
{
	bool r;

	pthread_mutex_lock(&in.lock);
	r = in.len > 0 || in.eof;
	pthread_mutex_unlock(&in.lock);
	return r;
}

bool
fw_console_readable(unsigned int port)
{
	if (port != FW_CONSOLE_IN)
		return false;
	pthread_once(&in.started, start_reader);
	return input_ready(NULL);
}

long
fw_console_read(unsigned int port, void *buf, size_t len, bool nonblock)
{
	uint8_t *p = buf;
	size_t n = 0;
	int err;

	if (port != FW_CONSOLE_IN)
		return -EINVAL;
	pthread_once(&in.started, start_reader);
	if (!input_ready(NULL)) {
		if (nonblock)
			return -EAGAIN;
		if ((err = fw_waitq_wait(&in.wq, input_ready, NULL,
		    FW_NO_DEADLINE, true)) < 0)
			return err;
	}
	pthread_mutex_lock(&in.lock);
	while (n < len && in.len > 0) {
		p[n++] = in.buf[in.head];
		in.head = (in.head + 1) % IN_BUF;
		in.len--;
	}
	pthread_cond_signal(&in.space);
	pthread_mutex_unlock(&in.lock);
	return (long)n;
}

static int
port_fd(unsigned int port)
{
	switch (port) {
	case FW_CONSOLE_IN:
		return STDIN_FILENO;
	case FW_CONSOLE_OUT:
		return STDOUT_FILENO;
	case FW_CONSOLE_ERR:
		return STDERR_FILENO;
	}
	return -1;
}

long
fw_console_write(unsigned int port, const void *buf, size_t len)
{
	const uint8_t *p = buf;
	size_t done = 0;

	if (port != FW_CONSOLE_OUT && port != FW_CONSOLE_ERR)
		return -EINVAL;
	while (done < len) {
		ssize_t n = write(port_fd(port), p + done, len - done);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -EIO;
		done += (size_t)n;
	}
	return (long)len;
}

bool
fw_console_isatty(unsigned int port)
{
	int fd = port_fd(port);

	return fd >= 0 && isatty(fd);
}

int
fw_console_winsize(unsigned int port, uint16_t *rows, uint16_t *cols)
{
	struct winsize ws;
	int fd = port_fd(port);

	if (fd < 0 || ioctl(fd, TIOCGWINSZ, &ws) < 0)
		return -ENOTTY;
	*rows = ws.ws_row;
	*cols = ws.ws_col;
	return 0;
}
