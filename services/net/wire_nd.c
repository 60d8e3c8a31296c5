/*
 * net/wire_nd.c: the bodies of the Neighbor Discovery messages RS, RA, NS
 * and NA and their options (RFC 4861 4.1-4.6): link-layer addresses (for
 * Ethernet), prefix information and MTU.  Called by wire_icmp6.c with the
 * whole ICMPv6 message; interface in wire.h.
 */
#include "wire.h"

#define ND_OPT_SLL	1
#define ND_OPT_TLL	2
#define ND_OPT_PREFIX	3
#define ND_OPT_MTU	5
#define ND_PREFIX_LEN	32

/* The size of each message's fixed part, options excluded. */
static size_t
nd_fixed(uint8_t type)
{
	switch (type) {
	case WIRE_ND_RA:
		return 16;
	case WIRE_ND_NS:
	case WIRE_ND_NA:
		return 24;
	default:
		return 8;	/* RS */
	}
}

static void
nd_prefix(const uint8_t *p, struct wire_nd *nd)
{
	struct wire_nd_prefix *x;

	if (nd->nprefix == WIRE_ND_PREFIX_MAX)
		return;
	x = &nd->prefix[nd->nprefix++];
	x->len = p[2];
	x->onlink = (p[3] & 0x80) != 0;
	x->autonomous = (p[3] & 0x40) != 0;
	x->valid = wire_get32(p + 4);
	x->preferred = wire_get32(p + 8);
	memcpy(x->prefix, p + 16, 16);
}

/* One option of olen bytes at p; the first of a duplicate wins. */
static int
nd_opt(const uint8_t *p, size_t olen, struct wire_nd *nd)
{
	switch (p[0]) {
	case ND_OPT_SLL:
	case ND_OPT_TLL:
		if (olen != 8)
			return -EBADMSG;
		if (p[0] == ND_OPT_SLL && !nd->has_sll) {
			nd->has_sll = true;
			memcpy(nd->sll, p + 2, 6);
		} else if (p[0] == ND_OPT_TLL && !nd->has_tll) {
			nd->has_tll = true;
			memcpy(nd->tll, p + 2, 6);
		}
		return 0;
	case ND_OPT_PREFIX:
		if (olen != ND_PREFIX_LEN)
			return -EBADMSG;
		nd_prefix(p, nd);
		return 0;
	case ND_OPT_MTU:
		if (olen != 8)
			return -EBADMSG;
		if (!nd->has_mtu) {
			nd->has_mtu = true;
			nd->mtu = wire_get32(p + 4);
		}
		return 0;
	default:
		return 0;	/* unknown: skipped (RFC 4861 4.6) */
	}
}

int
wire_nd_parse(const uint8_t *buf, size_t len, struct wire_icmp6 *m)
{
	struct wire_nd *nd = &m->nd;
	size_t i, olen, fixed = nd_fixed(m->type);
	int err;

	if (m->code != 0 || len < fixed)
		return -EBADMSG;
	if (m->type == WIRE_ND_RA) {
		nd->hop_limit = buf[4];
		nd->managed = (buf[5] & 0x80) != 0;
		nd->other = (buf[5] & 0x40) != 0;
		nd->lifetime = wire_get16(buf + 6);
		nd->reachable = wire_get32(buf + 8);
		nd->retrans = wire_get32(buf + 12);
	} else if (m->type == WIRE_ND_NS || m->type == WIRE_ND_NA) {
		if (m->type == WIRE_ND_NA) {
			nd->router = (buf[4] & 0x80) != 0;
			nd->solicited = (buf[4] & 0x40) != 0;
			nd->override = (buf[4] & 0x20) != 0;
		}
		memcpy(nd->target, buf + 8, 16);
	}
	for (i = fixed; i < len; i += olen) {
		if (len - i < 2)
			return -EBADMSG;
		olen = (size_t)buf[i + 1] * 8;
		if (olen == 0 || olen > len - i)
			return -EBADMSG;
		if ((err = nd_opt(buf + i, olen, nd)) < 0)
			return err;
	}
	m->off = fixed;
	m->len = len - fixed;
	return 0;
}

/* Prefixes to emit: a count past the array is clamped. */
static size_t
nd_nprefix(const struct wire_nd *nd)
{
	return nd->nprefix < WIRE_ND_PREFIX_MAX ? nd->nprefix :
	    WIRE_ND_PREFIX_MAX;
}

size_t
wire_nd_len(const struct wire_icmp6 *m)
{
	const struct wire_nd *nd = &m->nd;

	return nd_fixed(m->type) + (nd->has_sll ? 8 : 0) +
	    (nd->has_tll ? 8 : 0) + (nd->has_mtu ? 8 : 0) +
	    (size_t)nd_nprefix(nd) * ND_PREFIX_LEN;
}

static uint8_t *
nd_emit_lla(uint8_t *p, uint8_t type, const uint8_t *lla)
{
	p[0] = type;
	p[1] = 1;
	memcpy(p + 2, lla, 6);
	return p + 8;
}

static uint8_t *
nd_emit_prefix(uint8_t *p, const struct wire_nd_prefix *x)
{
	memset(p, 0, ND_PREFIX_LEN);
	p[0] = ND_OPT_PREFIX;
	p[1] = ND_PREFIX_LEN / 8;
	p[2] = x->len;
	p[3] = (uint8_t)((x->onlink ? 0x80 : 0) | (x->autonomous ? 0x40 : 0));
	wire_put32(p + 4, x->valid);
	wire_put32(p + 8, x->preferred);
	memcpy(p + 16, x->prefix, 16);
	return p + ND_PREFIX_LEN;
}

/*
 * Writes bytes 4 on of the message at p (wire_nd_len() of them): the
 * fixed part, then options in the order SLL, TLL, MTU, prefixes.
 */
void
wire_nd_emit(uint8_t *p, const struct wire_icmp6 *m)
{
	const struct wire_nd *nd = &m->nd;
	uint8_t *o;
	size_t i;

	memset(p + 4, 0, nd_fixed(m->type) - 4);
	if (m->type == WIRE_ND_RA) {
		p[4] = nd->hop_limit;
		p[5] = (uint8_t)((nd->managed ? 0x80 : 0) |
		    (nd->other ? 0x40 : 0));
		wire_put16(p + 6, nd->lifetime);
		wire_put32(p + 8, nd->reachable);
		wire_put32(p + 12, nd->retrans);
	} else if (m->type == WIRE_ND_NS || m->type == WIRE_ND_NA) {
		if (m->type == WIRE_ND_NA)
			p[4] = (uint8_t)((nd->router ? 0x80 : 0) |
			    (nd->solicited ? 0x40 : 0) |
			    (nd->override ? 0x20 : 0));
		memcpy(p + 8, nd->target, 16);
	}
	o = p + nd_fixed(m->type);
	if (nd->has_sll)
		o = nd_emit_lla(o, ND_OPT_SLL, nd->sll);
	if (nd->has_tll)
		o = nd_emit_lla(o, ND_OPT_TLL, nd->tll);
	if (nd->has_mtu) {
		memset(o, 0, 8);
		o[0] = ND_OPT_MTU;
		o[1] = 1;
		wire_put32(o + 4, nd->mtu);
		o += 8;
	}
	for (i = 0; i < nd_nprefix(nd); i++)
		o = nd_emit_prefix(o, &nd->prefix[i]);
}
