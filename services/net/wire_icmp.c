/*
 * net/wire_icmp.c: ICMPv4 messages (RFC 792; frag-needed with the next-hop
 * MTU, RFC 1191 4).  Errors must quote an IPv4 header and at least the 8
 * bytes after it.  Pure functions; interface in wire.h.
 */
#include "wire.h"

static bool
icmp_is_error(uint8_t type)
{
	return type == WIRE_ICMP_UNREACH || type == WIRE_ICMP_TIMXCEED;
}

/* The quoted datagram in p[0..len): its header, then 8 bytes of it. */
static int
icmp_quote(const uint8_t *p, size_t len, size_t base, struct wire_quote *q)
{
	size_t hlen;

	if (len < WIRE_IP4_LEN || p[0] >> 4 != 4)
		return -EBADMSG;
	hlen = (size_t)(p[0] & 0xf) * 4;
	if (hlen < WIRE_IP4_LEN || len < hlen + 8)
		return -EBADMSG;
	memset(q, 0, sizeof(*q));
	q->proto = p[9];
	memcpy(q->src, p + 12, 4);
	memcpy(q->dst, p + 16, 4);
	q->ip_off = base;
	q->l4_off = base + hlen;
	q->l4_len = len - hlen;
	return 0;
}

int
wire_icmp_parse(const uint8_t *buf, size_t len, bool verify,
    struct wire_icmp *out)
{
	if (len < WIRE_ICMP_LEN)
		return -EBADMSG;
	if (verify && wire_sum(0, buf, len) != 0xffff)
		return -EBADMSG;
	out->type = buf[0];
	out->code = buf[1];
	out->rest = wire_get32(buf + 4);
	out->id = out->seq = out->mtu = 0;
	if (out->type == WIRE_ICMP_ECHO || out->type == WIRE_ICMP_ECHOREPLY) {
		out->id = wire_get16(buf + 4);
		out->seq = wire_get16(buf + 6);
	} else if (out->type == WIRE_ICMP_UNREACH &&
	    out->code == WIRE_ICMP_FRAG_NEEDED)
		out->mtu = wire_get16(buf + 6);
	out->off = WIRE_ICMP_LEN;
	out->len = len - WIRE_ICMP_LEN;
	memset(&out->q, 0, sizeof(out->q));
	if (icmp_is_error(out->type))
		return icmp_quote(buf + WIRE_ICMP_LEN, out->len, WIRE_ICMP_LEN,
		    &out->q);
	return 0;
}

/* The word after the checksum: from the typed fields where they exist. */
static uint32_t
icmp_rest(const struct wire_icmp *m)
{
	switch (m->type) {
	case WIRE_ICMP_ECHO:
	case WIRE_ICMP_ECHOREPLY:
		return (uint32_t)m->id << 16 | m->seq;
	case WIRE_ICMP_UNREACH:
		if (m->code == WIRE_ICMP_FRAG_NEEDED)
			return m->mtu;
		return m->rest;
	default:
		return m->rest;
	}
}

int
wire_icmp_emit(uint8_t *buf, size_t size, size_t off, size_t plen,
    const struct wire_icmp *m)
{
	uint8_t *p;

	if (!wire_fits(size, off, WIRE_ICMP_LEN, plen))
		return -ENOSPC;
	p = buf + off;
	p[0] = m->type;
	p[1] = m->code;
	wire_put16(p + 2, 0);
	wire_put32(p + 4, icmp_rest(m));
	wire_put16(p + 2, wire_csum(p, WIRE_ICMP_LEN + plen));
	return WIRE_ICMP_LEN;
}
