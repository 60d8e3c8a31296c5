/*
 * net/wire_csum.c: the Internet checksum (RFC 1071) and the pseudo-header
 * sums of TCP, UDP and ICMPv6 over IPv4 (RFC 793 3.1) and IPv6 (RFC 8200
 * 8.1).  Pure functions; interface in wire.h.
 */
#include "wire.h"

_Static_assert(WIRE_ETH_LEN == 14, "Ethernet II header");
_Static_assert(WIRE_ARP_LEN == 28, "ARP for Ethernet/IPv4");
_Static_assert(WIRE_IP4_LEN == 20, "IPv4 header without options");
_Static_assert(WIRE_IP6_LEN == 40, "IPv6 fixed header");
_Static_assert(WIRE_ICMP_LEN == 8, "ICMP header");
_Static_assert(WIRE_UDP_LEN == 8, "UDP header");
_Static_assert(WIRE_TCP_LEN == 20, "TCP header without options");
_Static_assert(WIRE_TCP_LEN + WIRE_TCP_OPT_MAX == 60, "data offset 15");

/* Folds a wide sum into 16 bits with end-around carries. */
static uint32_t
fold(uint64_t s)
{
	while (s >> 16)
		s = (s & 0xffff) + (s >> 16);
	return (uint32_t)s;
}

/*
 * Adds buf to sum.  Summing 16-bit big-endian words into 64 bits cannot
 * overflow for any buffer that fits in memory (2^48 words), so the fold is
 * done once at the end.
 */
uint32_t
wire_sum(uint32_t sum, const uint8_t *buf, size_t len)
{
	uint64_t s = sum;
	size_t i;

	for (i = 0; i + 1 < len; i += 2)
		s += (uint32_t)buf[i] << 8 | buf[i + 1];
	if (len & 1)
		s += (uint32_t)buf[len - 1] << 8;
	return fold(s);
}

uint32_t
wire_sum_add(uint32_t a, uint32_t b)
{
	return fold((uint64_t)a + b);
}

uint16_t
wire_csum(const uint8_t *buf, size_t len)
{
	return (uint16_t)~wire_sum(0, buf, len);
}

/* The addresses, the protocol and the upper-layer length, summed. */
uint32_t
wire_pseudo_sum(const struct wire_pseudo *ph, uint8_t proto, uint32_t len)
{
	size_t alen = ph->family == 6 ? 16 : 4;
	uint32_t s;

	s = wire_sum(0, ph->src, alen);
	s = wire_sum(s, ph->dst, alen);
	return wire_sum_add(s, wire_sum_add(proto, fold((uint64_t)len)));
}

void
wire_l4_csum(uint8_t *buf, size_t off, size_t n, size_t field, uint32_t psum,
    struct wire_csum *cs)
{
	uint16_t c;

	switch (cs->mode) {
	case WIRE_CSUM_NONE:
		return;
	case WIRE_CSUM_PARTIAL:
		/* The device adds the bytes from start on and complements. */
		wire_put16(buf + off + field, (uint16_t)psum);
		cs->start = off;
		cs->offset = field;
		return;
	case WIRE_CSUM_FULL:
		c = (uint16_t)~wire_sum(psum, buf + off, n);
		wire_put16(buf + off + field, c);
		return;
	}
}
