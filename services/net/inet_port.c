/*
 * services/net/inet_port.c: the port table (inet.h).  Two bindings of a
 * protocol's port conflict when their addresses overlap (equal, or one
 * a wildcard covering the other's family: an IPv6 wildcard covers IPv4
 * unless IPV6_V6ONLY), unless both set SO_REUSEADDR, or both
 * SO_REUSEPORT with the same owner.  Port 0 takes a free port of the
 * ephemeral range (32768-60999) from a random start.  A packet goes to
 * the best match: a connected socket whose peer is its source first,
 * then one bound to its address, then a wildcard.  The table hashes
 * sockets by local port, so each call looks only at those of its port
 * (a busy server's connections share its listener's).
 * Locks: inet_lock.
 */
#include <fw/errno.h>
#include <fw/random.h>
#include <fw/string.h>
#include "inet.h"
#include "tcp.h"

struct fw_mutex inet_lock;	/* zeroed: unlocked */
#define INET_PORT_BUCKETS	1024
static struct inet_sock *inet_ports[INET_PORT_BUCKETS]
    FW_GUARDED_BY(&inet_lock);

static struct inet_sock **
inet_bucket(uint16_t port) FW_REQUIRES(&inet_lock)
{
	return &inet_ports[port % INET_PORT_BUCKETS];
}

/* Whether s's local address takes packets for a. */
static bool
inet_covers(const struct inet_sock *s, const struct inet_addr *a)
{
	if (!inet_is_any(&s->laddr))
		return inet_addr_eq(&s->laddr, a);
	if (inet_is_v4(&s->laddr))
		return inet_is_v4(a);
	return !inet_is_v4(a) || !s->v6only;
}

static bool
inet_overlap(const struct inet_sock *a, const struct inet_sock *b)
{
	return inet_covers(a, &b->laddr) || inet_covers(b, &a->laddr);
}

static bool
inet_listening(const struct inet_sock *s)
{
	return s->tcp != NULL && s->tcp->state == TCP_LISTEN;
}

/* a exists; b binds.  TCP shares by SO_REUSEADDR only without a listener. */
static bool
inet_may_share(const struct inet_sock *a, const struct inet_sock *b)
{
	uint32_t fa = a->sk->flags, fb = b->sk->flags;

	if ((fa & SOCKF_REUSEADDR) && (fb & SOCKF_REUSEADDR) &&
	    !inet_listening(a) && !inet_listening(b))
		return true;
	return (fa & SOCKF_REUSEPORT) && (fb & SOCKF_REUSEPORT) &&
	    a->uid == b->uid;
}

static bool
inet_port_free_locked(const struct inet_sock *s, uint16_t port)
    FW_REQUIRES(&inet_lock)
{
	struct inet_sock *e;

	for (e = *inet_bucket(port); e != NULL; e = e->pnext)
		if (e->proto == s->proto && e->lport == port &&
		    inet_overlap(e, s) && !inet_may_share(e, s))
			return false;
	return true;
}

/* Whether any socket of proto holds port at all. */
static bool
inet_port_used_locked(int proto, uint16_t port) FW_REQUIRES(&inet_lock)
{
	struct inet_sock *e;

	for (e = *inet_bucket(port); e != NULL; e = e->pnext)
		if (e->proto == proto && e->lport == port)
			return true;
	return false;
}

int
inet_port_bind_locked(struct inet_sock *s, const struct inet_addr *a,
    uint16_t port)
{
	uint32_t span = INET_EPHEMERAL_HI - INET_EPHEMERAL_LO + 1, i, start;

	s->laddr = *a;
	if (port != 0) {
		if (!inet_port_free_locked(s, port))
			return -EADDRINUSE;
	} else {
		fw_random_bytes(&start, sizeof(start));
		for (i = 0; i < span; i++) {
			port = (uint16_t)(INET_EPHEMERAL_LO +
			    (start + i) % span);
			if (!inet_port_used_locked(s->proto, port))
				break;
		}
		if (i == span)
			return -EADDRINUSE;
	}
	s->lport = port;
	inet_port_link_locked(s);
	return 0;
}

void
inet_port_link_locked(struct inet_sock *s)
{
	struct inet_sock **b = inet_bucket(s->lport);

	s->pnext = *b;
	*b = s;
}

bool
inet_port_may_listen_locked(const struct inet_sock *s)
{
	struct inet_sock *e;

	for (e = *inet_bucket(s->lport); e != NULL; e = e->pnext)
		if (e != s && e->proto == s->proto && e->lport == s->lport &&
		    inet_listening(e) && inet_overlap(e, s) &&
		    !((e->sk->flags & SOCKF_REUSEPORT) &&
		    (s->sk->flags & SOCKF_REUSEPORT) && e->uid == s->uid))
			return false;
	return true;
}

void
inet_port_unbind_locked(struct inet_sock *s)
{
	struct inet_sock **pp;

	for (pp = inet_bucket(s->lport); *pp != NULL; pp = &(*pp)->pnext) {
		if (*pp == s) {
			*pp = s->pnext;
			s->pnext = NULL;
			return;
		}
	}
}

struct inet_sock *
inet_port_lookup_locked(int proto, const struct inet_addr *src,
    uint16_t sport, const struct inet_addr *dst, uint16_t dport)
{
	struct inet_sock *e, *best = NULL;
	int score, best_score = -1;

	for (e = *inet_bucket(dport); e != NULL; e = e->pnext) {
		if (e->proto != proto || e->lport != dport ||
		    !inet_covers(e, dst))
			continue;
		/* TCP: only connections and listeners take segments. */
		if (e->tcp != NULL && !e->connected && !inet_listening(e))
			continue;
		score = inet_is_any(&e->laddr) ? 0 : 1;
		if (e->connected) {
			if (e->rport != sport || !inet_addr_eq(&e->raddr, src))
				continue;
			score += 2;
		}
		if (score > best_score) {
			best = e;
			best_score = score;
		}
	}
	return best;
}
