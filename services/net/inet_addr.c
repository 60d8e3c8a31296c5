/*
 * services/net/inet_addr.c: IPv4 and IPv6 addresses (inet.h): the guest's
 * sockaddr_in (16 bytes) and sockaddr_in6 (28; 24 accepted, RFC 2133's)
 * in and out, in network byte order on the wire of the ABI, and what lo
 * owns.  No state, no locks.
 */
#include <fw/errno.h>
#include <fw/string.h>
#include "inet.h"

static const uint8_t v4_prefix[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0xff, 0xff };

bool
inet_is_v4(const struct inet_addr *a)
{
	return memcmp(a->b, v4_prefix, sizeof(v4_prefix)) == 0;
}

void
inet_v4_mapped(struct inet_addr *a, const uint8_t *v4)
{
	memset(a, 0, sizeof(*a));
	memcpy(a->b, v4_prefix, sizeof(v4_prefix));
	memcpy(a->b + 12, v4, 4);
}

bool
inet_is_any(const struct inet_addr *a)
{
	static const uint8_t zero[16];

	if (inet_is_v4(a))
		return memcmp(a->b + 12, zero, 4) == 0;
	return memcmp(a->b, zero, 16) == 0;
}

bool
inet_is_local(const struct inet_addr *a)
{
	static const uint8_t loop6[16] = { [15] = 1 };

	if (inet_is_v4(a))
		return a->b[12] == 127;
	return memcmp(a->b, loop6, 16) == 0;
}

bool
inet_addr_eq(const struct inet_addr *a, const struct inet_addr *b)
{
	return memcmp(a->b, b->b, 16) == 0;
}

static uint16_t
be16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

int
inet_addr_in(int family, const uint8_t *sa, size_t len, struct inet_addr *a,
    uint16_t *port)
{
	int fam = len >= 2 ? sa[0] | sa[1] << 8 : -1;

	memset(a, 0, sizeof(*a));
	if (family == LINUX_AF_INET || fam == LINUX_AF_INET) {
		if (len < SOCKADDR_IN_LEN)
			return -EINVAL;
		if (fam != LINUX_AF_INET)
			return -EAFNOSUPPORT;
		memcpy(a->b, v4_prefix, sizeof(v4_prefix));
		memcpy(a->b + 12, sa + 4, 4);
		*port = be16(sa + 2);
		return 0;
	}
	if (len < 24)
		return -EINVAL;
	if (fam != LINUX_AF_INET6)
		return -EAFNOSUPPORT;
	memcpy(a->b, sa + 8, 16);
	*port = be16(sa + 2);
	return 0;
}

size_t
inet_addr_out(int family, const struct inet_addr *a, uint16_t port,
    uint8_t *sa)
{
	if (family == LINUX_AF_INET) {
		memset(sa, 0, SOCKADDR_IN_LEN);
		sa[0] = LINUX_AF_INET;
		sa[2] = (uint8_t)(port >> 8);
		sa[3] = (uint8_t)port;
		memcpy(sa + 4, a->b + 12, 4);
		return SOCKADDR_IN_LEN;
	}
	memset(sa, 0, SOCKADDR_IN6_LEN);
	sa[0] = LINUX_AF_INET6;
	sa[2] = (uint8_t)(port >> 8);
	sa[3] = (uint8_t)port;
	memcpy(sa + 8, a->b, 16);
	return SOCKADDR_IN6_LEN;
}

void
inet_source_for(const struct inet_addr *dst, struct inet_addr *src)
{
	memset(src, 0, sizeof(*src));
	if (inet_is_v4(dst)) {
		memcpy(src->b, v4_prefix, sizeof(v4_prefix));
		src->b[12] = 127;
		src->b[15] = 1;
	} else
		src->b[15] = 1;
}
