/*
 * services/procfs/procfs_net.c: /proc/net's files about interfaces, in
 * Linux's formats (net/core/net-procfs.c, net/ipv4/fib_trie.c,
 * net/ipv6/addrconf.c): dev (each interface's counters; errors, drops
 * and the rest are not kept: 0), route (the IPv4 main table) and
 * if_inet6 (the IPv6 addresses).  The sockets' files (tcp, udp, unix)
 * are not built.  /proc/net is a directory here, not Linux's link to
 * self/net: there is one network namespace.
 * Locks: none held; the data is the stack's snapshot (net/ifaddr.h).
 */
#include <fw/string.h>
#include <svc/lib.h>
#include <uapi/netlink.h>
#include "../net/ifaddr.h"
#include "procfs.h"

#define RTF_UP		0x1
#define RTF_GATEWAY	0x2
#define RTF_HOST	0x4
#define ROUTE_LINE	127	/* each line padded to this, then \n */
#define IFA_HOST	0x10	/* if_inet6's scope column */
#define IFA_LINK	0x20

int
pfs_show_net_dev(struct sbuf *sb, const struct pfs_ref *r,
    const struct fsctx *c)
{
	struct net_ifinfo ifs[NET_IF_MAX];
	size_t n, i;

	(void)r, (void)c;
	n = net_if_list(ifs, NET_IF_MAX);
	sbuf_printf(sb, "Inter-|   Receive                            "
	    "                    |  Transmit\n"
	    " face |bytes    packets errs drop fifo frame compressed "
	    "multicast|bytes    packets errs drop fifo colls carrier "
	    "compressed\n");
	for (i = 0; i < n; i++)
		sbuf_printf(sb, "%6s:%8llu %7llu    0    0    0     0"
		    "          0         0 %8llu %7llu    0    0    0     0"
		    "       0          0\n", ifs[i].name,
		    (unsigned long long)ifs[i].rx_bytes,
		    (unsigned long long)ifs[i].rx_packets,
		    (unsigned long long)ifs[i].tx_bytes,
		    (unsigned long long)ifs[i].tx_packets);
	return 0;
}

/* An IPv4 address as /proc/net/route prints it: its bytes, reversed. */
static unsigned int
route_hex(const uint8_t *a)
{
	return (unsigned int)a[3] << 24 | (unsigned int)a[2] << 16 |
	    (unsigned int)a[1] << 8 | a[0];
}

/* Pads the line begun at start to ROUTE_LINE columns and ends it. */
static void
route_pad(struct sbuf *sb, size_t start)
{
	size_t used = sb->len - start;

	sbuf_printf(sb, "%*s\n", used < ROUTE_LINE ?
	    (int)(ROUTE_LINE - used) : 0, "");
}

int
pfs_show_net_route(struct sbuf *sb, const struct pfs_ref *r,
    const struct fsctx *c)
{
	struct net_ifinfo ifs[NET_IF_MAX];
	struct net_rtinfo rt[NET_RT_MAX];
	size_t n, ni, i, j, start;
	const char *name;
	uint8_t mask[4];
	unsigned int b, flags;

	(void)r, (void)c;
	ni = net_if_list(ifs, NET_IF_MAX);
	n = net_route_list(rt, NET_RT_MAX);
	start = sb->len;
	sbuf_printf(sb, "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\t"
	    "Metric\tMask\t\tMTU\tWindow\tIRTT");
	route_pad(sb, start);
	for (i = 0; i < n; i++) {
		if (rt[i].family != LINUX_AF_INET ||
		    rt[i].table != LINUX_RT_TABLE_MAIN ||
		    rt[i].type != LINUX_RTN_UNICAST)
			continue;
		name = "*";
		for (j = 0; j < ni; j++)
			if (ifs[j].index == rt[i].oif)
				name = ifs[j].name;
		memset(mask, 0, sizeof(mask));
		for (b = 0; b < rt[i].dst_len && b < 32; b++)
			mask[b / 8] |= (uint8_t)(0x80 >> (b % 8));
		flags = RTF_UP | (rt[i].has_gw ? RTF_GATEWAY : 0) |
		    (rt[i].dst_len == 32 ? RTF_HOST : 0);
		start = sb->len;
		sbuf_printf(sb, "%s\t%08X\t%08X\t%04X\t0\t0\t%u\t%08X\t0\t0\t0",
		    name, route_hex(rt[i].dst),
		    rt[i].has_gw ? route_hex(rt[i].gw) : 0, flags,
		    rt[i].priority, route_hex(mask));
		route_pad(sb, start);
	}
	return 0;
}

int
pfs_show_net_if_inet6(struct sbuf *sb, const struct pfs_ref *r,
    const struct fsctx *c)
{
	struct net_ifinfo ifs[NET_IF_MAX];
	struct net_ifaddr a[NET_ADDR_MAX];
	size_t n, ni, i, j;
	const char *name;
	unsigned int scope;

	(void)r, (void)c;
	ni = net_if_list(ifs, NET_IF_MAX);
	n = net_addr_list(a, NET_ADDR_MAX);
	for (i = 0; i < n; i++) {
		if (a[i].family != LINUX_AF_INET6)
			continue;
		for (j = 0; j < 16; j++)
			sbuf_printf(sb, "%02x", a[i].addr[j]);
		name = "";
		for (j = 0; j < ni; j++)
			if (ifs[j].index == a[i].index)
				name = ifs[j].name;
		scope = a[i].scope == LINUX_RT_SCOPE_HOST ? IFA_HOST :
		    a[i].scope == LINUX_RT_SCOPE_LINK ? IFA_LINK : 0;
		sbuf_printf(sb, " %02x %02x %02x %02x %8s\n", a[i].index,
		    a[i].prefix, scope, a[i].flags & 0xff, name);
	}
	return 0;
}
