/*
 * services/net/inet_sockopt.c: the IPPROTO_IP and IPPROTO_IPV6 options an
 * inet socket keeps (ip(7), ipv6(7)).  Values are ints (IPv4 ones may be
 * one byte, as Linux takes them); IP_TTL and IPV6_UNICAST_HOPS take 1-255
 * or -1 for the default (64), IPV6_V6ONLY only before bind (EINVAL
 * after).  IPv6 options on an IPv4 socket, and options not kept, are
 * ENOPROTOOPT.
 * Locks: inet_lock.
 */
#include <fw/errno.h>
#include <fw/string.h>
#include "inet.h"

#define IP_PMTUDISC_WANT	1

static int
opt_int(const uint8_t *val, size_t len, int level, int32_t *v)
{
	if (len >= sizeof(int32_t)) {
		memcpy(v, val, sizeof(*v));
		return 0;
	}
	if (level == LINUX_SOL_IP && len >= 1) {
		*v = val[0];
		return 0;
	}
	return -EINVAL;
}

int
inet_setsockopt(struct sock *sk, int level, int name, const uint8_t *val,
    size_t len)
{
	struct inet_sock *s = inet_of(sk);
	int32_t v;
	int err;

	if (level != LINUX_SOL_IP && (level != LINUX_SOL_IPV6 ||
	    sk->family != LINUX_AF_INET6))
		return -ENOPROTOOPT;
	if ((err = opt_int(val, len, level, &v)) < 0)
		return err;
	fw_mutex_lock(&inet_lock);
	switch (level << 8 | name) {
	case LINUX_SOL_IP << 8 | LINUX_IP_TTL:
	case LINUX_SOL_IPV6 << 8 | LINUX_IPV6_UNICAST_HOPS:
		if (v < -1 || v == 0 || v > 255)
			err = -EINVAL;
		else
			s->ttl = v;
		break;
	case LINUX_SOL_IP << 8 | LINUX_IP_TOS:
	case LINUX_SOL_IPV6 << 8 | LINUX_IPV6_TCLASS:
		s->tos = v & 0xff;
		break;
	case LINUX_SOL_IP << 8 | LINUX_IP_RECVERR:
		s->recverr = v != 0;
		break;
	case LINUX_SOL_IP << 8 | LINUX_IP_PKTINFO:
	case LINUX_SOL_IPV6 << 8 | LINUX_IPV6_RECVPKTINFO:
		s->pktinfo = v != 0;
		break;
	case LINUX_SOL_IPV6 << 8 | LINUX_IPV6_V6ONLY:
		if (s->lport != 0)
			err = -EINVAL;
		else
			s->v6only = v != 0;
		break;
	default:
		err = -ENOPROTOOPT;
	}
	fw_mutex_unlock(&inet_lock);
	return err;
}

int
inet_getsockopt(struct sock *sk, int level, int name, uint8_t *val,
    size_t *len)
{
	struct inet_sock *s = inet_of(sk);
	int32_t v;
	int err = 0;

	if (level != LINUX_SOL_IP && (level != LINUX_SOL_IPV6 ||
	    sk->family != LINUX_AF_INET6))
		return -ENOPROTOOPT;
	fw_mutex_lock(&inet_lock);
	switch (level << 8 | name) {
	case LINUX_SOL_IP << 8 | LINUX_IP_TTL:
	case LINUX_SOL_IPV6 << 8 | LINUX_IPV6_UNICAST_HOPS:
		v = s->ttl < 0 ? 64 : s->ttl;
		break;
	case LINUX_SOL_IP << 8 | LINUX_IP_TOS:
	case LINUX_SOL_IPV6 << 8 | LINUX_IPV6_TCLASS:
		v = s->tos;
		break;
	case LINUX_SOL_IP << 8 | LINUX_IP_RECVERR:
		v = s->recverr;
		break;
	case LINUX_SOL_IP << 8 | LINUX_IP_PKTINFO:
	case LINUX_SOL_IPV6 << 8 | LINUX_IPV6_RECVPKTINFO:
		v = s->pktinfo;
		break;
	case LINUX_SOL_IP << 8 | LINUX_IP_MTU_DISCOVER:
		v = IP_PMTUDISC_WANT;
		break;
	case LINUX_SOL_IPV6 << 8 | LINUX_IPV6_V6ONLY:
		v = s->v6only;
		break;
	default:
		err = -ENOPROTOOPT;
	}
	fw_mutex_unlock(&inet_lock);
	if (err == 0) {
		memcpy(val, &v, sizeof(v));
		*len = sizeof(v);
	}
	return err;
}
