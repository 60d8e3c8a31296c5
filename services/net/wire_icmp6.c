/*
 * net/wire_icmp6.c: ICMPv6 messages (RFC 4443): echo, the errors with the
 * packet they quote, and the framing of Neighbor Discovery, whose body is
 * in wire_nd.c.  Pure functions; interface in wire.h.
 */
#include "wire.h"

static bool
icmp6_is_error(uint8_t type)
{
	return type >= WIRE_ICMP6_UNREACH && type <= WIRE_ICMP6_PARAMPROB;
}

static bool
icmp6_is_nd(uint8_t type)
{
	return type >= WIRE_ND_RS && type <= WIRE_ND_NA;
}

int
wire_icmp6_parse(const uint8_t *buf, size_t len, const struct wire_pseudo *ph,
    bool verify, struct wire_icmp6 *out)
{
	uint32_t s;
	int err;

	if (len < WIRE_ICMP_LEN || len > 0xffffffffu)
		return -EBADMSG;
	if (verify) {
		s = wire_pseudo_sum(ph, WIRE_IP_ICMP6, (uint32_t)len);
		if (wire_sum(s, buf, len) != 0xffff)
			return -EBADMSG;
	}
	memset(out, 0, sizeof(*out));
	out->type = buf[0];
	out->code = buf[1];
	out->rest = wire_get32(buf + 4);
	out->off = WIRE_ICMP_LEN;
	out->len = len - WIRE_ICMP_LEN;
	if (out->type == WIRE_ICMP6_ECHO || out->type == WIRE_ICMP6_ECHOREPLY) {
		out->id = wire_get16(buf + 4);
		out->seq = wire_get16(buf + 6);
	} else if (icmp6_is_error(out->type)) {
		if (out->type == WIRE_ICMP6_TOOBIG)
			out->mtu = out->rest;
		err = wire_ip6_quote(buf + WIRE_ICMP_LEN, out->len, &out->q);
		if (err < 0)
			return err;
		out->q.ip_off += WIRE_ICMP_LEN;
		out->q.l4_off += WIRE_ICMP_LEN;
	} else if (icmp6_is_nd(out->type)) {
		return wire_nd_parse(buf, len, out);
	}
	return 0;
}

size_t
wire_icmp6_hdr_len(const struct wire_icmp6 *m)
{
	if (icmp6_is_nd(m->type))
		return wire_nd_len(m);
	return WIRE_ICMP_LEN;
}

/* The word after the checksum, for the types that are not ND. */
static uint32_t
icmp6_rest(const struct wire_icmp6 *m)
{
	switch (m->type) {
	case WIRE_ICMP6_ECHO:
	case WIRE_ICMP6_ECHOREPLY:
		return (uint32_t)m->id << 16 | m->seq;
	case WIRE_ICMP6_TOOBIG:
		return m->mtu;
	default:
		return m->rest;
	}
}

int
wire_icmp6_emit(uint8_t *buf, size_t size, size_t off, size_t plen,
    const struct wire_icmp6 *m, const struct wire_pseudo *ph,
    struct wire_csum *cs)
{
	size_t hlen = wire_icmp6_hdr_len(m);
	uint8_t *p;

	if (!wire_fits(size, off, hlen, plen))
		return -ENOSPC;
	if (hlen + plen > 0xffff || cs->mode == WIRE_CSUM_NONE)
		return -EINVAL;
	p = buf + off;
	p[0] = m->type;
	p[1] = m->code;
	wire_put16(p + 2, 0);
	if (icmp6_is_nd(m->type))
		wire_nd_emit(p, m);
	else
		wire_put32(p + 4, icmp6_rest(m));
	wire_l4_csum(buf, off, hlen + plen, 2,
	    wire_pseudo_sum(ph, WIRE_IP_ICMP6, (uint32_t)(hlen + plen)), cs);
	return (int)hlen;
}
