/*
 * tests/unit/services/net/wiretest.h: helpers shared by the wire layer's
 * tests: an independent checksum, a walk of a whole frame down the layers
 * (parse_frame) and its way back up (emit_frame).
 */
#ifndef WIRETEST_H
#define WIRETEST_H

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "wire.h"
#include "wire_frames.h"

/*
 * The RFC 1071 sum written differently from wire_sum(): byte by byte into
 * a 64-bit accumulator, even-indexed bytes high, folded at the end.
 */
static inline uint16_t
ref_sum(const uint8_t *p, size_t n)
{
	uint64_t s = 0;
	size_t i;

	for (i = 0; i < n; i++)
		s += (i % 2 == 0) ? (uint64_t)p[i] * 256 : p[i];
	while (s > 0xffff)
		s = (s >> 16) + (s & 0xffff);
	return (uint16_t)s;
}

/* The sum of a pseudo-header laid out in bytes, then the segment. */
static inline uint16_t
ref_l4_sum(int family, const uint8_t *src, const uint8_t *dst, uint8_t proto,
    const uint8_t *seg, size_t n)
{
	uint8_t b[40 + 65536 + 1];
	size_t al = family == 6 ? 16 : 4, h;

	memset(b, 0, sizeof(b));
	memcpy(b, src, al);
	memcpy(b + al, dst, al);
	if (family == 6) {
		b[32] = (uint8_t)(n >> 24);
		b[33] = (uint8_t)(n >> 16);
		b[34] = (uint8_t)(n >> 8);
		b[35] = (uint8_t)n;
		b[39] = proto;
		h = 40;
	} else {
		b[9] = proto;
		b[10] = (uint8_t)(n >> 8);
		b[11] = (uint8_t)n;
		h = 12;
	}
	memcpy(b + h, seg, n);
	return ref_sum(b, h + n);
}

/* Every layer of one frame. */
struct parsed {
	struct wire_eth		eth;
	struct wire_arp		arp;
	struct wire_ip4		ip4;
	struct wire_ip6		ip6;
	struct wire_pseudo	ph;
	struct wire_icmp	icmp;
	struct wire_icmp6	icmp6;
	struct wire_tcp		tcp;
	struct wire_udp		udp;
	size_t			l3, l4, l4len;	/* offsets in the frame */
	uint8_t			proto;
};

int	parse_frame(const uint8_t *f, size_t n, bool verify, struct parsed *p);
int	emit_frame(const struct parsed *p, const uint8_t *f, uint8_t *out,
	    size_t size, struct wire_csum *cs);
/* A heap copy of n bytes, so that ASan sees a read past n. */
uint8_t	*dup_bytes(const uint8_t *f, size_t n);

#endif
