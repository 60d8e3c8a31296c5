/*
 * services/net/ifaddr.h: the stack's interfaces, addresses and routes as
 * netlink (rtnl_*.c), the netdevice ioctls (ifioctl.c) and /proc show
 * them.  The readers copy a snapshot, taken under inet_lock, into the
 * caller's arrays and return with no lock held, so what they build from
 * it may allocate and copy to user memory.
 *
 * The interfaces are lo (index 1: 127.0.0.1/8 and ::1/128) and the
 * Ethernet device when there is one (eth0, index 2, with its IPv4
 * configuration and frame counters from netdev.c).  lo counts what goes
 * through it (net_lo_count_locked(), from lo.c and udp.c) by its IP
 * length, TCP options left out.  IPv6 addresses of devices are kept here:
 * the IPv6 code (ND, SLAAC) adds and removes them with net_addr6_*(), and
 * their prefix and local routes follow.  Routes are derived from the
 * addresses and gateways as Linux's kernel adds them (the main and local
 * tables; proto kernel, and boot for the configured gateway).
 *
 * Locks: inet_lock (inet.h) inside; none held on return.
 */
#ifndef NET_IFADDR_H
#define NET_IFADDR_H

#include "inet.h"

#define NET_IF_MAX	4	/* interfaces a snapshot holds */
#define NET_ADDR_MAX	16	/* addresses */
#define NET_RT_MAX	48	/* routes */
#define NET_ADDR6_MAX	8	/* IPv6 addresses of devices (not lo's) */

struct net_ifinfo {
	int		 index;
	char		 name[16];
	uint32_t	 flags;		/* IFF_* */
	uint32_t	 mtu, txqlen;
	uint16_t	 type;		/* ARPHRD_* */
	uint8_t		 mac[6], brd[6];
	uint64_t	 rx_packets, tx_packets, rx_bytes, tx_bytes;
};

struct net_ifaddr {
	int		 family;	/* AF_INET or AF_INET6 */
	int		 index;		/* its interface's */
	uint8_t		 addr[16];	/* the first 4 for AF_INET */
	uint8_t		 prefix;
	uint8_t		 scope;		/* RT_SCOPE_* */
	uint32_t	 flags;		/* IFA_F_* */
};

struct net_rtinfo {
	int		 family;
	uint8_t		 table, type, scope, protocol;	/* rtmsg's */
	uint8_t		 dst[16], dst_len;
	uint8_t		 gw[16], src[16];
	bool		 has_gw, has_src;	/* src: the preferred one */
	int		 oif;
	uint32_t	 priority;	/* 0: none (IPv4) */
};

/* Up to max interfaces by index into out: how many were stored. */
size_t	net_if_list(struct net_ifinfo *out, size_t max);
/* The interface of index (if > 0), else of name: 0, or -ENODEV. */
FW_MUST_CHECK int net_if_find(int index, const char *name,
	    struct net_ifinfo *out);
/* Up to max addresses, IPv4 first, each interface's in order. */
size_t	net_addr_list(struct net_ifaddr *out, size_t max);
/* Up to max routes: the main table's, then the local table's. */
size_t	net_route_list(struct net_rtinfo *out, size_t max);
/*
 * The route a packet to dst (4 or 16 bytes by family) takes, as `ip
 * route get` shows it: the local table looked at before the main one,
 * then dst_len full, the table main (a cloned route's), our own
 * addresses through lo, the source filled in.  0, or -ENETUNREACH.
 */
FW_MUST_CHECK int net_route_lookup(int family, const uint8_t *dst,
	    struct net_rtinfo *out);

/*
 * IPv6 addresses of devices, for the IPv6 code: add (0, -EEXIST,
 * -ENOSPC past NET_ADDR6_MAX) and delete (0, -EADDRNOTAVAIL).  scope is
 * RT_SCOPE_LINK for fe80::/10, else RT_SCOPE_UNIVERSE.
 */
FW_MUST_CHECK int net_addr6_add_locked(int index, const uint8_t *addr,
	    unsigned int prefix, unsigned int scope, uint32_t flags)
	    FW_REQUIRES(&inet_lock);
FW_MUST_CHECK int net_addr6_del_locked(int index, const uint8_t *addr)
	    FW_REQUIRES(&inet_lock);
/* Counts a packet of bytes (its IP length) through lo. */
void	net_lo_count_locked(size_t bytes) FW_REQUIRES(&inet_lock);
/* The IPv6 default router (NULL: none), as an RA sets it. */
void	net_gw6_set_locked(int index, const uint8_t *gw)
	    FW_REQUIRES(&inet_lock);

#endif
