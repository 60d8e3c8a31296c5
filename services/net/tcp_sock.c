/*
 * services/net/tcp_sock.c: TCP sockets (tcp(7)): the socket calls on a
 * control block (tcp.h).
 *
 * connect sends the SYN and waits for the handshake unless non-blocking
 * (EINPROGRESS; on lo it is often done at once, then 0); a second connect
 * is EALREADY while it runs, 0 once it has succeeded, then EISCONN, or
 * its error after a failure.  listen autobinds; accept takes connections
 * in order, a reset one included (its first call answers ECONNRESET).
 * send copies into the send ring (the one copy) and waits for room; a
 * socket never connected, or shut for writing, is EPIPE with SIGPIPE
 * unless MSG_NOSIGNAL.  recv copies out of the receive ring and announces
 * the window it opens; a socket never connected is ENOTCONN.  close with
 * unread data, or SO_LINGER {1, 0}, resets; otherwise the FIN handshake
 * goes on without the file (an orphan).  Readiness is Linux's tcp_poll().
 *
 * Locks: inet_lock; a socket's txlock and rxlock serialise its senders
 * and its readers (taken first), so the ring regions they copy stay put
 * while inet_lock is dropped around the user copy.
 */
#include <fw/alloc.h>
#include <fw/errno.h>
#include <fw/string.h>
#include <fw/timer.h>
#include <svc/file.h>
#include <svc/lib.h>
#include <svc/proc.h>
#include <svc/signal.h>
#include "netdev_impl.h"
#include "tcp.h"

#define TCP_DEFAULT_SNDBUF	16384	/* net.ipv4.tcp_wmem[1] */
#define TCP_DEFAULT_RCVBUF	131072	/* net.ipv4.tcp_rmem[1] */
#define TCP_COPY_CHUNK		((size_t)64 * 1024)

static const struct sock_ops tcp_ops;

/* A socket with its control block (the inet_sock holds the sock). */
static struct inet_sock *
tcp_sock_new(int family, uint32_t uid) FW_REQUIRES(&inet_lock)
{
	struct inet_sock *s;

	if ((s = fw_zalloc(1, sizeof(*s))) == NULL)
		return NULL;
	s->proto = LINUX_IPPROTO_TCP;
	s->ttl = -1;
	s->uid = uid;
	if ((s->sk = sock_alloc(family, LINUX_SOCK_STREAM, LINUX_IPPROTO_TCP,
	    &tcp_ops, s)) == NULL) {
		fw_free(s);
		return NULL;
	}
	atomic_store(&s->sk->sndbuf, TCP_DEFAULT_SNDBUF);
	atomic_store(&s->sk->rcvbuf, TCP_DEFAULT_RCVBUF);
	if ((s->tcp = tcp_cb_new(s)) == NULL) {
		sock_unref(s->sk);
		fw_free(s);
		return NULL;
	}
	fw_mutex_init(&s->tcp->txlock);
	fw_mutex_init(&s->tcp->rxlock);
	return s;
}

int
tcp_create(int family, struct thread *t, struct sock **out)
{
	struct inet_sock *s;
	uint32_t uid;

	fw_mutex_lock(&t->proc->lock);
	uid = t->proc->cred.euid;
	fw_mutex_unlock(&t->proc->lock);
	fw_mutex_lock(&inet_lock);
	s = tcp_sock_new(family, uid);
	fw_mutex_unlock(&inet_lock);
	if (s == NULL)
		return -ENOMEM;
	*out = sock_ref(s->sk);
	return 0;
}

struct tcp_cb *
tcp_child_new(struct tcp_cb *l, const struct tcp_seg *seg)
{
	struct inet_sock *ls = l->is, *s;
	struct sock *lsk = ls->sk;

	if ((s = tcp_sock_new(lsk->family, ls->uid)) == NULL)
		return NULL;
	if (tcp_rings_alloc(s->tcp) < 0) {
		tcp_cb_free(s->tcp);
		return NULL;
	}
	s->laddr = seg->dst;
	s->lport = seg->dport;
	s->raddr = seg->src;
	s->rport = seg->sport;
	s->connected = true;
	s->v6only = ls->v6only;
	inet_port_link_locked(s);
	s->tcp->hashed = true;
	s->tcp->parent = l;
	s->tcp->ss = TCP_SS_CONNECTED;
	s->tcp->nodelay = l->nodelay;
	s->tcp->keepalive = l->keepalive;
	s->tcp->keepidle = l->keepidle;
	s->tcp->keepintvl = l->keepintvl;
	s->tcp->keepcnt = l->keepcnt;
	/* The options a child inherits (sk_clone). */
	s->sk->flags = lsk->flags;
	s->sk->rcvtimeo = lsk->rcvtimeo;
	s->sk->sndtimeo = lsk->sndtimeo;
	s->sk->linger = lsk->linger;
	atomic_store(&s->sk->sndbuf, atomic_load(&lsk->sndbuf));
	atomic_store(&s->sk->rcvbuf, atomic_load(&lsk->rcvbuf));
	return s->tcp;
}

static int
tcp_bind(struct sock *sk, struct thread *t, const uint8_t *sa, size_t len)
{
	int err;

	if ((err = inet_bind(sk, t, sa, len)) == 0) {
		fw_mutex_lock(&inet_lock);
		tcp_of(sk)->hashed = true;
		fw_mutex_unlock(&inet_lock);
	}
	return err;
}

/* Waits for sk to change, dropping inet_lock meanwhile. */
static int
tcp_wait_locked(struct sock *sk, uint64_t deadline, bool timed)
    FW_REQUIRES(&inet_lock)
{
	unsigned int gen = atomic_load(&sk->gen);
	int err;

	lo_drain();
	fw_mutex_unlock(&inet_lock);
	err = sock_wait(sk, gen, deadline, timed);
	fw_mutex_lock(&inet_lock);
	return err;
}

static int
tcp_listen(struct sock *sk, struct thread *t, int backlog)
{
	struct inet_sock *s = inet_of(sk);
	struct tcp_cb *cb = s->tcp;
	struct inet_addr any;
	int err = 0;

	if ((unsigned int)backlog > LINUX_SOMAXCONN)
		backlog = LINUX_SOMAXCONN;
	fw_mutex_lock(&inet_lock);
	if (cb->ss != TCP_SS_UNCONNECTED ||
	    (cb->state != TCP_CLOSE && cb->state != TCP_LISTEN))
		err = -EINVAL;
	else if (cb->state == TCP_LISTEN)
		cb->backlog = backlog;
	else {
		if (s->lport == 0) {
			inet_any(sk, &any);
			if ((err = inet_port_bind_locked(s, &any, 0)) == 0)
				cb->hashed = true;
		}
		if (err == 0 && !inet_port_may_listen_locked(s))
			err = -EADDRINUSE;
		if (err == 0) {
			cb->backlog = backlog;
			tcp_set_state(cb, TCP_LISTEN);
			atomic_store(&sk->listening, true);
		}
	}
	fw_mutex_unlock(&inet_lock);
	return err;
}

/* Aborts a connection (connect AF_UNSPEC, a listener or a reset close). */
static void
tcp_abort_locked(struct tcp_cb *cb, bool reset) FW_REQUIRES(&inet_lock)
{
	if (reset && cb->state != TCP_CLOSE && cb->state != TCP_LISTEN &&
	    cb->state != TCP_SYN_SENT && cb->state != TCP_TIME_WAIT)
		tcp_send_ctl(cb, TCP_RST | TCP_ACK, cb->snd_max);
	tcp_set_state(cb, TCP_CLOSE);
}

static int
tcp_connect_start(struct tcp_cb *cb, const struct inet_addr *dst,
    uint16_t port) FW_REQUIRES(&inet_lock)
{
	struct inet_sock *s = cb->is;
	struct inet_addr any, src;
	int err;

	if ((err = net_route(dst, &src, NULL)) < 0)
		return err;

	if (tcp_rings_alloc(cb) < 0)
		return -ENOBUFS;
	if (s->lport == 0) {
		inet_any(s->sk, &any);
		if (inet_port_bind_locked(s, &any, 0) < 0)
			return -EADDRNOTAVAIL;
	} else if (!cb->hashed)
		inet_port_link_locked(s);
	cb->hashed = true;
	if (inet_is_any(&s->laddr))
		s->laddr = src;
	s->raddr = *dst;
	s->rport = port;
	s->connected = true;
	cb->snd_una = cb->iss;
	cb->snd_nxt = cb->snd_max = cb->iss + 1;
	cb->retries = 0;
	tcp_set_state(cb, TCP_SYN_SENT);
	cb->ss = TCP_SS_CONNECTING;
	tcp_send_ctl(cb, TCP_SYN, cb->iss);
	tcp_arm_rto(cb);
	return 0;
}

static int
tcp_connect(struct sock *sk, struct thread *t, const uint8_t *sa, size_t len,
    bool nonblock)
{
	struct inet_sock *s = inet_of(sk);
	struct tcp_cb *cb = s->tcp;
	uint64_t timeo = sk->sndtimeo, deadline = sock_deadline(timeo);
	struct inet_addr dst;
	uint16_t port;
	int err;

	if (len >= 2 && (sa[0] | sa[1] << 8) == LINUX_AF_UNSPEC) {
		fw_mutex_lock(&inet_lock);
		tcp_abort_locked(cb, true);
		cb->ss = TCP_SS_UNCONNECTED;
		lo_drain();
		fw_mutex_unlock(&inet_lock);
		return 0;
	}
	if ((err = inet_addr_in(sk->family, sa, len, &dst, &port)) < 0)
		return err;
	if (sk->family == LINUX_AF_INET6 && inet_is_v4(&dst) && s->v6only)
		return -ENETUNREACH;
	if (inet_is_any(&dst))
		inet_source_for(&dst, &dst);	/* 0.0.0.0 and :: are here */
	fw_mutex_lock(&inet_lock);
	switch (cb->ss) {
	case TCP_SS_CONNECTED:
		err = -EISCONN;
		goto out;
	case TCP_SS_CONNECTING:
		err = -EALREADY;
		break;
	case TCP_SS_UNCONNECTED:
		if (cb->state != TCP_CLOSE) {
			err = -EISCONN;
			goto out;
		}
		if ((err = tcp_connect_start(cb, &dst, port)) < 0)
			goto out;
		err = -EINPROGRESS;
		lo_drain();
		break;
	}
	while (cb->state == TCP_SYN_SENT || cb->state == TCP_SYN_RECV) {
		if (nonblock)
			goto out;
		if ((err = tcp_wait_locked(sk, deadline, timeo != 0)) < 0) {
			if (err == -EAGAIN)
				err = -EINPROGRESS;
			goto out;
		}
	}
	if (cb->state == TCP_CLOSE) {
		err = sock_error(sk);
		if (err == 0)
			err = -ECONNABORTED;
		cb->ss = TCP_SS_UNCONNECTED;
	} else {
		cb->ss = TCP_SS_CONNECTED;
		err = 0;
	}
out:
	fw_mutex_unlock(&inet_lock);
	return err;
}

static int
tcp_accept(struct sock *sk, bool nonblock, struct sock **out)
{
	struct tcp_cb *cb = tcp_of(sk), *c;
	uint64_t timeo = sk->rcvtimeo, deadline = sock_deadline(timeo);
	int err = 0;

	fw_mutex_lock(&inet_lock);
	for (;;) {
		if (cb->state != TCP_LISTEN) {
			err = -EINVAL;
			goto out;
		}
		if (cb->ahead != NULL)
			break;
		if (nonblock) {
			err = -EAGAIN;
			goto out;
		}
		if ((err = tcp_wait_locked(sk, deadline, timeo != 0)) < 0)
			goto out;
	}
	c = cb->ahead;
	cb->ahead = c->anext;
	if (cb->ahead == NULL)
		cb->atail = NULL;
	c->anext = NULL;
	cb->alen--;
	c->parent = NULL;		/* its file owns it now */
	*out = sock_ref(c->is->sk);
out:
	fw_mutex_unlock(&inet_lock);
	return err;
}

/*
 * Waits until cb may take more bytes to send: 0 with room, or -errno
 * (-EPIPE: never connected or shut for writing).
 */
static int
tcp_wait_room_locked(struct tcp_cb *cb, bool nonblock, uint64_t deadline,
    bool timed) FW_REQUIRES(&inet_lock)
{
	struct sock *sk = cb->is->sk;
	int err;

	for (;;) {
		if ((err = sock_error(sk)) < 0)
			return err;
		if (atomic_load(&sk->shut) & SOCK_SEND_SHUTDOWN)
			return -EPIPE;
		if (cb->state == TCP_SYN_SENT || cb->state == TCP_SYN_RECV) {
			if (nonblock)
				return -EAGAIN;
		} else if (cb->state != TCP_ESTABLISHED &&
		    cb->state != TCP_CLOSE_WAIT)
			return -EPIPE;
		else if (cb->slen < TCP_BUF)
			return 0;
		else if (nonblock)
			return -EAGAIN;
		if ((err = tcp_wait_locked(sk, deadline, timed)) < 0)
			return err;
	}
}

static long
tcp_send(struct sock *sk, struct sock_msg *m, bool nonblock)
{
	struct tcp_cb *cb = tcp_of(sk);
	uint64_t timeo = sk->sndtimeo, deadline = sock_deadline(timeo);
	size_t sent = 0, n, at, first;
	uint8_t *chunk;
	int err = 0;

	if (m->flags & LINUX_MSG_OOB)
		return -EOPNOTSUPP;		/* no urgent data yet */
	nonblock |= (m->flags & LINUX_MSG_DONTWAIT) != 0;
	if ((chunk = fw_alloc(TCP_COPY_CHUNK)) == NULL)
		return -ENOMEM;
	fw_mutex_lock(&cb->txlock);
	fw_mutex_lock(&inet_lock);
	while (m->it.left > 0 || sent == 0) {
		if ((err = tcp_wait_room_locked(cb, nonblock, deadline,
		    timeo != 0)) < 0 || m->it.left == 0)
			break;
		n = MIN(m->it.left, TCP_BUF - cb->slen);
		n = MIN(n, (size_t)TCP_COPY_CHUNK);
		/* txlock: only this sender adds to the ring meanwhile. */
		lo_drain();
		fw_mutex_unlock(&inet_lock);
		err = iter_copy_from(&m->it, chunk, n);
		fw_mutex_lock(&inet_lock);
		if (err < 0)
			break;
		if (cb->state != TCP_ESTABLISHED && cb->state != TCP_CLOSE_WAIT)
			continue;	/* gone meanwhile: the check says */
		at = (cb->shead + cb->slen) % TCP_BUF;
		first = MIN(n, TCP_BUF - at);
		memcpy(cb->sbuf + at, chunk, first);
		memcpy(cb->sbuf, chunk + first, n - first);
		cb->slen += n;
		sent += n;
		/* MSG_MORE holds a short tail back, as TCP_CORK does. */
		if (!(m->flags & LINUX_MSG_MORE) || m->it.left > 0)
			tcp_output(cb);
	}
	lo_drain();
	fw_mutex_unlock(&inet_lock);
	fw_mutex_unlock(&cb->txlock);
	fw_free(chunk);
	if (sent > 0)
		return (long)sent;
	if (err == -EPIPE && !(m->flags & LINUX_MSG_NOSIGNAL))
		signal_sigpipe(m->t);
	return err;
}

/* Announces the window a read opened, when it grew enough (RFC 1122). */
static void
tcp_window_update(struct tcp_cb *cb) FW_REQUIRES(&inet_lock)
{
	uint32_t edge = cb->rcv_nxt + tcp_rcv_window(cb);

	if (cb->state != TCP_ESTABLISHED && cb->state != TCP_FIN_WAIT1 &&
	    cb->state != TCP_FIN_WAIT2)
		return;
	if (edge - cb->rcv_wup >= MIN((uint32_t)TCP_BUF / 2, 2 * cb->mss) ||
	    cb->rcv_wup == cb->rcv_nxt)
		tcp_send_ack(cb);
	else
		tcp_ack_read(cb);
}

static size_t
tcp_target(struct sock *sk, int flags, size_t len)
{
	if (flags & LINUX_MSG_WAITALL)
		return MAX(len, (size_t)1);
	return MIN((size_t)MAX(atomic_load(&sk->rcvlowat), 1),
	    MAX(len, (size_t)1));
}

static long
tcp_recv(struct sock *sk, struct sock_msg *m, bool nonblock)
{
	struct tcp_cb *cb = tcp_of(sk);
	bool peek = (m->flags & LINUX_MSG_PEEK) != 0;
	bool trunc = (m->flags & LINUX_MSG_TRUNC) != 0;
	uint64_t timeo = sk->rcvtimeo, deadline = sock_deadline(timeo);
	size_t len = m->it.left, target = tcp_target(sk, m->flags, len);
	size_t copied = 0, n, off, first;
	int err = 0;

	if (m->flags & LINUX_MSG_OOB)
		return -EINVAL;			/* no urgent data */
	nonblock |= (m->flags & LINUX_MSG_DONTWAIT) != 0;
	fw_mutex_lock(&cb->rxlock);
	fw_mutex_lock(&inet_lock);
	if (cb->state == TCP_LISTEN) {
		err = -ENOTCONN;
		goto out;
	}
	while (copied < len || len == 0) {
		n = cb->rlen > (peek ? copied : 0) ?
		    cb->rlen - (peek ? copied : 0) : 0;
		if (n == 0) {
			if (copied >= target || (len == 0 && copied == 0 &&
			    cb->rlen > 0))
				break;
			if ((err = sock_error(sk)) < 0)
				break;
			if (cb->fin_rcvd ||
			    (atomic_load(&sk->shut) & SOCK_RCV_SHUTDOWN))
				break;
			if (cb->state == TCP_CLOSE) {
				if (cb->ss == TCP_SS_UNCONNECTED)
					err = -ENOTCONN;
				break;
			}
			if (nonblock) {
				err = -EAGAIN;
				break;
			}
			if ((err = tcp_wait_locked(sk, deadline,
			    timeo != 0)) < 0)
				break;
			continue;
		}
		if (len == 0)
			break;
		n = MIN(n, len - copied);
		off = (cb->rhead + (peek ? copied : 0)) % TCP_BUF;
		first = MIN(n, TCP_BUF - off);
		/* rxlock: only this reader takes from the ring meanwhile. */
		fw_mutex_unlock(&inet_lock);
		if (!trunc)
			err = iter_copy_to(&m->it, cb->rbuf + off, first);
		if (!trunc && err == 0 && n > first)
			err = iter_copy_to(&m->it, cb->rbuf, n - first);
		fw_mutex_lock(&inet_lock);
		if (err < 0)
			break;
		copied += n;
		if (!peek) {
			cb->rhead = (cb->rhead + n) % TCP_BUF;
			cb->rlen -= n;
			tcp_window_update(cb);
		}
	}
out:
	lo_drain();
	fw_mutex_unlock(&inet_lock);
	fw_mutex_unlock(&cb->rxlock);
	return copied > 0 ? (long)copied : err;
}

static uint32_t
tcp_poll(struct sock *sk, struct poll_table *pt)
{
	struct tcp_cb *cb = tcp_of(sk);
	unsigned int shut = atomic_load(&sk->shut);
	size_t lowat = (size_t)MAX(atomic_load(&sk->rcvlowat), 1);
	uint32_t mask = 0;

	poll_wait(pt, &sk->ph);
	fw_mutex_lock(&inet_lock);
	if (cb->state == TCP_LISTEN) {
		if (cb->ahead != NULL)
			mask |= LINUX_EPOLLIN | LINUX_EPOLLRDNORM;
		fw_mutex_unlock(&inet_lock);
		return mask;
	}
	if (shut == (SOCK_RCV_SHUTDOWN | SOCK_SEND_SHUTDOWN) ||
	    cb->state == TCP_CLOSE)
		mask |= LINUX_EPOLLHUP;
	if (shut & SOCK_RCV_SHUTDOWN)
		mask |= LINUX_EPOLLIN | LINUX_EPOLLRDNORM | LINUX_EPOLLRDHUP;
	if (cb->state != TCP_SYN_SENT && cb->state != TCP_SYN_RECV) {
		if (cb->rlen >= lowat || (cb->rlen > 0 && cb->fin_rcvd))
			mask |= LINUX_EPOLLIN | LINUX_EPOLLRDNORM;
		if ((shut & SOCK_SEND_SHUTDOWN) ||
		    TCP_BUF - cb->slen >= cb->slen / 2)
			mask |= LINUX_EPOLLOUT | LINUX_EPOLLWRNORM;
	}
	if (atomic_load(&sk->err) != 0)
		mask |= LINUX_EPOLLERR;
	fw_mutex_unlock(&inet_lock);
	return mask;
}

/* inet_shutdown(): ENOTCONN when closed, yet the bits are set. */
static int
tcp_shutdown(struct sock *sk, int how)
{
	struct tcp_cb *cb = tcp_of(sk);
	unsigned int mode;
	int err = 0;

	if (how < LINUX_SHUT_RD || how > LINUX_SHUT_RDWR)
		return -EINVAL;
	mode = (unsigned int)how + 1;
	fw_mutex_lock(&inet_lock);
	if (cb->state == TCP_CLOSE)
		err = -ENOTCONN;
	atomic_fetch_or(&sk->shut, mode);
	if (cb->state == TCP_SYN_SENT)
		tcp_abort_locked(cb, false);
	else if ((mode & SOCK_SEND_SHUTDOWN) && !cb->fin_queued &&
	    (cb->state == TCP_ESTABLISHED || cb->state == TCP_CLOSE_WAIT ||
	    cb->state == TCP_SYN_RECV)) {
		cb->fin_queued = true;
		tcp_output(cb);
	}
	sock_wake(sk, 0);
	lo_drain();
	fw_mutex_unlock(&inet_lock);
	return err;
}

static int
tcp_getname(struct sock *sk, uint8_t *sa, size_t *len, int peer)
{
	struct inet_sock *s = inet_of(sk);
	int err = 0;

	fw_mutex_lock(&inet_lock);
	if (peer == 1 && (!s->connected || s->tcp->state == TCP_CLOSE ||
	    s->tcp->state == TCP_SYN_SENT))
		err = -ENOTCONN;
	else
		inet_name_locked(s, sa, len, peer != 0);
	fw_mutex_unlock(&inet_lock);
	return err;
}

static long
tcp_inq(struct sock *sk)
{
	struct tcp_cb *cb = tcp_of(sk);
	long n;

	fw_mutex_lock(&inet_lock);
	n = cb->state == TCP_LISTEN ? -EINVAL : (long)cb->rlen;
	fw_mutex_unlock(&inet_lock);
	return n;
}

static long
tcp_outq(struct sock *sk)
{
	struct tcp_cb *cb = tcp_of(sk);
	long n;

	fw_mutex_lock(&inet_lock);
	n = cb->state == TCP_LISTEN ? -EINVAL : (long)cb->slen;
	fw_mutex_unlock(&inet_lock);
	return n;
}

/* A listener closes: its connections not yet accepted are reset. */
static void
tcp_close_children_locked(struct tcp_cb *l) FW_REQUIRES(&inet_lock)
{
	struct tcp_cb *c;

	for (;;) {
		for (c = tcp_all; c != NULL && c->parent != l; c = c->lnext)
			;
		if (c == NULL)
			break;
		c->parent = NULL;
		c->orphan = true;
		tcp_abort_locked(c, true);	/* frees c */
	}
	l->ahead = l->atail = NULL;
	l->alen = l->synlen = 0;
}

static void
tcp_release(struct sock *sk)
{
	struct tcp_cb *cb = tcp_of(sk);
	bool abort;

	fw_mutex_lock(&inet_lock);
	atomic_fetch_or(&sk->shut, SOCK_RCV_SHUTDOWN | SOCK_SEND_SHUTDOWN);
	cb->orphan = true;
	if (cb->state == TCP_LISTEN)
		tcp_close_children_locked(cb);
	abort = cb->rlen > 0 ||
	    (sk->linger.l_onoff && sk->linger.l_linger == 0);
	switch (cb->state) {
	case TCP_CLOSE:
		tcp_cb_free(cb);
		break;
	case TCP_LISTEN:
	case TCP_SYN_SENT:
		tcp_abort_locked(cb, false);	/* frees cb */
		break;
	case TCP_ESTABLISHED:
	case TCP_CLOSE_WAIT:
	case TCP_SYN_RECV:
		if (abort) {
			tcp_abort_locked(cb, true);
			break;
		}
		/* The FIN handshake goes on without the file. */
		cb->fin_queued = true;
		tcp_output(cb);
		break;
	default:
		if (abort)
			tcp_abort_locked(cb, true);
		else if (cb->state == TCP_TIME_WAIT)
			tcp_set_state(cb, TCP_TIME_WAIT);	/* rings go */
		else if (cb->state == TCP_FIN_WAIT2 && cb->t_wait == 0) {
			cb->t_wait = fw_clock_monotonic() + 60000000000ULL;
			tcp_timer_kick(cb->t_wait);
		}
		break;
	}
	lo_drain();
	fw_mutex_unlock(&inet_lock);
}

static const struct sock_ops tcp_ops = {
	.bind = tcp_bind,
	.connect = tcp_connect,
	.listen = tcp_listen,
	.accept = tcp_accept,
	.sendmsg = tcp_send,
	.recvmsg = tcp_recv,
	.shutdown = tcp_shutdown,
	.getname = tcp_getname,
	.poll = tcp_poll,
	.inq = tcp_inq,
	.outq = tcp_outq,
	.setsockopt = tcp_setsockopt,
	.getsockopt = tcp_getsockopt,
	.sol_changed = tcp_sol_changed,
	.release = tcp_release,
};
