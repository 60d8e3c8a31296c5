/*
 * services/net/netdev_impl.h: the Ethernet device as the stack sees it
 * (netdev.c), its neighbours (neigh.c, arp.c, nd6.c), and IPv4 and IPv6
 * over it (ip4.c, ip6.c).
 *
 * Locks used to protect fields in this file:
 *	N	inet_lock
 */
#ifndef NET_NETDEV_IMPL_H
#define NET_NETDEV_IMPL_H

#include "tcp.h"
#include "wire.h"

struct netdev;

/* The device and its IPv4 configuration. */
struct net_if {
	struct netdev	*nd;		/* [N] NULL: none yet */
	uint8_t		 addr[4];	/* [N] */
	uint8_t		 gw[4];		/* [N] */
	unsigned int	 prefix;	/* [N] */
	uint16_t	 ip_id;		/* [N] the next IPv4 id */
	uint32_t	 ip6_id;	/* [N] the next fragment id */
	/* Frames the device handed us and frames it took to send. */
	uint64_t	 rx_packets, rx_bytes;	/* [N] */
	uint64_t	 tx_packets, tx_bytes;	/* [N] */
};
extern struct net_if net_eth;

#define NET_ROUTE_LO	0
#define NET_ROUTE_ETH	1

/*
 * Where a packet for dst goes: NET_ROUTE_LO (lo's addresses and our own),
 * NET_ROUTE_ETH (IPv4, a device up), or -ENETUNREACH.  *src (if not NULL)
 * gets the source address to use, *mtu the path's MTU.
 */
int	net_route(const struct inet_addr *dst, struct inet_addr *src,
	    unsigned int *mtu) FW_REQUIRES(&inet_lock);
/* Whether a is the device's own address. */
bool	net_is_eth_addr(const struct inet_addr *a) FW_REQUIRES(&inet_lock);
/* Hands a whole frame to the driver, counting what it took (ifaddr.h). */
void	net_eth_send(const uint8_t *frame, size_t len) FW_REQUIRES(&inet_lock);
/*
 * Sends the IP packet at frame[14..len) to dst through the device: writes
 * the Ethernet header and resolves the next hop (neigh.c; the frame waits,
 * copied, while it is asked).  frame is the caller's.
 */
void	net_eth_xmit(const struct inet_addr *dst, uint8_t *frame, size_t len)
	    FW_REQUIRES(&inet_lock);

/* neigh.c: the neighbour cache (ARP and ND). */
/*
 * The hop (IPv4 mapped or IPv6) is at mac: updates its entry (made if
 * create: the hop spoke to us) and sends the frame that waited for it.
 */
void	neigh_learn(const struct inet_addr *hop, const uint8_t *mac,
	    bool create) FW_REQUIRES(&inet_lock);
/* Sends frame (its Ethernet source and type written) to hop's MAC, or
 * keeps it while the hop is solicited. */
void	neigh_output(const struct inet_addr *hop, uint8_t *frame, size_t len)
	    FW_REQUIRES(&inet_lock);

/* arp.c */
/* An ARP packet from the device. */
void	arp_input(const uint8_t *buf, size_t len) FW_REQUIRES(&inet_lock);
/* Asks who has ip (4 bytes). */
void	arp_solicit(const uint8_t *ip) FW_REQUIRES(&inet_lock);

/* nd6.c: IPv6 neighbour discovery and address autoconfiguration. */
/* The device came: its link-local address, and a router solicitation. */
void	nd6_start(void) FW_REQUIRES(&inet_lock);
/* Whether a (16 bytes) is one of the device's IPv6 addresses. */
bool	nd6_is_own(const uint8_t *a) FW_REQUIRES(&inet_lock);
/* Whether the device listens to multicast group a (all-nodes, ours). */
bool	nd6_in_group(const uint8_t *a) FW_REQUIRES(&inet_lock);
/* The source for dst: link-local for link-local, else the global one. */
const uint8_t *nd6_source(const uint8_t *dst) FW_REQUIRES(&inet_lock);
/*
 * The next hop for dst (hop may be NULL): dst itself on-link, else the
 * router: 0, or -ENETUNREACH (no address of that scope, or no router).
 */
int	nd6_next_hop(const uint8_t *dst, uint8_t *hop) FW_REQUIRES(&inet_lock);
/* Sends a neighbour solicitation for target (16 bytes). */
void	nd6_solicit(const uint8_t *target) FW_REQUIRES(&inet_lock);
/* An ND message (RS, RA, NS, NA) from src, already parsed and checked
 * by ip6.c (hop limit 255, checksum). */
void	nd6_input(const struct wire_ip6 *ip, const struct wire_icmp6 *m)
	    FW_REQUIRES(&inet_lock);

/* icmp_err.c: ICMP errors in and out. */
/*
 * An ICMP (v6 false) or ICMPv6 error of type and code quoting q (offsets
 * into buf, the ICMP message) to the socket it concerns, if any.
 */
void	icmp_err_input(bool v6, uint8_t type, uint8_t code,
	    const struct wire_quote *q, const uint8_t *buf)
	    FW_REQUIRES(&inet_lock);
/* Whether an error may be sent now (a rate limit): counts it if so. */
bool	icmp_err_may_send(void) FW_REQUIRES(&inet_lock);

/* ip_frag.c: reassembly. */
struct ip_frag_key {
	uint8_t		 family;	/* 4 or 6 */
	uint8_t		 proto;		/* the upper layer's */
	uint8_t		 src[16], dst[16];	/* IPv4: the first 4 bytes */
	uint32_t	 id;
};
/*
 * A fragment of len bytes at byte offset off (mf: more follow) of the
 * datagram k: the whole payload once complete (the caller's to free,
 * *wlen bytes), else NULL (kept, or dropped).
 */
uint8_t	*ip_frag_input(const struct ip_frag_key *k, size_t off, bool mf,
	    const uint8_t *data, size_t len, size_t *wlen)
	    FW_REQUIRES(&inet_lock);

/* ip_l4.c: TCP and UDP over IPv4 and IPv6. */
/* A TCP header t (parsed at l4, checksum verified) to TCP. */
void	ip_tcp_input(const struct wire_tcp *t, const uint8_t *l4,
	    const struct inet_addr *src, const struct inet_addr *dst)
	    FW_REQUIRES(&inet_lock);
/* A UDP datagram u (parsed at l4) to the socket that takes it: whether
 * one did (else the caller answers port unreachable). */
bool	ip_udp_input(const struct wire_udp *u, const uint8_t *l4,
	    const struct inet_addr *src, const struct inet_addr *dst)
	    FW_REQUIRES(&inet_lock);
/*
 * A new frame (*frame, the caller's to free) with seg's TCP header and
 * payload after head bytes, checksummed with ph: 0 with *plen its TCP
 * bytes, or -ENOBUFS (as if lost: TCP resends), -EINVAL.
 */
FW_MUST_CHECK int ip_tcp_frame(const struct tcp_seg *seg, size_t head,
	    const struct wire_pseudo *ph, uint8_t **frame, size_t *plen);
/* The same for a UDP datagram of len bytes (its header adds 8). */
FW_MUST_CHECK int ip_udp_frame(uint16_t sport, uint16_t dport,
	    const uint8_t *data, size_t len, size_t head,
	    const struct wire_pseudo *ph, uint8_t **frame);

/* ip6.c: IPv6 over the device. */
/* An IPv6 packet from the device. */
void	ip6_input(const uint8_t *pkt, size_t len) FW_REQUIRES(&inet_lock);
/* A TCP segment to a destination beyond lo, encoded and sent. */
void	ip6_output_tcp(const struct tcp_seg *seg) FW_REQUIRES(&inet_lock);
/* A UDP datagram (data[0..len)) beyond lo, encoded and sent: 0 or -errno. */
int	ip6_output_udp(const struct inet_addr *src, uint16_t sport,
	    const struct inet_addr *dst, uint16_t dport, const uint8_t *data,
	    size_t len) FW_REQUIRES(&inet_lock);
/*
 * Encodes and sends an ICMPv6 message m with payload data[0..len) from
 * src to dst (16 bytes each), hop limit hops.
 */
void	ip6_send_icmp6(const uint8_t *src, const uint8_t *dst, uint8_t hops,
	    const struct wire_icmp6 *m, const uint8_t *data, size_t len)
	    FW_REQUIRES(&inet_lock);

/* ipconfig.c: the ip= boot option over ifc's defaults (nfsroot.txt). */
void	net_ipconfig(struct net_if *ifc) FW_REQUIRES(&inet_lock);

/* ip4.c */
/* An IPv4 packet from the device. */
void	ip4_input(const uint8_t *pkt, size_t len) FW_REQUIRES(&inet_lock);
/* A TCP segment to a destination beyond lo, encoded and sent. */
void	ip4_output_tcp(const struct tcp_seg *seg) FW_REQUIRES(&inet_lock);
/* A UDP datagram (data[0..len)) beyond lo, encoded and sent: 0 or -errno. */
int	ip4_output_udp(const struct inet_addr *src, uint16_t sport,
	    const struct inet_addr *dst, uint16_t dport, const uint8_t *data,
	    size_t len) FW_REQUIRES(&inet_lock);

#endif
