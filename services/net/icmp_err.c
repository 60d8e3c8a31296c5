/*
 * services/net/icmp_err.c: ICMP errors, both ways.  In (RFC 1122
 * 3.2.2.1 and 4.2.3.9, RFC 4443 3, RFC 5927): the quoted packet names the
 * socket; Linux's tables (icmp_err_convert, icmpv6_err_convert) give the
 * errno and whether it is hard.  A connected UDP socket reports a hard
 * error on its next call; a TCP connection still in its handshake dies of
 * a hard one (connect: ECONNREFUSED, EHOSTUNREACH ...) and keeps a soft
 * one to report instead of ETIMEDOUT; an established connection only
 * keeps it (RFC 5461).  The quoted TCP sequence number must be one we
 * have in flight.  Out: a UDP datagram to our address that no socket
 * takes is answered with port unreachable, quoting as much of it as the
 * minimum MTU allows (576 bytes for IPv4, 1280 for IPv6), at most 100 a
 * second; never about a broadcast or multicast.
 * Locks: inet_lock.
 */
#include <fw/alloc.h>
#include <fw/errno.h>
#include <fw/string.h>
#include <fw/timer.h>
#include <svc/lib.h>
#include "netdev_impl.h"

#define ICMP_RATE	100		/* errors sent per second */

struct icmp_errno {
	int8_t		 err;		/* positive errno */
	bool		 hard;
};

/* ICMPv4 destination unreachable, by code (Linux's icmp_err_convert). */
static const struct icmp_errno unreach4[16] = {
	{ ENETUNREACH, false }, { EHOSTUNREACH, false },
	{ ENOPROTOOPT, true }, { ECONNREFUSED, true },
	{ EMSGSIZE, false }, { EOPNOTSUPP, false },
	{ ENETUNREACH, true }, { EHOSTDOWN, true },
	{ ENONET, true }, { ENETUNREACH, true },
	{ EHOSTUNREACH, true }, { ENETUNREACH, false },
	{ EHOSTUNREACH, false }, { EHOSTUNREACH, true },
	{ EHOSTUNREACH, true }, { EHOSTUNREACH, true },
};

/* ICMPv6 destination unreachable, by code (Linux's tab_unreach). */
static const struct icmp_errno unreach6[7] = {
	{ ENETUNREACH, false }, { EACCES, true },
	{ EHOSTUNREACH, false }, { EHOSTUNREACH, false },
	{ ECONNREFUSED, true }, { EACCES, true }, { EACCES, true },
};

static struct icmp_errno
icmp_convert(bool v6, uint8_t type, uint8_t code)
{
	struct icmp_errno e = { EHOSTUNREACH, false };

	if (!v6 && type == WIRE_ICMP_UNREACH && code < 16)
		return unreach4[code];
	if (v6 && type == WIRE_ICMP6_UNREACH && code < 7)
		return unreach6[code];
	if (v6 && type == WIRE_ICMP6_TOOBIG)
		e.err = EMSGSIZE;
	else if (v6 && type == WIRE_ICMP6_PARAMPROB) {
		e.err = EPROTO;
		e.hard = true;
	}
	return e;			/* time exceeded: soft */
}

static void
icmp_addr(bool v6, const uint8_t *b, struct inet_addr *a)
{
	if (v6)
		memcpy(a->b, b, 16);
	else
		inet_v4_mapped(a, b);
}

void
icmp_err_input(bool v6, uint8_t type, uint8_t code,
    const struct wire_quote *q, const uint8_t *buf)
{
	struct icmp_errno e = icmp_convert(v6, type, code);
	const uint8_t *l4 = buf + q->l4_off;
	struct inet_addr us, them;
	struct inet_sock *is;
	int proto;

	if (q->l4_len < 8)
		return;
	if (q->proto == WIRE_IP_TCP)
		proto = LINUX_IPPROTO_TCP;
	else if (q->proto == WIRE_IP_UDP)
		proto = LINUX_IPPROTO_UDP;
	else
		return;
	icmp_addr(v6, q->src, &us);
	icmp_addr(v6, q->dst, &them);
	is = inet_port_lookup_locked(proto, &them, wire_get16(l4 + 2), &us,
	    wire_get16(l4));
	if (is == NULL)
		return;
	if (is->tcp != NULL)
		tcp_err(is->tcp, -e.err, e.hard, wire_get32(l4 + 4));
	else if (is->connected && e.hard) {
		atomic_store(&is->sk->err, -e.err);
		sock_wake(is->sk, LINUX_EPOLLERR);
	}
}

static uint64_t icmp_window FW_GUARDED_BY(&inet_lock);
static unsigned int icmp_sent FW_GUARDED_BY(&inet_lock);

bool
icmp_err_may_send(void)
{
	uint64_t now = fw_clock_monotonic();

	if (now - icmp_window >= 1000000000ULL) {
		icmp_window = now;
		icmp_sent = 0;
	}
	return icmp_sent++ < ICMP_RATE;
}
