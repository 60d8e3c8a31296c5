/*
 * net/wire_udp.c: the UDP header (RFC 768; IPv6: RFC 8200 8.1).  Pure
 * functions; interface in wire.h.
 */
#include "wire.h"

#define UDP_CSUM_FIELD	6

int
wire_udp_parse(const uint8_t *buf, size_t len, const struct wire_pseudo *ph,
    bool verify, struct wire_udp *out)
{
	size_t ulen;
	uint32_t s;

	if (len < WIRE_UDP_LEN)
		return -EBADMSG;
	ulen = wire_get16(buf + 4);
	if (ulen < WIRE_UDP_LEN || ulen > len)
		return -EBADMSG;
	out->sport = wire_get16(buf);
	out->dport = wire_get16(buf + 2);
	out->csum = wire_get16(buf + 6);
	out->off = WIRE_UDP_LEN;
	out->len = ulen - WIRE_UDP_LEN;
	if (!verify)
		return 0;
	if (out->csum == 0)
		return ph->family == 6 ? -EBADMSG : 0;
	s = wire_pseudo_sum(ph, WIRE_IP_UDP, (uint32_t)ulen);
	return wire_sum(s, buf, ulen) == 0xffff ? 0 : -EBADMSG;
}

int
wire_udp_emit(uint8_t *buf, size_t size, size_t off, size_t plen,
    const struct wire_udp *u, const struct wire_pseudo *ph,
    struct wire_csum *cs)
{
	size_t ulen = WIRE_UDP_LEN + plen;
	uint8_t *p;

	if (!wire_fits(size, off, WIRE_UDP_LEN, plen))
		return -ENOSPC;
	if (ulen > 0xffff || (cs->mode == WIRE_CSUM_NONE && ph->family == 6))
		return -EINVAL;
	p = buf + off;
	wire_put16(p, u->sport);
	wire_put16(p + 2, u->dport);
	wire_put16(p + 4, (uint16_t)ulen);
	wire_put16(p + 6, 0);
	wire_l4_csum(buf, off, ulen, UDP_CSUM_FIELD,
	    wire_pseudo_sum(ph, WIRE_IP_UDP, (uint32_t)ulen), cs);
	/* A computed 0 is sent as its other form: 0 means none (RFC 768). */
	if (cs->mode == WIRE_CSUM_FULL && wire_get16(p + 6) == 0)
		wire_put16(p + 6, 0xffff);
	return WIRE_UDP_LEN;
}
