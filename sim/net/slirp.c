/*
 * slirp.c: the libslirp backend of the virtio-net model.  Interface in
 * slirp.h; the design is research/networking.md §3.
 *
 * The net thread loops: the time to the next timer bounds the poll
 * timeout; slirp_pollfds_fill() adds libslirp's sockets (and may shorten
 * the timeout: 2 ms with a delayed ACK pending, under 500 ms with TCP
 * connections, at most 1 s), after our eventfd; poll(); then
 * slirp_pollfds_poll(), the queued guest frames into slirp_input(), the
 * expired timers, and the held receive frames.  An idle network therefore
 * wakes about once a second.
 *
 * Locks used to protect fields:
 *	I	immutable after sim_slirp_new()
 *	n	only the net thread touches it (or the creating thread
 *		before sim_slirp_start() and after sim_slirp_stop())
 *	q	s->txlock
 *	a	atomic
 */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <time.h>
#include <unistd.h>

#include <libslirp.h>

#include "slirp.h"

#define TXQ_MAX		1024		/* guest frames not yet taken */
#define POLL_MAX_MS	1000u

struct frame {
	struct frame	*next;
	size_t		 len;
	uint8_t		 data[];
};

/* A libslirp timer: either a legacy callback or an id for handle_timer. */
struct stimer {
	struct stimer	*next;
	int64_t		 expire_ms;	/* -1: not armed */
	SlirpTimerId	 id;
	SlirpTimerCb	 cb;		/* NULL: slirp_handle_timer(id) */
	void		*cb_opaque;
};

struct sim_slirp {
	Slirp			*slirp;		/* [n] */
	struct sim_slirp_config	 c;		/* [I] (fwds not kept) */
	int			 efd;		/* [I] the wake-up eventfd */
	pthread_t		 thread;	/* [I] once started */
	bool			 started;	/* [I] once started */
	bool			 stop;		/* [a] */
	struct stimer		*timers;	/* [n] */
	struct pollfd		*pfd;		/* [n] */
	size_t			 npfd, pfd_cap;	/* [n] */
	struct frame		*rxq[SIM_SLIRP_RXQ_MAX]; /* [n] a ring */
	size_t			 rx_head, rx_len;	/* [n] */
	pthread_mutex_t		 txlock;
	struct frame		*tx_first, **tx_last;	/* [q] */
	size_t			 tx_len;	/* [q] */
	uint64_t		 tx_frames, tx_dropped;	/* [a] */
	uint64_t		 rx_held, rx_dropped;	/* [a] */
};

static void
wake(struct sim_slirp *s)
{
	uint64_t one = 1;

	if (write(s->efd, &one, sizeof(one)) < 0) {
		/* EAGAIN: the counter is already non-zero, so it is awake. */
	}
}

static int64_t
now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* libslirp's callbacks: all on the net thread (or before it starts). */

/* A frame to the guest, or into the held ring while it has no buffer. */
static ssize_t
cb_send_packet(const void *buf, size_t len, void *opaque)
{
	struct sim_slirp *s = opaque;
	struct frame *f;

	if (s->rx_len == 0 && s->c.rx(s->c.rx_arg, buf, len) != 0)
		return (ssize_t)len;		/* delivered, or dropped */
	if (s->rx_len == SIM_SLIRP_RXQ_MAX ||
	    (f = malloc(sizeof(*f) + len)) == NULL) {
		__atomic_fetch_add(&s->rx_dropped, 1, __ATOMIC_RELAXED);
		return (ssize_t)len;
	}
	f->next = NULL;
	f->len = len;
	memcpy(f->data, buf, len);
	s->rxq[(s->rx_head + s->rx_len++) % SIM_SLIRP_RXQ_MAX] = f;
	__atomic_store_n(&s->rx_held, s->rx_len, __ATOMIC_RELAXED);
	return (ssize_t)len;
}

static void
cb_guest_error(const char *msg, void *opaque)
{
	(void)opaque;
	fprintf(stderr, "trellis: net: guest error: %s\n", msg);
}

static int64_t
cb_clock_get_ns(void *opaque)
{
	(void)opaque;
	return now_ns();
}

static struct stimer *
timer_add(struct sim_slirp *s, SlirpTimerId id, SlirpTimerCb cb,
    void *cb_opaque)
{
	struct stimer *t = calloc(1, sizeof(*t));

	if (t == NULL)
		return NULL;		/* libslirp copes with no RA timer */
	*t = (struct stimer){ .next = s->timers, .expire_ms = -1, .id = id,
	    .cb = cb, .cb_opaque = cb_opaque };
	s->timers = t;
	return t;
}

static void *
cb_timer_new(SlirpTimerCb cb, void *cb_opaque, void *opaque)
{
	return timer_add(opaque, SLIRP_TIMER_NUM, cb, cb_opaque);
}

static void *
cb_timer_new_opaque(SlirpTimerId id, void *cb_opaque, void *opaque)
{
	return timer_add(opaque, id, NULL, cb_opaque);
}

static void
cb_timer_free(void *timer, void *opaque)
{
	struct sim_slirp *s = opaque;
	struct stimer **p;

	for (p = &s->timers; *p != NULL; p = &(*p)->next) {
		if (*p == timer) {
			*p = ((struct stimer *)timer)->next;
			free(timer);
			return;
		}
	}
}

static void
cb_timer_mod(void *timer, int64_t expire_ms, void *opaque)
{
	(void)opaque;
	if (timer != NULL)
		((struct stimer *)timer)->expire_ms = expire_ms;
}

static void
cb_poll_fd(int fd, void *opaque)
{
	(void)fd, (void)opaque;		/* we ask pollfds_fill every round */
}

static void
cb_notify(void *opaque)
{
	wake(opaque);
}

static const SlirpCb sim_slirp_cb = {
	.send_packet = cb_send_packet,
	.guest_error = cb_guest_error,
	.clock_get_ns = cb_clock_get_ns,
	.timer_new = cb_timer_new,
	.timer_free = cb_timer_free,
	.timer_mod = cb_timer_mod,
	.register_poll_fd = cb_poll_fd,
	.unregister_poll_fd = cb_poll_fd,
	.notify = cb_notify,
	.timer_new_opaque = cb_timer_new_opaque,
};

/* The poll array: libslirp's add_poll and get_revents. */

static int
cb_add_poll(int fd, int events, void *opaque)
{
	struct sim_slirp *s = opaque;
	struct pollfd *p;
	size_t cap;

	if (s->npfd == s->pfd_cap) {
		cap = s->pfd_cap ? 2 * s->pfd_cap : 16;
		if ((p = realloc(s->pfd, cap * sizeof(*p))) == NULL)
			return -1;	/* libslirp skips this socket a round */
		s->pfd = p;
		s->pfd_cap = cap;
	}
	s->pfd[s->npfd] = (struct pollfd){ .fd = fd,
	    .events = (short)((events & SLIRP_POLL_IN ? POLLIN : 0) |
	    (events & SLIRP_POLL_OUT ? POLLOUT : 0) |
	    (events & SLIRP_POLL_PRI ? POLLPRI : 0)) };
	return (int)s->npfd++;
}

static int
cb_get_revents(int idx, void *opaque)
{
	struct sim_slirp *s = opaque;
	short r;

	if (idx < 0 || (size_t)idx >= s->npfd)
		return 0;
	r = s->pfd[idx].revents;
	return (r & POLLIN ? SLIRP_POLL_IN : 0) |
	    (r & POLLOUT ? SLIRP_POLL_OUT : 0) |
	    (r & POLLPRI ? SLIRP_POLL_PRI : 0) |
	    (r & (POLLERR | POLLNVAL) ? SLIRP_POLL_ERR : 0) |
	    (r & POLLHUP ? SLIRP_POLL_HUP : 0);
}

/* Timers: the poll timeout they allow, and firing the expired ones. */

static uint32_t
timers_timeout_ms(const struct sim_slirp *s)
{
	int64_t now = now_ns() / 1000000, d;
	uint32_t ms = POLL_MAX_MS;
	const struct stimer *t;

	for (t = s->timers; t != NULL; t = t->next) {
		if (t->expire_ms < 0)
			continue;
		d = t->expire_ms - now;
		if (d < (int64_t)ms)
			ms = d < 0 ? 0 : (uint32_t)d;
	}
	return ms;
}

/*
 * A callback may arm or free timers, so the scan restarts after each one
 * fired (libslirp re-arms its RA timer minutes ahead, never in the past).
 */
static void
timers_fire(struct sim_slirp *s)
{
	int64_t now = now_ns() / 1000000;
	struct stimer *t;

again:
	for (t = s->timers; t != NULL; t = t->next) {
		if (t->expire_ms < 0 || t->expire_ms > now)
			continue;
		t->expire_ms = -1;
		if (t->cb != NULL)
			t->cb(t->cb_opaque);
		else
			slirp_handle_timer(s->slirp, t->id, t->cb_opaque);
		goto again;
	}
}

/* The guest's frames, queued by sim_slirp_tx(), into libslirp. */
static void
tx_feed(struct sim_slirp *s)
{
	struct frame *f, *next;

	pthread_mutex_lock(&s->txlock);
	f = s->tx_first;
	s->tx_first = NULL;
	s->tx_last = &s->tx_first;
	s->tx_len = 0;
	pthread_mutex_unlock(&s->txlock);
	for (; f != NULL; f = next) {
		next = f->next;
		slirp_input(s->slirp, f->data, (int)f->len);
		__atomic_fetch_add(&s->tx_frames, 1, __ATOMIC_RELAXED);
		free(f);
	}
}

/* Offers the held frames, oldest first, until the guest has no buffer. */
static void
rx_flush(struct sim_slirp *s)
{
	struct frame *f;

	while (s->rx_len > 0) {
		f = s->rxq[s->rx_head];
		if (s->c.rx(s->c.rx_arg, f->data, f->len) == 0)
			break;
		free(f);
		s->rx_head = (s->rx_head + 1) % SIM_SLIRP_RXQ_MAX;
		s->rx_len--;
	}
	__atomic_store_n(&s->rx_held, s->rx_len, __ATOMIC_RELAXED);
}

static void *
net_thread(void *arg)
{
	struct sim_slirp *s = arg;
	uint32_t timeout;
	uint64_t v;
	int n;

	while (!__atomic_load_n(&s->stop, __ATOMIC_ACQUIRE)) {
		s->npfd = 0;
		(void)cb_add_poll(s->efd, SLIRP_POLL_IN, s);	/* index 0 */
		timeout = timers_timeout_ms(s);
		slirp_pollfds_fill(s->slirp, &timeout, cb_add_poll, s);
		if (timeout > POLL_MAX_MS)
			timeout = POLL_MAX_MS;
		n = poll(s->pfd, s->npfd, (int)timeout);
		if (n > 0 && (s->pfd[0].revents & POLLIN))
			(void)!read(s->efd, &v, sizeof(v));
		slirp_pollfds_poll(s->slirp, n < 0, cb_get_revents, s);
		tx_feed(s);
		timers_fire(s);
		rx_flush(s);
	}
	return NULL;
}

static struct in_addr
ip4(const char *a)
{
	struct in_addr r;

	(void)inet_pton(AF_INET, a, &r);
	return r;
}

static struct in6_addr
ip6(const char *a)
{
	struct in6_addr r;

	(void)inet_pton(AF_INET6, a, &r);
	return r;
}

/* QEMU's user-net plan (libslirp has no defaults). */
static Slirp *
slirp_make(struct sim_slirp *s)
{
	SlirpConfig cfg = {
		.version = 4,
		.restricted = 0,
		.in_enabled = true,
		.vnetwork = ip4("10.0.2.0"),
		.vnetmask = ip4("255.255.255.0"),
		.vhost = ip4("10.0.2.2"),
		.in6_enabled = true,
		.vprefix_addr6 = ip6("fec0::"),
		.vprefix_len = 64,
		.vhost6 = ip6("fec0::2"),
		.vdhcp_start = ip4("10.0.2.15"),
		.vnameserver = ip4("10.0.2.3"),
		.vnameserver6 = ip6("fec0::3"),
		.if_mtu = 0,			/* 1500 */
		.if_mru = 0,
		.disable_host_loopback = false,	/* 10.0.2.2 is 127.0.0.1 */
		.enable_emu = false,
	};

	return slirp_new(&cfg, &sim_slirp_cb, s);
}

int
sim_slirp_new(const struct sim_slirp_config *c, struct sim_slirp **out)
{
	struct sim_slirp *s;
	size_t i;
	int err = -ENOMEM;

	if (c->nfwds > SIM_SLIRP_FWD_MAX)
		return -EINVAL;
	if ((s = calloc(1, sizeof(*s))) == NULL)
		return -ENOMEM;
	s->c = *c;
	s->c.fwds = NULL;
	s->tx_last = &s->tx_first;
	pthread_mutex_init(&s->txlock, NULL);
	if ((s->efd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)) < 0)
		goto fail;
	err = -EIO;
	if ((s->slirp = slirp_make(s)) == NULL)
		goto fail;
	err = -EADDRINUSE;
	for (i = 0; i < c->nfwds; i++)
		if (slirp_add_hostfwd(s->slirp, 0, ip4("127.0.0.1"),
		    c->fwds[i].host_port, ip4("0.0.0.0"),
		    c->fwds[i].guest_port) < 0)
			goto fail;
	*out = s;
	return 0;
fail:
	sim_slirp_free(s);
	return err;
}

int
sim_slirp_start(struct sim_slirp *s)
{
	if (pthread_create(&s->thread, NULL, net_thread, s) != 0)
		return -EAGAIN;
	(void)pthread_setname_np(s->thread, "trellis-net");
	s->started = true;
	return 0;
}

void
sim_slirp_tx(void *arg, const uint8_t *frame, size_t len)
{
	struct sim_slirp *s = arg;
	struct frame *f = NULL;

	pthread_mutex_lock(&s->txlock);
	if (s->tx_len < TXQ_MAX && (f = malloc(sizeof(*f) + len)) != NULL) {
		f->next = NULL;
		f->len = len;
		memcpy(f->data, frame, len);
		*s->tx_last = f;
		s->tx_last = &f->next;
		s->tx_len++;
	}
	pthread_mutex_unlock(&s->txlock);
	if (f == NULL)
		__atomic_fetch_add(&s->tx_dropped, 1, __ATOMIC_RELAXED);
	else
		wake(s);
}

void
sim_slirp_rx_ready(void *arg)
{
	wake(arg);
}

void
sim_slirp_get_stats(struct sim_slirp *s, struct sim_slirp_stats *st)
{
	st->tx_frames = __atomic_load_n(&s->tx_frames, __ATOMIC_RELAXED);
	st->tx_dropped = __atomic_load_n(&s->tx_dropped, __ATOMIC_RELAXED);
	st->rx_held = __atomic_load_n(&s->rx_held, __ATOMIC_RELAXED);
	st->rx_dropped = __atomic_load_n(&s->rx_dropped, __ATOMIC_RELAXED);
}

void
sim_slirp_stop(struct sim_slirp *s)
{
	if (!s->started)
		return;
	__atomic_store_n(&s->stop, true, __ATOMIC_RELEASE);
	wake(s);
	pthread_join(s->thread, NULL);
	s->started = false;
}

void
sim_slirp_free(struct sim_slirp *s)
{
	struct frame *f, *next;

	if (s == NULL)
		return;
	sim_slirp_stop(s);
	if (s->slirp != NULL)
		slirp_cleanup(s->slirp);	/* frees its timers */
	while (s->timers != NULL)
		cb_timer_free(s->timers, s);
	for (; s->rx_len > 0; s->rx_len--) {
		free(s->rxq[s->rx_head]);
		s->rx_head = (s->rx_head + 1) % SIM_SLIRP_RXQ_MAX;
	}
	for (f = s->tx_first; f != NULL; f = next) {
		next = f->next;
		free(f);
	}
	if (s->efd >= 0)
		close(s->efd);
	pthread_mutex_destroy(&s->txlock);
	free(s->pfd);
	free(s);
}
