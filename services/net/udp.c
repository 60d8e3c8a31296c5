/*
 * services/net/udp.c: UDP sockets (udp(7)) over lo, for AF_INET and
 * AF_INET6.
 *
 * bind takes an address of lo or a wildcard (else EADDRNOTAVAIL; a port
 * below 1024 needs euid 0, EACCES) and a port (inet_port.c).  connect
 * sets the default destination and filters what is received by source;
 * AF_UNSPEC dissolves it.  A send picks a port first if the socket has
 * none; on lo it hands the datagram to its receiver at once: it is
 * dropped when the receiver's rcvbuf is full, and when nothing takes it
 * a connected sender learns ECONNREFUSED on its next call (the ICMP port
 * unreachable of Linux's loopback).  Beyond lo it goes out through the
 * device (ip4.c, ip6.c), or is ENETUNREACH without a route; an ICMP
 * error that comes back is a connected socket's (icmp_err.c).  A receive
 * takes one datagram with its source, cut to the buffer (MSG_TRUNC).
 *
 * Locks: inet_lock (inet.h).
 */
#include <fw/alloc.h>
#include <fw/errno.h>
#include <fw/string.h>
#include <svc/file.h>
#include <svc/lib.h>
#include <svc/proc.h>
#include "inet.h"
#include "ifaddr.h"
#include "netdev_impl.h"

/* What a queued datagram costs its receiver beyond its bytes. */
#define UDP_DGRAM_OVERHEAD	768

bool
inet_privileged(struct thread *t)
{
	bool r;

	fw_mutex_lock(&t->proc->lock);
	r = t->proc->cred.euid == 0;
	fw_mutex_unlock(&t->proc->lock);
	return r;
}

void
inet_any(const struct sock *sk, struct inet_addr *a)
{
	memset(a, 0, sizeof(*a));
	if (sk->family == LINUX_AF_INET)
		a->b[10] = a->b[11] = 0xff;
}

int
inet_bind(struct sock *sk, struct thread *t, const uint8_t *sa, size_t len)
{
	struct inet_sock *s = inet_of(sk);
	struct inet_addr a;
	uint16_t port;
	int err;

	if ((err = inet_addr_in(sk->family, sa, len, &a, &port)) < 0) {
		/* AF_UNSPEC with INADDR_ANY is tolerated for IPv4. */
		if (err != -EAFNOSUPPORT || sk->family != LINUX_AF_INET ||
		    (sa[0] | sa[1] << 8) != LINUX_AF_UNSPEC ||
		    sa[4] | sa[5] | sa[6] | sa[7])
			return sk->family == LINUX_AF_INET6 &&
			    err == -EAFNOSUPPORT ? -EINVAL : err;
		inet_any(sk, &a);
		port = (uint16_t)(sa[2] << 8 | sa[3]);
	}
	if (sk->family == LINUX_AF_INET6 && inet_is_v4(&a) && s->v6only)
		return -EINVAL;
	fw_mutex_lock(&inet_lock);
	err = inet_is_any(&a) || inet_is_local(&a) || net_is_eth_addr(&a) ?
	    0 : -EADDRNOTAVAIL;
	fw_mutex_unlock(&inet_lock);
	if (err < 0)
		return err;
	if (port != 0 && port < 1024 && !inet_privileged(t))
		return -EACCES;
	fw_mutex_lock(&inet_lock);
	err = s->lport != 0 ? -EINVAL : inet_port_bind_locked(s, &a, port);
	fw_mutex_unlock(&inet_lock);
	return err;
}

/* Binds an unbound socket to the wildcard and an ephemeral port. */
static int
udp_autobind_locked(struct inet_sock *s) FW_REQUIRES(&inet_lock)
{
	struct inet_addr any;

	if (s->lport != 0)
		return 0;
	inet_any(s->sk, &any);
	return inet_port_bind_locked(s, &any, 0) < 0 ? -EAGAIN : 0;
}

/*
 * A destination from a guest sockaddr for s: 0, or -EINVAL, -EAFNOSUPPORT,
 * -ENETUNREACH (an IPv4 one for a V6ONLY socket; not on lo).
 */
static int
udp_dest(struct inet_sock *s, const uint8_t *sa, size_t len,
    struct inet_addr *a, uint16_t *port)
{
	int err;

	if ((err = inet_addr_in(s->sk->family, sa, len, a, port)) < 0)
		return err;
	if (s->sk->family == LINUX_AF_INET6 && inet_is_v4(a) && s->v6only)
		return -ENETUNREACH;
	if (inet_is_any(a))
		inet_source_for(a, a);		/* 0.0.0.0 and :: are here */
	fw_mutex_lock(&inet_lock);
	err = net_route(a, NULL, NULL);
	fw_mutex_unlock(&inet_lock);
	return err < 0 ? err : 0;
}

static int
udp_connect(struct sock *sk, struct thread *t, const uint8_t *sa,
    size_t len, bool nonblock)
{
	struct inet_sock *s = inet_of(sk);
	struct inet_addr a, src;
	uint16_t port;
	int err;

	if (len < 2)
		return -EINVAL;
	if ((sa[0] | sa[1] << 8) == LINUX_AF_UNSPEC) {
		fw_mutex_lock(&inet_lock);
		s->connected = false;
		memset(&s->raddr, 0, sizeof(s->raddr));
		s->rport = 0;
		fw_mutex_unlock(&inet_lock);
		sock_wake(sk, 0);
		return 0;
	}
	if ((err = udp_dest(s, sa, len, &a, &port)) < 0)
		return err == -ENETUNREACH && sk->family == LINUX_AF_INET6 &&
		    inet_is_v4(&a) && s->v6only ? -EAFNOSUPPORT : err;
	fw_mutex_lock(&inet_lock);
	if ((err = udp_autobind_locked(s)) == 0) {
		if (inet_is_any(&s->laddr) && net_route(&a, &src, NULL) >= 0)
			s->laddr = src;	/* the route's source (Linux) */
		s->raddr = a;
		s->rport = port;
		s->connected = true;
	}
	fw_mutex_unlock(&inet_lock);
	return err;
}

/* The destination of a send: 0, or -EDESTADDRREQ and udp_dest()'s. */
static int
udp_send_dest(struct inet_sock *s, struct sock_msg *m, struct inet_addr *a,
    uint16_t *port)
{
	int err = 0;

	if (m->namelen > 0)
		return udp_dest(s, m->name, m->namelen, a, port);
	fw_mutex_lock(&inet_lock);
	if (!s->connected)
		err = -EDESTADDRREQ;
	else {
		*a = s->raddr;
		*port = s->rport;
	}
	fw_mutex_unlock(&inet_lock);
	return err;
}

struct inet_sock *
udp_deliver_locked(struct inet_dgram *d, const struct inet_addr *dst,
    uint16_t dport)
{
	struct inet_sock *r;

	r = inet_port_lookup_locked(LINUX_IPPROTO_UDP, &d->src, d->sport, dst,
	    dport);
	if (r == NULL)
		return NULL;
	if (r->qmem + d->charge > (size_t)atomic_load(&r->sk->rcvbuf) &&
	    r->qhead != NULL) {
		fw_free(d);		/* dropped, as a full rcvbuf does */
		return r;
	}
	d->next = NULL;
	if (r->qtail != NULL)
		r->qtail->next = d;
	else
		r->qhead = d;
	r->qtail = d;
	r->qlen++;
	r->qmem += d->charge;
	sock_wake(r->sk, LINUX_EPOLLIN | LINUX_EPOLLRDNORM);
	return r;
}

static long
udp_send(struct sock *sk, struct sock_msg *m, bool nonblock)
{
	struct inet_sock *s = inet_of(sk);
	int route;
	size_t len = m->it.left;
	struct inet_dgram *d;
	struct inet_addr dst, src;
	uint16_t dport;
	int err;

	if (m->flags & LINUX_MSG_OOB)
		return -EOPNOTSUPP;
	if ((err = sock_error(sk)) < 0)
		return err;
	if ((err = udp_send_dest(s, m, &dst, &dport)) < 0)
		return err;
	if (len > (inet_is_v4(&dst) ? (size_t)UDP_MAX_V4 : (size_t)UDP_MAX_V6))
		return -EMSGSIZE;
	if (dport == 0)
		return -EINVAL;
	if ((d = fw_alloc(sizeof(*d) + len)) == NULL)
		return -ENOMEM;
	if ((err = iter_copy_from(&m->it, d->data, len)) < 0) {
		fw_free(d);
		return err;
	}
	d->next = NULL;
	d->len = len;
	d->charge = len + UDP_DGRAM_OVERHEAD;
	fw_mutex_lock(&inet_lock);
	if ((err = udp_autobind_locked(s)) < 0)
		goto out;
	if ((route = net_route(&dst, &src, NULL)) < 0) {
		err = route;
		goto out;
	}
	if (!inet_is_any(&s->laddr))
		src = s->laddr;
	d->src = src;
	d->sport = s->lport;
	if (route == NET_ROUTE_ETH) {
		err = inet_is_v4(&dst) ?
		    ip4_output_udp(&src, s->lport, &dst, dport, d->data, len) :
		    ip6_output_udp(&src, s->lport, &dst, dport, d->data, len);
		goto out;
	}
	net_lo_count_locked((inet_is_v4(&dst) ? 20 : 40) + 8 + len);
	if (udp_deliver_locked(d, &dst, dport) == NULL) {
		/* lo's port unreachable: news for a connected sender. */
		if (s->connected)
			atomic_store(&sk->err, -ECONNREFUSED);
		goto out;
	}
	d = NULL;
out:
	fw_mutex_unlock(&inet_lock);
	fw_free(d);
	return err < 0 ? err : (long)len;
}

static long
udp_recv(struct sock *sk, struct sock_msg *m, bool nonblock)
{
	struct inet_sock *s = inet_of(sk);
	bool peek = (m->flags & LINUX_MSG_PEEK) != 0;
	uint64_t timeo = sk->rcvtimeo;
	uint64_t deadline = sock_deadline(timeo);
	struct inet_dgram *d;
	unsigned int gen;
	size_t n;
	int err;

	if (m->flags & LINUX_MSG_OOB)
		return -EOPNOTSUPP;
	if (m->flags & LINUX_MSG_ERRQUEUE)
		return -EAGAIN;			/* nothing without IP_RECVERR */
	nonblock |= (m->flags & LINUX_MSG_DONTWAIT) != 0;
	fw_mutex_lock(&inet_lock);
	for (;;) {
		if ((d = s->qhead) != NULL)
			break;
		if ((err = sock_error(sk)) < 0)
			goto fail;
		if (atomic_load(&sk->shut) & SOCK_RCV_SHUTDOWN) {
			fw_mutex_unlock(&inet_lock);
			return 0;
		}
		if (nonblock) {
			err = -EAGAIN;
			goto fail;
		}
		gen = atomic_load(&sk->gen);
		fw_mutex_unlock(&inet_lock);
		if ((err = sock_wait(sk, gen, deadline, timeo != 0)) < 0)
			return err;
		fw_mutex_lock(&inet_lock);
	}
	if (peek) {
		/* Another reader may take d once the lock goes: a copy. */
		struct inet_dgram *c = fw_alloc(sizeof(*c) + d->len);

		if (c == NULL) {
			err = -ENOMEM;
			goto fail;
		}
		memcpy(c, d, sizeof(*c));
		memcpy(c->data, d->data, d->len);
		d = c;
	} else {
		s->qhead = d->next;
		if (s->qhead == NULL)
			s->qtail = NULL;
		s->qlen--;
		s->qmem -= d->charge;
	}
	fw_mutex_unlock(&inet_lock);
	n = MIN(m->it.left, d->len);
	if (n < d->len)
		m->oflags |= LINUX_MSG_TRUNC;
	m->namelen = inet_addr_out(sk->family, &d->src, d->sport, m->name);
	err = iter_copy_to(&m->it, d->data, n);
	if (err == 0)
		err = (m->flags & LINUX_MSG_TRUNC) ? (int)d->len : (int)n;
	fw_free(d);
	return err;
fail:
	fw_mutex_unlock(&inet_lock);
	return err;
}

static uint32_t
udp_poll(struct sock *sk, struct poll_table *pt)
{
	struct inet_sock *s = inet_of(sk);
	unsigned int shut = atomic_load(&sk->shut);
	uint32_t mask = LINUX_EPOLLOUT | LINUX_EPOLLWRNORM | LINUX_EPOLLWRBAND;

	poll_wait(pt, &sk->ph);
	if (atomic_load(&sk->err) != 0)
		mask |= LINUX_EPOLLERR;
	if (shut & SOCK_RCV_SHUTDOWN)
		mask |= LINUX_EPOLLRDHUP | LINUX_EPOLLIN | LINUX_EPOLLRDNORM;
	if (shut == (SOCK_RCV_SHUTDOWN | SOCK_SEND_SHUTDOWN))
		mask |= LINUX_EPOLLHUP;
	fw_mutex_lock(&inet_lock);
	if (s->qhead != NULL)
		mask |= LINUX_EPOLLIN | LINUX_EPOLLRDNORM;
	fw_mutex_unlock(&inet_lock);
	return mask;
}

/* inet_shutdown(): an unconnected socket is ENOTCONN, yet woken. */
static int
udp_shutdown(struct sock *sk, int how)
{
	struct inet_sock *s = inet_of(sk);
	bool connected;

	if (how < LINUX_SHUT_RD || how > LINUX_SHUT_RDWR)
		return -EINVAL;
	fw_mutex_lock(&inet_lock);
	connected = s->connected;
	fw_mutex_unlock(&inet_lock);
	atomic_fetch_or(&sk->shut, (unsigned int)how + 1);
	sock_wake(sk, 0);
	return connected ? 0 : -ENOTCONN;
}

void
inet_name_locked(struct inet_sock *s, uint8_t *sa, size_t *len, bool peer)
{
	struct inet_addr any;

	if (peer)
		*len = inet_addr_out(s->sk->family, &s->raddr, s->rport, sa);
	else if (s->lport == 0) {
		inet_any(s->sk, &any);
		*len = inet_addr_out(s->sk->family, &any, 0, sa);
	} else
		*len = inet_addr_out(s->sk->family, &s->laddr, s->lport, sa);
}

static int
udp_getname(struct sock *sk, uint8_t *sa, size_t *len, int peer)
{
	struct inet_sock *s = inet_of(sk);
	int err = 0;

	fw_mutex_lock(&inet_lock);
	if (peer && !s->connected)
		err = -ENOTCONN;
	else
		inet_name_locked(s, sa, len, peer != 0);
	fw_mutex_unlock(&inet_lock);
	return err;
}

/* FIONREAD: the size of the next datagram. */
static long
udp_inq(struct sock *sk)
{
	struct inet_sock *s = inet_of(sk);
	long n;

	fw_mutex_lock(&inet_lock);
	n = s->qhead != NULL ? (long)s->qhead->len : 0;
	fw_mutex_unlock(&inet_lock);
	return n;
}

static long
udp_outq(struct sock *sk)
{
	return 0;			/* sent at once */
}

static void
udp_release(struct sock *sk)
{
	struct inet_sock *s = inet_of(sk);
	struct inet_dgram *d;

	fw_mutex_lock(&inet_lock);
	if (s->lport != 0)
		inet_port_unbind_locked(s);
	d = s->qhead;
	s->qhead = s->qtail = NULL;
	fw_mutex_unlock(&inet_lock);
	while (d != NULL) {
		struct inet_dgram *next = d->next;

		fw_free(d);
		d = next;
	}
	sock_unref(sk);		/* the inet_sock's */
	fw_free(s);
}

static const struct sock_ops udp_ops = {
	.bind = inet_bind,
	.connect = udp_connect,
	.listen = sock_no_listen,
	.accept = sock_no_accept,
	.sendmsg = udp_send,
	.recvmsg = udp_recv,
	.shutdown = udp_shutdown,
	.getname = udp_getname,
	.poll = udp_poll,
	.inq = udp_inq,
	.outq = udp_outq,
	.setsockopt = inet_setsockopt,
	.getsockopt = inet_getsockopt,
	.release = udp_release,
};

int
udp_create(int family, struct thread *t, struct sock **out)
{
	struct inet_sock *s;

	if ((s = fw_zalloc(1, sizeof(*s))) == NULL)
		return -ENOMEM;
	s->proto = LINUX_IPPROTO_UDP;
	s->ttl = -1;
	fw_mutex_lock(&t->proc->lock);
	s->uid = t->proc->cred.euid;
	fw_mutex_unlock(&t->proc->lock);
	if ((s->sk = sock_alloc(family, LINUX_SOCK_DGRAM, LINUX_IPPROTO_UDP,
	    &udp_ops, s)) == NULL) {
		fw_free(s);
		return -ENOMEM;
	}
	*out = sock_ref(s->sk);
	return 0;
}
