/*
 * net/wire_eth.c: Ethernet II frames (IEEE 802.3 clause 3.2.6 type field,
 * one optional 802.1Q tag) and ARP for Ethernet/IPv4 (RFC 826).  Pure
 * functions; interface in wire.h.
 */
#include "wire.h"

#define ARP_HTYPE_ETHER	1

int
wire_eth_parse(const uint8_t *buf, size_t len, struct wire_eth *out)
{
	size_t hlen = WIRE_ETH_LEN;
	uint16_t type;

	if (len < WIRE_ETH_LEN)
		return -EBADMSG;
	memcpy(out->dst, buf, 6);
	memcpy(out->src, buf + 6, 6);
	type = wire_get16(buf + 12);
	out->vlan = false;
	out->tci = 0;
	if (type == WIRE_ETH_VLAN) {
		if (len < WIRE_ETH_LEN + WIRE_VLAN_LEN)
			return -EBADMSG;
		out->vlan = true;
		out->tci = wire_get16(buf + 14);
		type = wire_get16(buf + 16);
		hlen += WIRE_VLAN_LEN;
		if (type == WIRE_ETH_VLAN || type == 0x88a8)
			return -EOPNOTSUPP;	/* stacked tags */
	}
	if (type < 0x0600)
		return -EOPNOTSUPP;	/* an 802.3 length: LLC, not ours */
	out->type = type;
	out->off = hlen;
	out->len = len - hlen;
	return 0;
}

int
wire_eth_emit(uint8_t *buf, size_t size, size_t off, size_t plen,
    const struct wire_eth *e)
{
	size_t hlen = WIRE_ETH_LEN + (e->vlan ? WIRE_VLAN_LEN : 0);
	uint8_t *p;

	if (!wire_fits(size, off, hlen, plen))
		return -ENOSPC;
	p = buf + off;
	memcpy(p, e->dst, 6);
	memcpy(p + 6, e->src, 6);
	if (e->vlan) {
		wire_put16(p + 12, WIRE_ETH_VLAN);
		wire_put16(p + 14, e->tci);
		p += WIRE_VLAN_LEN;
	}
	wire_put16(p + 12, e->type);
	return (int)hlen;
}

int
wire_arp_parse(const uint8_t *buf, size_t len, struct wire_arp *out)
{
	if (len < WIRE_ARP_LEN)
		return -EBADMSG;
	if (wire_get16(buf) != ARP_HTYPE_ETHER ||
	    wire_get16(buf + 2) != WIRE_ETH_IP4 || buf[4] != 6 || buf[5] != 4)
		return -EOPNOTSUPP;
	out->op = wire_get16(buf + 6);
	memcpy(out->sha, buf + 8, 6);
	memcpy(out->spa, buf + 14, 4);
	memcpy(out->tha, buf + 18, 6);
	memcpy(out->tpa, buf + 24, 4);
	return 0;
}

int
wire_arp_emit(uint8_t *buf, size_t size, size_t off, const struct wire_arp *a)
{
	uint8_t *p;

	if (!wire_fits(size, off, WIRE_ARP_LEN, 0))
		return -ENOSPC;
	p = buf + off;
	wire_put16(p, ARP_HTYPE_ETHER);
	wire_put16(p + 2, WIRE_ETH_IP4);
	p[4] = 6;
	p[5] = 4;
	wire_put16(p + 6, a->op);
	memcpy(p + 8, a->sha, 6);
	memcpy(p + 14, a->spa, 4);
	memcpy(p + 18, a->tha, 6);
	memcpy(p + 24, a->tpa, 4);
	return WIRE_ARP_LEN;
}
