/*
 * net/wire_ip4.c: the IPv4 header (RFC 791 3.1; RFC 1122 3.2.1).  Pure
 * functions; interface in wire.h.
 */
#include "wire.h"

#define IP4_DF		0x4000
#define IP4_MF		0x2000
#define IP4_OFFMASK	0x1fff
#define IPOPT_EOL	0
#define IPOPT_NOP	1

/*
 * Walks the options in p[0..len): each but EOL and NOP has a length byte
 * of at least 2 that must not overrun the header (RFC 791 3.1 "Options").
 */
static int
ip4_opts_check(const uint8_t *p, size_t len)
{
	size_t i = 0;

	while (i < len) {
		if (p[i] == IPOPT_EOL)
			return 0;
		if (p[i] == IPOPT_NOP) {
			i++;
			continue;
		}
		if (len - i < 2 || p[i + 1] < 2 || p[i + 1] > len - i)
			return -EBADMSG;
		i += p[i + 1];
	}
	return 0;
}

int
wire_ip4_parse(const uint8_t *buf, size_t len, bool verify,
    struct wire_ip4 *out)
{
	size_t hlen, tlen;
	uint16_t frag;

	if (len < WIRE_IP4_LEN || buf[0] >> 4 != 4)
		return -EBADMSG;
	hlen = (size_t)(buf[0] & 0xf) * 4;
	tlen = wire_get16(buf + 2);
	if (hlen < WIRE_IP4_LEN || hlen > tlen || tlen > len)
		return -EBADMSG;
	if (verify && wire_sum(0, buf, hlen) != 0xffff)
		return -EBADMSG;
	if (ip4_opts_check(buf + WIRE_IP4_LEN, hlen - WIRE_IP4_LEN) < 0)
		return -EBADMSG;
	frag = wire_get16(buf + 6);	/* the reserved bit is ignored */
	out->tos = buf[1];
	out->id = wire_get16(buf + 4);
	out->df = (frag & IP4_DF) != 0;
	out->mf = (frag & IP4_MF) != 0;
	out->frag_off = (uint16_t)((frag & IP4_OFFMASK) * 8);
	out->ttl = buf[8];
	out->proto = buf[9];
	memcpy(out->src, buf + 12, 4);
	memcpy(out->dst, buf + 16, 4);
	out->hlen = (uint8_t)hlen;
	out->off = hlen;
	out->len = tlen - hlen;
	/* A fragment may not end past the largest datagram (65535). */
	if (out->frag_off + out->len > 0xffff)
		return -EBADMSG;
	return 0;
}

int
wire_ip4_emit(uint8_t *buf, size_t size, size_t off, size_t plen,
    const struct wire_ip4 *ip)
{
	uint16_t frag;
	uint8_t *p;

	if (!wire_fits(size, off, WIRE_IP4_LEN, plen))
		return -ENOSPC;
	if (plen > 0xffff - WIRE_IP4_LEN || ip->frag_off % 8 != 0)
		return -EINVAL;
	frag = (uint16_t)(ip->frag_off / 8);
	if (ip->df)
		frag |= IP4_DF;
	if (ip->mf)
		frag |= IP4_MF;
	p = buf + off;
	p[0] = 0x45;
	p[1] = ip->tos;
	wire_put16(p + 2, (uint16_t)(WIRE_IP4_LEN + plen));
	wire_put16(p + 4, ip->id);
	wire_put16(p + 6, frag);
	p[8] = ip->ttl;
	p[9] = ip->proto;
	wire_put16(p + 10, 0);
	memcpy(p + 12, ip->src, 4);
	memcpy(p + 16, ip->dst, 4);
	wire_put16(p + 10, wire_csum(p, WIRE_IP4_LEN));
	return WIRE_IP4_LEN;
}

void
wire_ip4_pseudo(const struct wire_ip4 *ip, struct wire_pseudo *ph)
{
	memset(ph, 0, sizeof(*ph));
	ph->family = 4;
	memcpy(ph->src, ip->src, 4);
	memcpy(ph->dst, ip->dst, 4);
}
