/*
 * tests/unit/services/net/wiretest.c: the frame walk of wiretest.h.
 */
#include "wiretest.h"

uint8_t *
dup_bytes(const uint8_t *f, size_t n)
{
	uint8_t *b = malloc(n ? n : 1);

	ck_assert_ptr_nonnull(b);
	if (n)
		memcpy(b, f, n);
	return b;
}

static int
parse_l4(const uint8_t *f, struct parsed *p, bool verify)
{
	const uint8_t *b = f + p->l4;

	switch (p->proto) {
	case WIRE_IP_TCP:
		return wire_tcp_parse(b, p->l4len, &p->ph, verify, &p->tcp);
	case WIRE_IP_UDP:
		return wire_udp_parse(b, p->l4len, &p->ph, verify, &p->udp);
	case WIRE_IP_ICMP:
		if (p->ph.family != 4)
			return -EOPNOTSUPP;
		return wire_icmp_parse(b, p->l4len, verify, &p->icmp);
	case WIRE_IP_ICMP6:
		if (p->ph.family != 6)
			return -EOPNOTSUPP;
		return wire_icmp6_parse(b, p->l4len, &p->ph, verify,
		    &p->icmp6);
	default:
		return -EOPNOTSUPP;
	}
}

int
parse_frame(const uint8_t *f, size_t n, bool verify, struct parsed *p)
{
	int err;

	memset(p, 0, sizeof(*p));
	if ((err = wire_eth_parse(f, n, &p->eth)) < 0)
		return err;
	p->l3 = p->eth.off;
	switch (p->eth.type) {
	case WIRE_ETH_ARP:
		return wire_arp_parse(f + p->l3, p->eth.len, &p->arp);
	case WIRE_ETH_IP4:
		err = wire_ip4_parse(f + p->l3, p->eth.len, verify, &p->ip4);
		if (err < 0)
			return err;
		wire_ip4_pseudo(&p->ip4, &p->ph);
		p->proto = p->ip4.proto;
		p->l4 = p->l3 + p->ip4.off;
		p->l4len = p->ip4.len;
		if (p->ip4.mf || p->ip4.frag_off)
			return 0;	/* a fragment: no L4 header to parse */
		break;
	case WIRE_ETH_IP6:
		if ((err = wire_ip6_parse(f + p->l3, p->eth.len, &p->ip6)) < 0)
			return err;
		wire_ip6_pseudo(&p->ip6, &p->ph);
		p->proto = p->ip6.proto;
		p->l4 = p->l3 + p->ip6.off;
		p->l4len = p->ip6.len;
		if (p->ip6.frag && (p->ip6.mf || p->ip6.frag_off))
			return 0;
		break;
	default:
		return -EOPNOTSUPP;
	}
	return parse_l4(f, p, verify);
}

/* The L4 header's length as emitted, and its payload in the frame. */
static int
l4_shape(const struct parsed *p, size_t *hlen, size_t *poff, size_t *plen)
{
	int h;

	switch (p->proto) {
	case WIRE_IP_TCP:
		if ((h = wire_tcp_hdr_len(&p->tcp.opt)) < 0)
			return h;
		*hlen = (size_t)h;
		*poff = p->tcp.off;
		*plen = p->tcp.len;
		return 0;
	case WIRE_IP_UDP:
		*hlen = WIRE_UDP_LEN;
		*poff = p->udp.off;
		*plen = p->udp.len;
		return 0;
	case WIRE_IP_ICMP:
		*hlen = WIRE_ICMP_LEN;
		*poff = p->icmp.off;
		*plen = p->icmp.len;
		return 0;
	case WIRE_IP_ICMP6:
		*hlen = wire_icmp6_hdr_len(&p->icmp6);
		*poff = p->icmp6.off;
		/* ND options are emitted from the struct, not copied. */
		*plen = p->icmp6.type >= WIRE_ND_RS &&
		    p->icmp6.type <= WIRE_ND_NA ? 0 : p->icmp6.len;
		return 0;
	default:
		return -EOPNOTSUPP;
	}
}

static int
emit_l4(const struct parsed *p, uint8_t *out, size_t size, size_t off,
    size_t plen, struct wire_csum *cs)
{
	switch (p->proto) {
	case WIRE_IP_TCP:
		return wire_tcp_emit(out, size, off, plen, &p->tcp, &p->ph, cs);
	case WIRE_IP_UDP:
		return wire_udp_emit(out, size, off, plen, &p->udp, &p->ph, cs);
	case WIRE_IP_ICMP:
		return wire_icmp_emit(out, size, off, plen, &p->icmp);
	default:
		return wire_icmp6_emit(out, size, off, plen, &p->icmp6,
		    &p->ph, cs);
	}
}

/*
 * Builds the frame p describes into out from the inside out, the L4
 * payload copied from f: the total length, or a negative errno.
 */
int
emit_frame(const struct parsed *p, const uint8_t *f, uint8_t *out,
    size_t size, struct wire_csum *cs)
{
	size_t eh = WIRE_ETH_LEN + (p->eth.vlan ? WIRE_VLAN_LEN : 0);
	size_t l3h, l4h, poff, plen, l4;
	int r;

	if (p->eth.type == WIRE_ETH_ARP) {
		if ((r = wire_arp_emit(out, size, eh, &p->arp)) < 0)
			return r;
		r = wire_eth_emit(out, size, 0, WIRE_ARP_LEN, &p->eth);
		return r < 0 ? r : (int)(eh + WIRE_ARP_LEN);
	}
	if ((r = l4_shape(p, &l4h, &poff, &plen)) < 0)
		return r;
	l3h = p->eth.type == WIRE_ETH_IP4 ? WIRE_IP4_LEN : WIRE_IP6_LEN;
	l4 = eh + l3h;
	if (l4 + l4h + plen > size)
		return -ENOSPC;
	memcpy(out + l4 + l4h, f + p->l4 + poff, plen);
	if ((r = emit_l4(p, out, size, l4, plen, cs)) < 0)
		return r;
	if (p->eth.type == WIRE_ETH_IP4)
		r = wire_ip4_emit(out, size, eh, l4h + plen, &p->ip4);
	else
		r = wire_ip6_emit(out, size, eh, l4h + plen, &p->ip6);
	if (r < 0)
		return r;
	if ((r = wire_eth_emit(out, size, 0, l3h + l4h + plen, &p->eth)) < 0)
		return r;
	return (int)(l4 + l4h + plen);
}
