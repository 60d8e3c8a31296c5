/*
 * services/net/ip6.c: IPv6 over the Ethernet device (RFC 8200).  In: a
 * packet for one of our addresses or groups (nd6.c), not a fragment (no
 * reassembly yet: dropped), goes to TCP or UDP with verified checksums
 * (a datagram no socket takes gets port unreachable); ICMPv6 echo
 * requests get their reply, errors go to their sockets (icmp_err.c),
 * neighbour discovery to nd6.c when its hop limit is 255 (RFC 4861
 * 6.1).  Out: TCP, UDP and ICMPv6 are encoded by the wire layer into one
 * frame (hop limit 64) and sent by net_eth_xmit().
 * Locks: inet_lock.
 */
#include <fw/alloc.h>
#include <fw/errno.h>
#include <fw/string.h>
#include <svc/lib.h>
#include <svc/netdev.h>
#include "netdev_impl.h"

#define IP6_HOPS	64
#define FRAME_HEAD	(WIRE_ETH_LEN + WIRE_IP6_LEN)

static void
ip6_pseudo(const uint8_t *src, const uint8_t *dst, struct wire_pseudo *ph)
{
	memset(ph, 0, sizeof(*ph));
	ph->family = 6;
	memcpy(ph->src, src, 16);
	memcpy(ph->dst, dst, 16);
}

/* Writes the IPv6 header at frame[14] for the plen bytes at frame[54]
 * and sends the frame. */
static void
ip6_send(uint8_t *frame, uint8_t proto, uint8_t hops, const uint8_t *src,
    const uint8_t *dst, size_t plen) FW_REQUIRES(&inet_lock)
{
	struct inet_addr to;
	struct wire_ip6 ip;

	memset(&ip, 0, sizeof(ip));
	ip.hop_limit = hops;
	ip.proto = proto;
	memcpy(ip.src, src, 16);
	memcpy(ip.dst, dst, 16);
	if (wire_ip6_emit(frame, FRAME_HEAD + plen, WIRE_ETH_LEN, plen,
	    &ip) < 0)
		return;
	memcpy(to.b, dst, 16);
	net_eth_xmit(&to, frame, FRAME_HEAD + plen);
}

void
ip6_output_tcp(const struct tcp_seg *seg)
{
	struct wire_pseudo ph;
	uint8_t *frame;
	size_t plen;

	ip6_pseudo(seg->src.b, seg->dst.b, &ph);
	if (ip_tcp_frame(seg, FRAME_HEAD, &ph, &frame, &plen) < 0)
		return;			/* as if lost: TCP resends */
	ip6_send(frame, WIRE_IP_TCP, IP6_HOPS, seg->src.b, seg->dst.b, plen);
	fw_free(frame);
}

int
ip6_output_udp(const struct inet_addr *src, uint16_t sport,
    const struct inet_addr *dst, uint16_t dport, const uint8_t *data,
    size_t len)
{
	struct wire_pseudo ph;
	uint8_t *frame;
	int err;

	if (len + WIRE_UDP_LEN > net_eth.nd->mtu - WIRE_IP6_LEN)
		return -EMSGSIZE;	/* no fragmentation yet */
	ip6_pseudo(src->b, dst->b, &ph);
	if ((err = ip_udp_frame(sport, dport, data, len, FRAME_HEAD, &ph,
	    &frame)) < 0)
		return err;
	ip6_send(frame, WIRE_IP_UDP, IP6_HOPS, src->b, dst->b,
	    WIRE_UDP_LEN + len);
	fw_free(frame);
	return 0;
}

void
ip6_send_icmp6(const uint8_t *src, const uint8_t *dst, uint8_t hops,
    const struct wire_icmp6 *m, const uint8_t *data, size_t len)
{
	struct wire_csum cs = { WIRE_CSUM_FULL, 0, 0 };
	size_t hlen = wire_icmp6_hdr_len(m), size = FRAME_HEAD + hlen + len;
	struct wire_pseudo ph;
	uint8_t *frame;

	if ((frame = fw_alloc(size)) == NULL)
		return;
	memcpy(frame + FRAME_HEAD + hlen, data, len);
	ip6_pseudo(src, dst, &ph);
	if (wire_icmp6_emit(frame, size, FRAME_HEAD, len, m, &ph, &cs) >= 0)
		ip6_send(frame, WIRE_IP_ICMP6, hops, src, dst, hlen + len);
	fw_free(frame);
}

static void
ip6_icmp6_input(const struct wire_ip6 *ip, const uint8_t *pkt)
    FW_REQUIRES(&inet_lock)
{
	struct wire_pseudo ph;
	struct wire_icmp6 m, r;

	wire_ip6_pseudo(ip, &ph);
	if (wire_icmp6_parse(pkt + ip->off, ip->len, &ph, true, &m) < 0)
		return;
	if (m.type >= WIRE_ND_RS && m.type <= WIRE_ND_NA) {
		if (ip->hop_limit == 255)
			nd6_input(ip, &m);
		return;
	}
	if (m.type >= WIRE_ICMP6_UNREACH && m.type <= WIRE_ICMP6_PARAMPROB) {
		icmp_err_input(true, m.type, m.code, &m.q, pkt + ip->off);
		return;
	}
	if (m.type != WIRE_ICMP6_ECHO || !nd6_is_own(ip->dst))
		return;			/* no echo replies to groups */
	memset(&r, 0, sizeof(r));
	r.type = WIRE_ICMP6_ECHOREPLY;
	r.id = m.id;
	r.seq = m.seq;
	r.rest = m.rest;
	ip6_send_icmp6(ip->dst, ip->src, IP6_HOPS, &r,
	    pkt + ip->off + m.off, m.len);
}

/* Port unreachable for the datagram at pkt, quoting what fits in 1280. */
static void
ip6_port_unreach(const struct wire_ip6 *ip, const uint8_t *pkt)
    FW_REQUIRES(&inet_lock)
{
	struct wire_icmp6 m;

	memset(&m, 0, sizeof(m));
	m.type = WIRE_ICMP6_UNREACH;
	m.code = 4;				/* port */
	ip6_send_icmp6(ip->dst, ip->src, IP6_HOPS, &m, pkt,
	    MIN(ip->off + ip->len, (size_t)1280 - WIRE_IP6_LEN - 8));
}

void
ip6_input(const uint8_t *pkt, size_t len)
{
	struct inet_addr src, dst;
	struct wire_pseudo ph;
	struct wire_tcp t;
	struct wire_udp u;
	struct wire_ip6 ip;

	if (wire_ip6_parse(pkt, len, &ip) < 0)
		return;
	if (!nd6_is_own(ip.dst) && !nd6_in_group(ip.dst))
		return;			/* not ours: we do not forward */
	if (ip.frag)
		return;			/* fragments: no reassembly yet */
	memcpy(src.b, ip.src, 16);
	memcpy(dst.b, ip.dst, 16);
	wire_ip6_pseudo(&ip, &ph);
	switch (ip.proto) {
	case WIRE_IP_TCP:
		if (nd6_is_own(ip.dst) && wire_tcp_parse(pkt + ip.off, ip.len,
		    &ph, true, &t) >= 0)
			ip_tcp_input(&t, pkt + ip.off, &src, &dst);
		break;
	case WIRE_IP_UDP:
		if (wire_udp_parse(pkt + ip.off, ip.len, &ph, true, &u) >= 0 &&
		    !ip_udp_input(&u, pkt + ip.off, &src, &dst) &&
		    nd6_is_own(ip.dst) && icmp_err_may_send())
			ip6_port_unreach(&ip, pkt);
		break;
	case WIRE_IP_ICMP6:
		ip6_icmp6_input(&ip, pkt);
		break;
	default:
		break;
	}
}
