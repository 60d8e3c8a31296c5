/*
 * services/net/ip6.c: IPv6 over the Ethernet device (RFC 8200).  In: a
 * packet for one of our addresses or groups (nd6.c), its fragments
 * reassembled (ip_frag.c), goes to TCP or UDP with verified checksums
 * (a datagram no socket takes gets port unreachable); ICMPv6 echo
 * requests get their reply, errors go to their sockets (icmp_err.c),
 * neighbour discovery to nd6.c when its hop limit is 255 (RFC 4861
 * 6.1).  Out: TCP, UDP and ICMPv6 are encoded by the wire layer into one
 * frame (hop limit 64), or fragments of the MTU, and sent by
 * net_eth_xmit().
 * Locks: inet_lock.
 */
#include <fw/alloc.h>
#include <fw/errno.h>
#include <fw/string.h>
#include <svc/lib.h>
#include <svc/netdev.h>
#include "netdev_impl.h"

#define IP6_HOPS	64
#define IP6_NH_FRAG	44		/* the fragment header */
#define IP6_FRAG_LEN	8
#define FRAME_HEAD	(WIRE_ETH_LEN + WIRE_IP6_LEN)

static void
ip6_pseudo(const uint8_t *src, const uint8_t *dst, struct wire_pseudo *ph)
{
	memset(ph, 0, sizeof(*ph));
	ph->family = 6;
	memcpy(ph->src, src, 16);
	memcpy(ph->dst, dst, 16);
}

/*
 * Sends plen bytes of protocol proto (at l4) in fragments (RFC 8200 4.5):
 * each a fixed header, a fragment header and a multiple of 8 bytes but
 * the last, within the device's MTU.
 */
static void
ip6_send_frags(struct wire_ip6 *ip, const uint8_t *l4, size_t plen)
    FW_REQUIRES(&inet_lock)
{
	size_t chunk = (net_eth.nd->mtu - WIRE_IP6_LEN - IP6_FRAG_LEN) &
	    ~(size_t)7;
	uint8_t proto = ip->proto, *frame, *fh;
	uint32_t id = net_eth.ip6_id++;
	struct inet_addr to;
	size_t off, n;

	if ((frame = fw_alloc(FRAME_HEAD + IP6_FRAG_LEN + chunk)) == NULL)
		return;
	memcpy(to.b, ip->dst, 16);
	ip->proto = IP6_NH_FRAG;
	fh = frame + FRAME_HEAD;
	for (off = 0; off < plen; off += n) {
		n = MIN(chunk, plen - off);
		fh[0] = proto;
		fh[1] = 0;
		wire_put16(fh + 2, (uint16_t)(off | (off + n < plen ? 1 : 0)));
		wire_put32(fh + 4, id);
		memcpy(fh + IP6_FRAG_LEN, l4 + off, n);
		if (wire_ip6_emit(frame, FRAME_HEAD + IP6_FRAG_LEN + n,
		    WIRE_ETH_LEN, IP6_FRAG_LEN + n, ip) < 0)
			break;
		net_eth_xmit(&to, frame, FRAME_HEAD + IP6_FRAG_LEN + n);
	}
	fw_free(frame);
}

/* Writes the IPv6 header at frame[14] for the plen bytes at frame[54]
 * and sends the frame, in fragments if it is larger than the MTU. */
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
	if (WIRE_IP6_LEN + plen > net_eth.nd->mtu) {
		ip6_send_frags(&ip, frame + FRAME_HEAD, plen);
		return;
	}
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

/*
 * A fragment to the reassembly: the whole payload once complete (ip
 * describes it then: off 0, the length, the upper layer), else NULL.  A
 * first fragment's data is taken from where the walk stopped, so one
 * with extension headers after its fragment header is not rebuilt right
 * and fails its checksum.
 */
static uint8_t *
ip6_reassemble(struct wire_ip6 *ip, const uint8_t *pkt)
    FW_REQUIRES(&inet_lock)
{
	struct ip_frag_key k;
	uint8_t *whole;
	size_t wlen;

	memset(&k, 0, sizeof(k));
	k.family = 6;
	memcpy(k.src, ip->src, 16);
	memcpy(k.dst, ip->dst, 16);
	k.id = ip->frag_id;
	/* A first fragment's walk went on to the upper layer; a later
	 * one's stopped at its data, naming the fragment's next header. */
	k.proto = ip->proto;
	whole = ip_frag_input(&k, ip->frag_off, ip->mf, pkt + ip->off,
	    ip->len, &wlen);
	if (whole == NULL)
		return NULL;
	ip->off = 0;
	ip->len = wlen;
	ip->frag = ip->mf = false;
	ip->frag_off = 0;
	return whole;
}

void
ip6_input(const uint8_t *pkt, size_t len)
{
	struct inet_addr src, dst;
	struct wire_pseudo ph;
	struct wire_tcp t;
	struct wire_udp u;
	struct wire_ip6 ip;
	uint8_t *whole = NULL;

	if (wire_ip6_parse(pkt, len, &ip) < 0)
		return;
	if (!nd6_is_own(ip.dst) && !nd6_in_group(ip.dst))
		return;			/* not ours: we do not forward */
	if (ip.frag) {
		if ((whole = ip6_reassemble(&ip, pkt)) == NULL)
			return;
		pkt = whole;
	}
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
		    whole == NULL && nd6_is_own(ip.dst) &&
		    icmp_err_may_send())
			ip6_port_unreach(&ip, pkt);
		break;
	case WIRE_IP_ICMP6:
		ip6_icmp6_input(&ip, pkt);
		break;
	default:
		break;
	}
	fw_free(whole);
}
