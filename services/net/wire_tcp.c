/*
 * net/wire_tcp.c: the TCP header (RFC 9293 3.1); options are in
 * wire_tcpopt.c.  Pure functions; interface in wire.h.
 */
#include "wire.h"

#define TCP_CSUM_FIELD	16

int
wire_tcp_parse(const uint8_t *buf, size_t len, const struct wire_pseudo *ph,
    bool verify, struct wire_tcp *out)
{
	size_t doff;
	uint32_t s;

	if (len < WIRE_TCP_LEN || len > 0xffffffffu)
		return -EBADMSG;
	doff = (size_t)(buf[12] >> 4) * 4;
	if (doff < WIRE_TCP_LEN || doff > len)
		return -EBADMSG;
	if (verify) {
		s = wire_pseudo_sum(ph, WIRE_IP_TCP, (uint32_t)len);
		if (wire_sum(s, buf, len) != 0xffff)
			return -EBADMSG;
	}
	out->sport = wire_get16(buf);
	out->dport = wire_get16(buf + 2);
	out->seq = wire_get32(buf + 4);
	out->ack = wire_get32(buf + 8);
	out->flags = buf[13];
	out->win = wire_get16(buf + 14);
	out->urg = wire_get16(buf + 18);
	out->hlen = (uint8_t)doff;
	out->off = doff;
	out->len = len - doff;
	return wire_tcpopt_parse(buf + WIRE_TCP_LEN, doff - WIRE_TCP_LEN,
	    &out->opt);
}

int
wire_tcp_emit(uint8_t *buf, size_t size, size_t off, size_t plen,
    const struct wire_tcp *t, const struct wire_pseudo *ph,
    struct wire_csum *cs)
{
	int hlen = wire_tcp_hdr_len(&t->opt);
	size_t n;
	uint8_t *p;

	if (hlen < 0)
		return hlen;
	if (!wire_fits(size, off, (size_t)hlen, plen))
		return -ENOSPC;
	n = (size_t)hlen + plen;
	if (n > 0xffff || cs->mode == WIRE_CSUM_NONE)
		return -EINVAL;
	p = buf + off;
	wire_put16(p, t->sport);
	wire_put16(p + 2, t->dport);
	wire_put32(p + 4, t->seq);
	wire_put32(p + 8, t->ack);
	p[12] = (uint8_t)(hlen / 4 << 4);
	p[13] = t->flags;
	wire_put16(p + 14, t->win);
	wire_put16(p + 16, 0);
	wire_put16(p + 18, t->urg);
	wire_tcpopt_emit(p + WIRE_TCP_LEN, (size_t)hlen - WIRE_TCP_LEN,
	    &t->opt);
	wire_l4_csum(buf, off, n, TCP_CSUM_FIELD,
	    wire_pseudo_sum(ph, WIRE_IP_TCP, (uint32_t)n), cs);
	return hlen;
}
