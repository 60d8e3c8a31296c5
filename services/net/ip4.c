/*
 * services/net/ip4.c: IPv4 over the Ethernet device (RFC 791, 1122).  In:
 * a packet for our address (or a broadcast) with good checksums, not a
 * fragment (reassembly is not built: such packets are dropped), goes to
 * TCP or UDP as lo would hand it over, and an ICMP echo request gets its
 * reply.  Out: TCP segments and UDP datagrams are encoded by the wire
 * layer (TTL 64, DF on TCP, full checksums: the device offers no
 * offloads we take) into one frame and sent by net_eth_xmit_ip().
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

static void
ip4_mapped(struct inet_addr *a, const uint8_t *v4)
{
	memset(a, 0, sizeof(*a));
	a->b[10] = a->b[11] = 0xff;
	memcpy(a->b + 12, v4, 4);
}

/*
 * Writes the IPv4 header at frame[14] for an l4 payload of plen bytes
 * already at frame[34] and sends the frame.
 */
static void
ip4_send(uint8_t *frame, size_t size, uint8_t proto, const uint8_t *src,
    const uint8_t *dst, size_t plen) FW_REQUIRES(&inet_lock)
{
	struct wire_ip4 ip;

	memset(&ip, 0, sizeof(ip));
	ip.ttl = IP4_TTL;
	ip.proto = proto;
	ip.id = net_eth.ip_id++;
	ip.df = proto == WIRE_IP_TCP;
	memcpy(ip.src, src, 4);
	memcpy(ip.dst, dst, 4);
	if (wire_ip4_emit(frame, size, WIRE_ETH_LEN, plen, &ip) < 0)
		return;
	net_eth_xmit_ip(dst, frame, FRAME_HEAD + plen);
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
	struct wire_csum cs = { WIRE_CSUM_FULL, 0, 0 };
	struct wire_pseudo ph;
	struct wire_tcp t;
	uint8_t *frame;
	size_t size;
	int hlen;

	memset(&t, 0, sizeof(t));
	t.sport = seg->sport;
	t.dport = seg->dport;
	t.seq = seg->seq;
	t.ack = seg->ack;
	t.flags = seg->flags;
	t.win = seg->wnd;
	if (seg->flags & TCP_SYN) {
		t.opt.has_mss = seg->mss != 0;
		t.opt.mss = seg->mss;
		t.opt.has_wscale = seg->wscale >= 0;
		t.opt.wscale = (uint8_t)MAX(seg->wscale, 0);
	}
	if ((hlen = wire_tcp_hdr_len(&t.opt)) < 0)
		return;
	size = FRAME_HEAD + (size_t)hlen + seg->len;
	if ((frame = fw_alloc(size)) == NULL)
		return;			/* as if lost: TCP resends */
	memcpy(frame + FRAME_HEAD + hlen, seg->data, seg->len);
	ip4_pseudo(seg->src.b + 12, seg->dst.b + 12, &ph);
	if (wire_tcp_emit(frame, size, FRAME_HEAD, seg->len, &t, &ph, &cs) ==
	    hlen)
		ip4_send(frame, size, WIRE_IP_TCP, seg->src.b + 12,
		    seg->dst.b + 12, (size_t)hlen + seg->len);
	fw_free(frame);
}

int
ip4_output_udp(const struct inet_addr *src, uint16_t sport,
    const struct inet_addr *dst, uint16_t dport, const uint8_t *data,
    size_t len)
{
	struct wire_csum cs = { WIRE_CSUM_FULL, 0, 0 };
	size_t size = FRAME_HEAD + WIRE_UDP_LEN + len;
	struct wire_pseudo ph;
	struct wire_udp u;
	uint8_t *frame;

	if (len + WIRE_UDP_LEN > net_eth.nd->mtu - WIRE_IP4_LEN)
		return -EMSGSIZE;	/* no fragmentation yet */
	if ((frame = fw_alloc(size)) == NULL)
		return -ENOBUFS;
	memset(&u, 0, sizeof(u));
	u.sport = sport;
	u.dport = dport;
	memcpy(frame + FRAME_HEAD + WIRE_UDP_LEN, data, len);
	ip4_pseudo(src->b + 12, dst->b + 12, &ph);
	if (wire_udp_emit(frame, size, FRAME_HEAD, len, &u, &ph, &cs) >= 0)
		ip4_send(frame, size, WIRE_IP_UDP, src->b + 12, dst->b + 12,
		    WIRE_UDP_LEN + len);
	fw_free(frame);
	return 0;
}

static void
ip4_tcp_input(const struct wire_ip4 *ip, const uint8_t *pkt)
    FW_REQUIRES(&inet_lock)
{
	struct wire_pseudo ph;
	struct wire_tcp t;
	struct tcp_seg seg;

	wire_ip4_pseudo(ip, &ph);
	if (wire_tcp_parse(pkt + ip->off, ip->len, &ph, true, &t) < 0)
		return;
	memset(&seg, 0, sizeof(seg));
	ip4_mapped(&seg.src, ip->src);
	ip4_mapped(&seg.dst, ip->dst);
	seg.sport = t.sport;
	seg.dport = t.dport;
	seg.seq = t.seq;
	seg.ack = t.ack;
	seg.flags = t.flags & (TCP_FIN | TCP_SYN | TCP_RST | TCP_PSH |
	    TCP_ACK);
	seg.wnd = t.win;
	seg.mss = t.opt.has_mss ? t.opt.mss : 0;
	seg.wscale = -1;
	if (t.opt.has_wscale)
		seg.wscale = (int8_t)MIN(t.opt.wscale, 14);
	seg.data = pkt + ip->off + t.off;
	seg.len = t.len;
	tcp_input(&seg);
}

static void
ip4_udp_input(const struct wire_ip4 *ip, const uint8_t *pkt)
    FW_REQUIRES(&inet_lock)
{
	struct wire_pseudo ph;
	struct inet_addr dst;
	struct inet_dgram *d;
	struct wire_udp u;

	wire_ip4_pseudo(ip, &ph);
	if (wire_udp_parse(pkt + ip->off, ip->len, &ph, true, &u) < 0)
		return;
	if ((d = fw_alloc(sizeof(*d) + u.len)) == NULL)
		return;
	memcpy(d->data, pkt + ip->off + u.off, u.len);
	ip4_mapped(&d->src, ip->src);
	d->sport = u.sport;
	d->len = u.len;
	d->charge = u.len + 768;
	ip4_mapped(&dst, ip->dst);
	if (udp_deliver_locked(d, &dst, u.dport) == NULL)
		fw_free(d);		/* no socket: no ICMP answer yet */
}

static void
ip4_icmp_input(const struct wire_ip4 *ip, const uint8_t *pkt)
    FW_REQUIRES(&inet_lock)
{
	struct wire_icmp m, r;
	uint8_t *frame;
	size_t size;

	if (wire_icmp_parse(pkt + ip->off, ip->len, true, &m) < 0 ||
	    m.type != WIRE_ICMP_ECHO)
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

void
ip4_input(const uint8_t *pkt, size_t len)
{
	static const uint8_t bcast[4] = { 255, 255, 255, 255 };
	struct wire_ip4 ip;

	if (wire_ip4_parse(pkt, len, true, &ip) < 0)
		return;
	if (memcmp(ip.dst, net_eth.addr, 4) != 0 &&
	    memcmp(ip.dst, bcast, 4) != 0)
		return;			/* not ours: we do not forward */
	if (ip.mf || ip.frag_off != 0)
		return;			/* fragments: no reassembly yet */
	switch (ip.proto) {
	case WIRE_IP_TCP:
		ip4_tcp_input(&ip, pkt);
		break;
	case WIRE_IP_UDP:
		ip4_udp_input(&ip, pkt);
		break;
	case WIRE_IP_ICMP:
		ip4_icmp_input(&ip, pkt);
		break;
	default:
		break;
	}
}
