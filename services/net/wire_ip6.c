/*
 * net/wire_ip6.c: the IPv6 fixed header and the walk over its extension
 * headers (RFC 8200 3, 4; AH: RFC 4302 2).  Pure functions; interface in
 * wire.h.
 */
#include "wire.h"

#define IP6_HOPOPTS	0
#define IP6_ROUTING	43
#define IP6_FRAGMENT	44
#define IP6_AH		51
#define IP6_NONE	59
#define IP6_DSTOPTS	60
#define IP6_EXT_MAX	8

/*
 * Steps over the extension header of type nh at p[*off..len): sets *nh to
 * the next header and advances *off.  Returns 1 if the walk goes on, 0 if
 * *nh is the upper layer (or a non-first fragment's data), or -EBADMSG.
 */
static int
ip6_ext_step(const uint8_t *p, size_t len, size_t *off, uint8_t *nh,
    struct wire_ip6 *out)
{
	size_t hl, o = *off;
	bool stop = false;
	uint16_t fo;

	switch (*nh) {
	case IP6_HOPOPTS:
	case IP6_ROUTING:
	case IP6_DSTOPTS:
		if (len - o < 8)
			return -EBADMSG;
		hl = ((size_t)p[o + 1] + 1) * 8;
		break;
	case IP6_AH:
		if (len - o < 8)
			return -EBADMSG;
		hl = ((size_t)p[o + 1] + 2) * 4;
		break;
	case IP6_FRAGMENT:
		if (len - o < 8 || out->frag)
			return -EBADMSG;	/* a second fragment header */
		fo = wire_get16(p + o + 2);
		out->frag = true;
		out->frag_off = fo & 0xfff8;
		out->mf = (fo & 1) != 0;
		out->frag_id = wire_get32(p + o + 4);
		stop = out->frag_off != 0;	/* the rest is elsewhere */
		hl = 8;
		break;
	default:
		return 0;
	}
	if (hl > len - o)
		return -EBADMSG;
	*nh = p[o];
	*off = o + hl;
	return stop ? 0 : 1;
}

/*
 * Walks the extension headers of p[0..len) from *nh at *off; a hop-by-hop
 * header is allowed only first (RFC 8200 4.3).  Used for quoted packets too.
 */
static int
ip6_walk(const uint8_t *p, size_t len, uint8_t *nh, size_t *off,
    struct wire_ip6 *out)
{
	int i, r;

	/* One step more than headers allowed, to find the upper layer. */
	for (i = 0; i <= IP6_EXT_MAX; i++) {
		if (*nh == IP6_HOPOPTS && *off != WIRE_IP6_LEN)
			return -EBADMSG;
		if ((r = ip6_ext_step(p, len, off, nh, out)) <= 0)
			return r;
	}
	return -EBADMSG;	/* more headers than a sane sender writes */
}

int
wire_ip6_parse(const uint8_t *buf, size_t len, struct wire_ip6 *out)
{
	size_t plen, off = WIRE_IP6_LEN;
	uint32_t w;
	uint8_t nh;
	int err;

	if (len < WIRE_IP6_LEN || buf[0] >> 4 != 6)
		return -EBADMSG;
	plen = wire_get16(buf + 4);
	nh = buf[6];
	if (plen == 0 && nh == IP6_HOPOPTS)
		return -EOPNOTSUPP;	/* a jumbogram (RFC 2675) */
	if (plen > len - WIRE_IP6_LEN)
		return -EBADMSG;
	w = wire_get32(buf);
	out->tclass = (uint8_t)(w >> 20);
	out->flow = w & 0xfffff;
	out->hop_limit = buf[7];
	memcpy(out->src, buf + 8, 16);
	memcpy(out->dst, buf + 24, 16);
	out->frag = out->mf = false;
	out->frag_off = 0;
	out->frag_id = 0;
	/* Bytes past the payload length (Ethernet padding) are not walked. */
	if ((err = ip6_walk(buf, WIRE_IP6_LEN + plen, &nh, &off, out)) < 0)
		return err;
	out->proto = nh;
	out->off = off;
	out->len = WIRE_IP6_LEN + plen - off;
	return 0;
}

int
wire_ip6_emit(uint8_t *buf, size_t size, size_t off, size_t plen,
    const struct wire_ip6 *ip)
{
	uint8_t *p;

	if (!wire_fits(size, off, WIRE_IP6_LEN, plen))
		return -ENOSPC;
	if (plen > 0xffff || ip->flow > 0xfffff)
		return -EINVAL;
	p = buf + off;
	wire_put32(p, 6u << 28 | (uint32_t)ip->tclass << 20 | ip->flow);
	wire_put16(p + 4, (uint16_t)plen);
	p[6] = ip->proto;
	p[7] = ip->hop_limit;
	memcpy(p + 8, ip->src, 16);
	memcpy(p + 24, ip->dst, 16);
	return WIRE_IP6_LEN;
}

void
wire_ip6_pseudo(const struct wire_ip6 *ip, struct wire_pseudo *ph)
{
	ph->family = 6;
	memcpy(ph->src, ip->src, 16);
	memcpy(ph->dst, ip->dst, 16);
}

/*
 * The quoted packet of an ICMPv6 error: as much of it as fit (RFC 4443
 * 2.4 (c)), so the payload length is not checked, but the walk to the
 * upper layer must stay within what is there and leave 8 bytes of it.
 */
int
wire_ip6_quote(const uint8_t *buf, size_t len, struct wire_quote *q)
{
	struct wire_ip6 tmp;
	size_t off = WIRE_IP6_LEN;
	uint8_t nh;
	int err;

	if (len < WIRE_IP6_LEN || buf[0] >> 4 != 6)
		return -EBADMSG;
	nh = buf[6];
	memset(&tmp, 0, sizeof(tmp));
	if ((err = ip6_walk(buf, len, &nh, &off, &tmp)) < 0)
		return err;
	if (len - off < 8)
		return -EBADMSG;
	q->proto = nh;
	memcpy(q->src, buf + 8, 16);
	memcpy(q->dst, buf + 24, 16);
	q->ip_off = 0;
	q->l4_off = off;
	q->l4_len = len - off;
	return 0;
}
