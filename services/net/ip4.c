/*
 * services/net/ip4.c: IPv4 over the Ethernet device (RFC 791, 1122).  In:
 * a packet for our address (or a broadcast) with good checksums, its
 * fragments reassembled (ip_frag.c), goes to TCP or UDP as lo would hand
 * it over (a datagram no socket takes gets port unreachable), an ICMP
 * echo request gets its reply, and ICMP errors go to the sockets they
 * concern (icmp_err.c).  Out: TCP segments
 * and UDP datagrams are encoded by the wire layer (TTL 64, DF on TCP,
 * full checksums: the device offers no offloads we take; ip_l4.c) into
 * one frame, or fragments of the MTU, and sent by net_eth_xmit().
 * Locks: inet_lock.
 */
#include <fw/alloc.h>
#include <fw/string.h>
#include <svc/lib.h>
#include <svc/netdev.h>
#include "netdev_impl.h"
#include "wire.h"

#define IP4_TTL		64
#define FRAME_HEAD	(WIRE_ETH_LEN + WIRE_IP4_LEN)

/*
 * Sends plen bytes of protocol proto (at l4) in fragments that fit the
 * device's MTU (RFC 791 3.2): every one but the last carries a multiple
 * of 8 bytes and MF.
 */
static void
ip4_send_frags(struct wire_ip4 *ip, const uint8_t *l4, size_t plen)
    FW_REQUIRES(&inet_lock)
{
	size_t chunk = (net_eth.nd->mtu - WIRE_IP4_LEN) & ~(size_t)7;
	struct inet_addr to;
	uint8_t *frame;
	size_t off, n;

	if ((frame = fw_alloc(FRAME_HEAD + chunk)) == NULL)
		return;
	inet_v4_mapped(&to, ip->dst);
	for (off = 0; off < plen; off += n) {
		n = MIN(chunk, plen - off);
		ip->frag_off = (uint16_t)off;
		ip->mf = off + n < plen;
		memcpy(frame + FRAME_HEAD, l4 + off, n);
		if (wire_ip4_emit(frame, FRAME_HEAD + n, WIRE_ETH_LEN, n,
		    ip) < 0)
			break;
		net_eth_xmit(&to, frame, FRAME_HEAD + n);
	}
	fw_free(frame);
}

/*
 * Writes the IPv4 header at frame[14] for an l4 payload of plen bytes
 * already at frame[34] and sends the frame, in fragments if it is larger
 * than the MTU (TCP's, with DF, never are).
 */
static void
ip4_send(uint8_t *frame, size_t size, uint8_t proto, const uint8_t *src,
    const uint8_t *dst, size_t plen) FW_REQUIRES(&inet_lock)
{
	struct inet_addr to;
	struct wire_ip4 ip;

	memset(&ip, 0, sizeof(ip));
	ip.ttl = IP4_TTL;
	ip.proto = proto;
	ip.id = net_eth.ip_id++;
	ip.df = proto == WIRE_IP_TCP;
	memcpy(ip.src, src, 4);
	memcpy(ip.dst, dst, 4);
	if (WIRE_IP4_LEN + plen > net_eth.nd->mtu) {
		if (!ip.df)
			ip4_send_frags(&ip, frame + FRAME_HEAD, plen);
		return;
	}
	if (wire_ip4_emit(frame, size, WIRE_ETH_LEN, plen, &ip) < 0)
		return;
	inet_v4_mapped(&to, dst);
	net_eth_xmit(&to, frame, FRAME_HEAD + plen);
}

static void
ip4_pseudo(const uint8_t *src, const uint8_t *dst, struct wire_pseudo *ph)
{
	memset(ph, 0, sizeof(*ph));
	ph->family = 4;
	memcpy(ph->src, src, 4);
	memcpy(ph->dst, dst, 4);
}

void
ip4_output_tcp(const struct tcp_seg *seg)
{
	struct wire_pseudo ph;
	uint8_t *frame;
	size_t plen;

	ip4_pseudo(seg->src.b + 12, seg->dst.b + 12, &ph);
	if (ip_tcp_frame(seg, FRAME_HEAD, &ph, &frame, &plen) < 0)
		return;			/* as if lost: TCP resends */
	ip4_send(frame, FRAME_HEAD + plen, WIRE_IP_TCP, seg->src.b + 12,
	    seg->dst.b + 12, plen);
	fw_free(frame);
}

int
ip4_output_udp(const struct inet_addr *src, uint16_t sport,
    const struct inet_addr *dst, uint16_t dport, const uint8_t *data,
    size_t len)
{
	struct wire_pseudo ph;
	uint8_t *frame;
	int err;

	if (len + WIRE_UDP_LEN > 65535 - WIRE_IP4_LEN)
		return -EMSGSIZE;	/* past IPv4's total length */
	ip4_pseudo(src->b + 12, dst->b + 12, &ph);
	if ((err = ip_udp_frame(sport, dport, data, len, FRAME_HEAD, &ph,
	    &frame)) < 0)
		return err;
	ip4_send(frame, FRAME_HEAD + WIRE_UDP_LEN + len, WIRE_IP_UDP,
	    src->b + 12, dst->b + 12, WIRE_UDP_LEN + len);
	fw_free(frame);
	return 0;
}

/* Port unreachable for the datagram at pkt, quoting what fits in 576. */
static void
ip4_port_unreach(const struct wire_ip4 *ip, const uint8_t *pkt)
    FW_REQUIRES(&inet_lock)
{
	size_t qlen = MIN(ip->off + ip->len,
	    (size_t)576 - WIRE_IP4_LEN - WIRE_ICMP_LEN);
	size_t size = FRAME_HEAD + WIRE_ICMP_LEN + qlen;
	struct wire_icmp m;
	uint8_t *frame;

	if ((frame = fw_alloc(size)) == NULL)
		return;
	memcpy(frame + FRAME_HEAD + WIRE_ICMP_LEN, pkt, qlen);
	memset(&m, 0, sizeof(m));
	m.type = WIRE_ICMP_UNREACH;
	m.code = 3;				/* port */
	if (wire_icmp_emit(frame, size, FRAME_HEAD, qlen, &m) >= 0)
		ip4_send(frame, size, WIRE_IP_ICMP, ip->dst, ip->src,
		    WIRE_ICMP_LEN + qlen);
	fw_free(frame);
}

static void
ip4_tcp_input(const struct wire_ip4 *ip, const uint8_t *pkt)
    FW_REQUIRES(&inet_lock)
{
	struct inet_addr src, dst;
	struct wire_pseudo ph;
	struct wire_tcp t;

	wire_ip4_pseudo(ip, &ph);
	if (wire_tcp_parse(pkt + ip->off, ip->len, &ph, true, &t) < 0)
		return;
	inet_v4_mapped(&src, ip->src);
	inet_v4_mapped(&dst, ip->dst);
	ip_tcp_input(&t, pkt + ip->off, &src, &dst);
}

static void
ip4_udp_input(const struct wire_ip4 *ip, const uint8_t *pkt)
    FW_REQUIRES(&inet_lock)
{
	struct inet_addr src, dst;
	struct wire_pseudo ph;
	struct wire_udp u;

	wire_ip4_pseudo(ip, &ph);
	if (wire_udp_parse(pkt + ip->off, ip->len, &ph, true, &u) < 0)
		return;
	inet_v4_mapped(&src, ip->src);
	inet_v4_mapped(&dst, ip->dst);
	/* (A reassembled datagram, ip->off 0, has no header to quote.) */
	if (!ip_udp_input(&u, pkt + ip->off, &src, &dst) && ip->off != 0 &&
	    memcmp(ip->dst, net_eth.addr, 4) == 0 && icmp_err_may_send())
		ip4_port_unreach(ip, pkt);
}

static void
ip4_icmp_input(const struct wire_ip4 *ip, const uint8_t *pkt)
    FW_REQUIRES(&inet_lock)
{
	struct wire_icmp m, r;
	uint8_t *frame;
	size_t size;

	if (wire_icmp_parse(pkt + ip->off, ip->len, true, &m) < 0)
		return;
	if (m.type == WIRE_ICMP_UNREACH || m.type == WIRE_ICMP_TIMXCEED) {
		icmp_err_input(false, m.type, m.code, &m.q, pkt + ip->off);
		return;
	}
	if (m.type != WIRE_ICMP_ECHO)
		return;
	size = FRAME_HEAD + WIRE_ICMP_LEN + m.len;
	if ((frame = fw_alloc(size)) == NULL)
		return;
	memcpy(frame + FRAME_HEAD + WIRE_ICMP_LEN, pkt + ip->off + m.off,
	    m.len);
	memset(&r, 0, sizeof(r));
	r.type = WIRE_ICMP_ECHOREPLY;
	r.id = m.id;
	r.seq = m.seq;
	r.rest = m.rest;
	if (wire_icmp_emit(frame, size, FRAME_HEAD, m.len, &r) >= 0)
		ip4_send(frame, size, WIRE_IP_ICMP, ip->dst, ip->src,
		    WIRE_ICMP_LEN + m.len);
	fw_free(frame);
}

/* The payload of ip (at pkt + ip->off) to its protocol. */
static void
ip4_deliver(const struct wire_ip4 *ip, const uint8_t *pkt)
    FW_REQUIRES(&inet_lock)
{
	switch (ip->proto) {
	case WIRE_IP_TCP:
		ip4_tcp_input(ip, pkt);
		break;
	case WIRE_IP_UDP:
		ip4_udp_input(ip, pkt);
		break;
	case WIRE_IP_ICMP:
		ip4_icmp_input(ip, pkt);
		break;
	default:
		break;
	}
}

void
ip4_input(const uint8_t *pkt, size_t len)
{
	static const uint8_t bcast[4] = { 255, 255, 255, 255 };
	struct ip_frag_key k;
	struct wire_ip4 ip;
	uint8_t *whole;
	size_t wlen;

	if (wire_ip4_parse(pkt, len, true, &ip) < 0)
		return;
	if (memcmp(ip.dst, net_eth.addr, 4) != 0 &&
	    memcmp(ip.dst, bcast, 4) != 0)
		return;			/* not ours: we do not forward */
	if (!ip.mf && ip.frag_off == 0) {
		ip4_deliver(&ip, pkt);
		return;
	}
	memset(&k, 0, sizeof(k));
	k.family = 4;
	k.proto = ip.proto;
	memcpy(k.src, ip.src, 4);
	memcpy(k.dst, ip.dst, 4);
	k.id = ip.id;
	whole = ip_frag_input(&k, ip.frag_off, ip.mf, pkt + ip.off, ip.len,
	    &wlen);
	if (whole == NULL)
		return;
	/* The whole datagram, its payload at whole[0]: the header's fields
	 * (addresses, protocol) still hold. */
	ip.off = 0;
	ip.len = wlen;
	ip.mf = false;
	ip.frag_off = 0;
	ip4_deliver(&ip, whole);
	fw_free(whole);
}
