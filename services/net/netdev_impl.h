/*
 * services/net/netdev_impl.h: the Ethernet device as the stack sees it
 * (netdev.c) and IPv4 over it (ip4.c).
 *
 * Locks used to protect fields in this file:
 *	N	inet_lock
 */
#ifndef NET_NETDEV_IMPL_H
#define NET_NETDEV_IMPL_H

#include "tcp.h"

struct netdev;

/* The device and its IPv4 configuration. */
struct net_if {
	struct netdev	*nd;		/* [N] NULL: none yet */
	uint8_t		 addr[4];	/* [N] */
	uint8_t		 gw[4];		/* [N] */
	unsigned int	 prefix;	/* [N] */
	uint16_t	 ip_id;		/* [N] the next IPv4 id */
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
/*
 * Sends the IPv4 packet at frame[14..len) to dst (4 bytes) through the
 * device: writes the Ethernet header, resolving the next hop by ARP (the
 * frame waits, copied, while it is asked).  frame is the caller's.
 */
void	net_eth_xmit_ip(const uint8_t *dst, uint8_t *frame, size_t len)
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
