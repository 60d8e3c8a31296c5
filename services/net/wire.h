/*
 * net/wire.h: the wire layer of the TCP/IP stack.  Bytes become plain,
 * validated structs and structs become bytes; nothing here keeps state,
 * allocates, sleeps or locks.  (research/networking.md section 2.2.)
 *
 * Parsing: wire_X_parse(buf, len, ..., out) reads only buf[0..len), with
 * explicit big-endian loads, checks every length field against len and
 * against each other, and returns 0 with *out filled, -EBADMSG if the bytes
 * are not a valid packet (truncated, a length field lying, a bad checksum),
 * or -EOPNOTSUPP for a valid packet this layer does not handle (an 802.3
 * frame, stacked VLAN tags, ARP for other than Ethernet/IPv4, an IPv6
 * jumbogram).  *out is unspecified on failure.  The payload is reported as
 * (off, len) into the same buf.  verify = false skips checksum checks (the
 * device verified them: csum_valid); the L4 parsers read the pseudo-header
 * ph only to verify (it may be NULL otherwise).
 *
 * Emitting: wire_X_emit(buf, size, off, plen, ...) writes the header at
 * buf[off] in front of plen payload bytes already in place at buf[off +
 * header length], computes lengths and checksums (over the payload too),
 * and returns the header length, or -ENOSPC if off + header + plen exceeds
 * size, or -EINVAL for a header that cannot be emitted (options too long, a
 * length over 65535).  Offsets are in buf's coordinates; build a frame from
 * the inside out in headroom.  Bytes outside the header are not written.
 */
#ifndef NET_WIRE_H
#define NET_WIRE_H

#include <fw/errno.h>
#include <fw/string.h>
#include <fw/types.h>

#define WIRE_ETH_LEN	14
#define WIRE_VLAN_LEN	4
#define WIRE_ARP_LEN	28
#define WIRE_IP4_LEN	20
#define WIRE_IP6_LEN	40
#define WIRE_ICMP_LEN	8
#define WIRE_UDP_LEN	8
#define WIRE_TCP_LEN	20
#define WIRE_TCP_OPT_MAX	40

#define WIRE_ETH_IP4	0x0800
#define WIRE_ETH_ARP	0x0806
#define WIRE_ETH_VLAN	0x8100
#define WIRE_ETH_IP6	0x86dd
#define WIRE_IP_ICMP	1
#define WIRE_IP_TCP	6
#define WIRE_IP_UDP	17
#define WIRE_IP_ICMP6	58

static inline uint16_t
wire_get16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

static inline uint32_t
wire_get32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	    (uint32_t)p[2] << 8 | p[3];
}

static inline void
wire_put16(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t)(v >> 8);
	p[1] = (uint8_t)v;
}

static inline void
wire_put32(uint8_t *p, uint32_t v)
{
	wire_put16(p, (uint16_t)(v >> 16));
	wire_put16(p + 2, (uint16_t)v);
}

/* Whether hlen + plen bytes fit at buf[off] in a buffer of size bytes. */
static inline bool
wire_fits(size_t size, size_t off, size_t hlen, size_t plen)
{
	return off <= size && size - off >= hlen && size - off - hlen >= plen;
}

/*
 * The Internet checksum (RFC 1071), wire_csum.c.  A sum is a 16-bit one's
 * complement sum held in a uint32_t (always <= 0xffff).  Only the last
 * buffer added to a sum may have an odd length (its last byte is padded
 * with a zero on the right).  wire_csum() is the value a checksum field
 * holds: the complement of the folded sum; a received packet is valid if
 * the sum over it, checksum field included, is 0xffff.
 */
uint32_t	 wire_sum(uint32_t sum, const uint8_t *buf, size_t len);
uint32_t	 wire_sum_add(uint32_t a, uint32_t b);
uint16_t	 wire_csum(const uint8_t *buf, size_t len);

/* The pseudo-header of TCP, UDP and ICMPv6 (RFC 793, 768, 8200 8.1). */
struct wire_pseudo {
	uint8_t		 family;	/* 4 or 6 */
	uint8_t		 src[16];	/* IPv4: the first 4 bytes */
	uint8_t		 dst[16];
};
uint32_t	 wire_pseudo_sum(const struct wire_pseudo *ph, uint8_t proto,
		    uint32_t len);

/*
 * Checksum modes of the L4 emitters.  PARTIAL leaves the folded
 * pseudo-header sum in the field and reports where the device must finish
 * (virtio 1.2 5.1.6.2 NEEDS_CSUM): start is the L4 header's offset in buf,
 * offset the field's offset from start.  NONE writes 0 (UDP over IPv4 only).
 */
enum wire_csum_mode { WIRE_CSUM_FULL, WIRE_CSUM_PARTIAL, WIRE_CSUM_NONE };
struct wire_csum {
	enum wire_csum_mode	 mode;		/* in */
	size_t			 start, offset;	/* out, PARTIAL only */
};

/* Ethernet II, with at most one 802.1Q tag (wire_eth.c). */
struct wire_eth {
	uint8_t		 dst[6], src[6];
	uint16_t	 type;		/* the inner type if tagged */
	bool		 vlan;
	uint16_t	 tci;		/* if vlan */
	size_t		 off, len;	/* payload */
};
FW_MUST_CHECK int wire_eth_parse(const uint8_t *buf, size_t len,
		    struct wire_eth *out);
FW_MUST_CHECK int wire_eth_emit(uint8_t *buf, size_t size, size_t off,
		    size_t plen, const struct wire_eth *e);

/* ARP for Ethernet and IPv4 (RFC 826); trailing padding is ignored. */
struct wire_arp {
	uint16_t	 op;		/* 1 request, 2 reply */
	uint8_t		 sha[6], spa[4], tha[6], tpa[4];
};
FW_MUST_CHECK int wire_arp_parse(const uint8_t *buf, size_t len,
		    struct wire_arp *out);
FW_MUST_CHECK int wire_arp_emit(uint8_t *buf, size_t size, size_t off,
		    const struct wire_arp *a);

/*
 * IPv4 (RFC 791, wire_ip4.c).  Options are walked and length-checked, not
 * kept; bytes past the total length (Ethernet padding) are not payload.
 * The emitter writes a 20-byte header (no options), checksum included.
 */
struct wire_ip4 {
	uint8_t		 tos, ttl, proto;
	uint16_t	 id;
	bool		 df, mf;
	uint16_t	 frag_off;	/* in bytes */
	uint8_t		 src[4], dst[4];
	uint8_t		 hlen;		/* parsed: header bytes with options */
	size_t		 off, len;	/* payload */
};
FW_MUST_CHECK int wire_ip4_parse(const uint8_t *buf, size_t len, bool verify,
		    struct wire_ip4 *out);
FW_MUST_CHECK int wire_ip4_emit(uint8_t *buf, size_t size, size_t off,
		    size_t plen, const struct wire_ip4 *ip);
void		 wire_ip4_pseudo(const struct wire_ip4 *ip,
		    struct wire_pseudo *ph);

/*
 * IPv6 (RFC 8200, wire_ip6.c).  Parsing walks hop-by-hop (first only),
 * routing, fragment, destination options and AH headers, at most 8, to
 * the upper layer: proto, and (off, len).  A non-first fragment stops the
 * walk at its data (proto is the fragment header's next header).  The
 * emitter writes the fixed header only, with next = proto.
 */
struct wire_ip6 {
	uint8_t		 tclass, hop_limit, proto;
	uint32_t	 flow;
	uint8_t		 src[16], dst[16];
	bool		 frag, mf;	/* a fragment header was seen */
	uint16_t	 frag_off;	/* in bytes */
	uint32_t	 frag_id;
	size_t		 off, len;	/* upper-layer payload */
};
FW_MUST_CHECK int wire_ip6_parse(const uint8_t *buf, size_t len,
		    struct wire_ip6 *out);
FW_MUST_CHECK int wire_ip6_emit(uint8_t *buf, size_t size, size_t off,
		    size_t plen, const struct wire_ip6 *ip);
void		 wire_ip6_pseudo(const struct wire_ip6 *ip,
		    struct wire_pseudo *ph);

/*
 * The packet an ICMP error quotes (RFC 792, 4443 2.4): its IP header at
 * ip_off, the transport header's first bytes at l4_off (>= 8 of them, so
 * ports and the TCP sequence number are there), offsets into the ICMP buf.
 */
struct wire_quote {
	uint8_t		 proto;
	uint8_t		 src[16], dst[16];	/* IPv4: the first 4 bytes */
	size_t		 ip_off, l4_off, l4_len;
};

/* ICMPv4 (RFC 792, 1191; wire_icmp.c). */
#define WIRE_ICMP_ECHOREPLY	0
#define WIRE_ICMP_UNREACH	3
#define WIRE_ICMP_FRAG_NEEDED	4	/* UNREACH code */
#define WIRE_ICMP_ECHO		8
#define WIRE_ICMP_TIMXCEED	11
struct wire_icmp {
	uint8_t		 type, code;
	uint16_t	 id, seq;	/* echo, echo reply */
	uint16_t	 mtu;		/* UNREACH/FRAG_NEEDED: next-hop MTU */
	uint32_t	 rest;		/* the raw word after the checksum */
	struct wire_quote q;		/* UNREACH, TIMXCEED */
	size_t		 off, len;	/* the data after the 8-byte header */
};
FW_MUST_CHECK int wire_icmp_parse(const uint8_t *buf, size_t len, bool verify,
		    struct wire_icmp *out);
FW_MUST_CHECK int wire_icmp_emit(uint8_t *buf, size_t size, size_t off,
		    size_t plen, const struct wire_icmp *m);

/*
 * ICMPv6 (RFC 4443) and Neighbor Discovery (RFC 4861 4.1-4.6; wire_icmp6.c,
 * wire_nd.c).  The checksum covers the pseudo-header.  ND messages must
 * have code 0 and options of non-zero length that fit; known options of a
 * wrong size are refused, unknown ones skipped, prefixes past
 * WIRE_ND_PREFIX_MAX ignored.  For ND, (off, len) are the options.
 */
#define WIRE_ICMP6_UNREACH	1
#define WIRE_ICMP6_TOOBIG	2
#define WIRE_ICMP6_TIMXCEED	3
#define WIRE_ICMP6_PARAMPROB	4
#define WIRE_ICMP6_ECHO		128
#define WIRE_ICMP6_ECHOREPLY	129
#define WIRE_ND_RS		133
#define WIRE_ND_RA		134
#define WIRE_ND_NS		135
#define WIRE_ND_NA		136
#define WIRE_ND_PREFIX_MAX	4
struct wire_nd_prefix {
	uint8_t		 len;		/* prefix length in bits */
	bool		 onlink, autonomous;
	uint32_t	 valid, preferred;	/* seconds */
	uint8_t		 prefix[16];
};
struct wire_nd {
	uint8_t		 target[16];	/* NS, NA */
	bool		 router, solicited, override;	/* NA */
	uint8_t		 hop_limit;	/* RA: cur hop limit */
	bool		 managed, other;	/* RA */
	uint16_t	 lifetime;	/* RA: router lifetime, seconds */
	uint32_t	 reachable, retrans;	/* RA: milliseconds */
	bool		 has_sll, has_tll, has_mtu;
	uint8_t		 sll[6], tll[6];	/* link-layer addresses */
	uint32_t	 mtu;
	uint8_t		 nprefix;
	struct wire_nd_prefix prefix[WIRE_ND_PREFIX_MAX];
};
struct wire_icmp6 {
	uint8_t		 type, code;
	uint16_t	 id, seq;	/* echo, echo reply */
	uint32_t	 mtu;		/* TOOBIG */
	uint32_t	 rest;		/* the raw word after the checksum */
	struct wire_quote q;		/* the four error types */
	struct wire_nd	 nd;		/* RS, RA, NS, NA */
	size_t		 off, len;	/* the data after the fixed part */
};
FW_MUST_CHECK int wire_icmp6_parse(const uint8_t *buf, size_t len,
		    const struct wire_pseudo *ph, bool verify,
		    struct wire_icmp6 *out);
/* The bytes wire_icmp6_emit() writes before the payload: ND options too. */
size_t		 wire_icmp6_hdr_len(const struct wire_icmp6 *m);
FW_MUST_CHECK int wire_icmp6_emit(uint8_t *buf, size_t size, size_t off,
		    size_t plen, const struct wire_icmp6 *m,
		    const struct wire_pseudo *ph, struct wire_csum *cs);
/* Internal to wire_icmp6.c: a quoted IPv6 packet (wire_ip6.c), offsets
 * into buf, and the ND part of a message (wire_nd.c). */
FW_MUST_CHECK int wire_ip6_quote(const uint8_t *buf, size_t len,
		    struct wire_quote *q);
/* The ND part of a message (wire_nd.c). */
FW_MUST_CHECK int wire_nd_parse(const uint8_t *buf, size_t len,
		    struct wire_icmp6 *m);
size_t		 wire_nd_len(const struct wire_icmp6 *m);
void		 wire_nd_emit(uint8_t *p, const struct wire_icmp6 *m);

/*
 * UDP (RFC 768, wire_udp.c).  A UDP length under the buffer's is obeyed;
 * over it is -EBADMSG.  A zero checksum means none over IPv4 and is
 * -EBADMSG over IPv6 (RFC 8200 8.1) when verifying.
 */
struct wire_udp {
	uint16_t	 sport, dport;
	uint16_t	 csum;		/* parsed: the field as received */
	size_t		 off, len;	/* payload */
};
FW_MUST_CHECK int wire_udp_parse(const uint8_t *buf, size_t len,
		    const struct wire_pseudo *ph, bool verify,
		    struct wire_udp *out);
FW_MUST_CHECK int wire_udp_emit(uint8_t *buf, size_t size, size_t off,
		    size_t plen, const struct wire_udp *u,
		    const struct wire_pseudo *ph, struct wire_csum *cs);

/*
 * TCP (RFC 9293, 7323, 2018; wire_tcp.c, wire_tcpopt.c).  Options: MSS,
 * window scale, SACK-permitted, SACK blocks, timestamps; others skipped;
 * a known option of the wrong length or any option overrunning the header
 * is -EBADMSG.  The emitter lays options out as Linux does (MSS, SACK-perm
 * with timestamps, window scale, SACK), padded with NOPs.
 */
#define WIRE_TCP_FIN	0x01
#define WIRE_TCP_SYN	0x02
#define WIRE_TCP_RST	0x04
#define WIRE_TCP_PSH	0x08
#define WIRE_TCP_ACK	0x10
#define WIRE_TCP_URG	0x20
#define WIRE_TCP_ECE	0x40
#define WIRE_TCP_CWR	0x80
#define WIRE_TCP_SACK_MAX	4
struct wire_tcp_opt {
	bool		 has_mss, has_wscale, sack_perm, has_ts;
	uint16_t	 mss;
	uint8_t		 wscale;
	uint32_t	 tsval, tsecr;
	uint8_t		 nsack;
	uint32_t	 sack[WIRE_TCP_SACK_MAX][2];	/* left, right edges */
};
struct wire_tcp {
	uint16_t	 sport, dport;
	uint32_t	 seq, ack;
	uint8_t		 flags;
	uint16_t	 win, urg;
	uint8_t		 hlen;		/* parsed: data offset in bytes */
	struct wire_tcp_opt opt;
	size_t		 off, len;	/* payload */
};
FW_MUST_CHECK int wire_tcp_parse(const uint8_t *buf, size_t len,
		    const struct wire_pseudo *ph, bool verify,
		    struct wire_tcp *out);
/* The header length wire_tcp_emit() writes: 20 + options, or -EINVAL. */
FW_MUST_CHECK int wire_tcp_hdr_len(const struct wire_tcp_opt *o);
FW_MUST_CHECK int wire_tcp_emit(uint8_t *buf, size_t size, size_t off,
		    size_t plen, const struct wire_tcp *t,
		    const struct wire_pseudo *ph, struct wire_csum *cs);
/* Internal to wire_tcp.c (wire_tcpopt.c): options in, options out. */
FW_MUST_CHECK int wire_tcpopt_parse(const uint8_t *p, size_t len,
		    struct wire_tcp_opt *o);
void		 wire_tcpopt_emit(uint8_t *p, size_t len,
		    const struct wire_tcp_opt *o);

/*
 * Shared by the L4 emitters (wire_csum.c): finishes the checksum of the
 * hlen + plen bytes at buf[off] whose field is at off + field, per
 * cs->mode, with the pseudo-header sum psum.  The field must be zero.
 */
void		 wire_l4_csum(uint8_t *buf, size_t off, size_t n, size_t field,
		    uint32_t psum, struct wire_csum *cs);

#endif
