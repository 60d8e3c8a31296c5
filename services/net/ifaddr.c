/*
 * services/net/ifaddr.c: snapshots of the interfaces, addresses and
 * routes (ifaddr.h).  lo is described here; eth0 comes from netdev.c's
 * net_eth, and the devices' IPv6 addresses from the table below, which
 * the IPv6 code fills.  Routes are made from the addresses as Linux's
 * fib_add_ifaddr() and addrconf make them: an IPv4 address gives a local
 * route, its subnet (in the local table for a host-scope address like
 * 127.0.0.1/8, else in main with scope link) and its subnet's broadcast;
 * an IPv6 address its prefix (metric 256) and a local route; gateways a
 * default route.
 * Locks: inet_lock guards net_addr6 and net_gw6.
 */
#include <fw/errno.h>
#include <fw/string.h>
#include <svc/lib.h>
#include <svc/netdev.h>
#include <uapi/if.h>
#include <uapi/netlink.h>
#include "ifaddr.h"
#include "netdev_impl.h"

#define LO_FLAGS	(LINUX_IFF_UP | LINUX_IFF_LOOPBACK | \
			 LINUX_IFF_RUNNING | LINUX_IFF_LOWER_UP)
#define ETH_FLAGS	(LINUX_IFF_UP | LINUX_IFF_BROADCAST | \
			 LINUX_IFF_RUNNING | LINUX_IFF_MULTICAST | \
			 LINUX_IFF_LOWER_UP)

static struct net_ifaddr net_addr6[NET_ADDR6_MAX] FW_GUARDED_BY(&inet_lock);
static unsigned int net_naddr6 FW_GUARDED_BY(&inet_lock);
static struct {
	int		 index;		/* 0: none */
	uint8_t		 addr[16];
} net_gw6 FW_GUARDED_BY(&inet_lock);
static uint64_t lo_packets FW_GUARDED_BY(&inet_lock);
static uint64_t lo_bytes FW_GUARDED_BY(&inet_lock);

void
net_lo_count_locked(size_t bytes)
{
	lo_packets++;
	lo_bytes += bytes;
}

static size_t
if_collect_locked(struct net_ifinfo *out, size_t max) FW_REQUIRES(&inet_lock)
{
	size_t n = 0;

	if (n < max) {
		memset(&out[n], 0, sizeof(out[n]));
		out[n].index = 1;
		str_lcpy(out[n].name, "lo", sizeof(out[n].name));
		out[n].flags = LO_FLAGS;
		out[n].mtu = 65536;
		out[n].txqlen = 1000;
		out[n].type = LINUX_ARPHRD_LOOPBACK;
		out[n].rx_packets = out[n].tx_packets = lo_packets;
		out[n].rx_bytes = out[n].tx_bytes = lo_bytes;
		n++;
	}
	if (n < max && net_eth.nd != NULL) {
		memset(&out[n], 0, sizeof(out[n]));
		out[n].index = net_eth.nd->ifindex;
		str_lcpy(out[n].name, net_eth.nd->name, sizeof(out[n].name));
		out[n].flags = ETH_FLAGS;
		out[n].mtu = net_eth.nd->mtu;
		out[n].txqlen = 1000;
		out[n].type = LINUX_ARPHRD_ETHER;
		memcpy(out[n].mac, net_eth.nd->mac, 6);
		memset(out[n].brd, 0xff, 6);
		out[n].rx_packets = net_eth.rx_packets;
		out[n].rx_bytes = net_eth.rx_bytes;
		out[n].tx_packets = net_eth.tx_packets;
		out[n].tx_bytes = net_eth.tx_bytes;
		n++;
	}
	return n;
}

size_t
net_if_list(struct net_ifinfo *out, size_t max)
{
	size_t n;

	fw_mutex_lock(&inet_lock);
	n = if_collect_locked(out, max);
	fw_mutex_unlock(&inet_lock);
	return n;
}

int
net_if_find(int index, const char *name, struct net_ifinfo *out)
{
	struct net_ifinfo all[NET_IF_MAX];
	size_t n, i;

	n = net_if_list(all, NET_IF_MAX);
	for (i = 0; i < n; i++)
		if (index > 0 ? all[i].index == index :
		    str_eq(all[i].name, name)) {
			*out = all[i];
			return 0;
		}
	return -ENODEV;
}

static void
addr_set(struct net_ifaddr *a, int family, int index, const uint8_t *b,
    unsigned int prefix, unsigned int scope)
{
	memset(a, 0, sizeof(*a));
	a->family = family;
	a->index = index;
	memcpy(a->addr, b, family == LINUX_AF_INET ? 4 : 16);
	a->prefix = (uint8_t)prefix;
	a->scope = (uint8_t)scope;
	a->flags = LINUX_IFA_F_PERMANENT;
}

static size_t
addr_collect_locked(struct net_ifaddr *out, size_t max)
    FW_REQUIRES(&inet_lock)
{
	static const uint8_t lo4[4] = { 127, 0, 0, 1 };
	static const uint8_t lo6[16] = { [15] = 1 };
	size_t n = 0;
	unsigned int i;

	if (n < max)
		addr_set(&out[n++], LINUX_AF_INET, 1, lo4, 8,
		    LINUX_RT_SCOPE_HOST);
	if (n < max && net_eth.nd != NULL)
		addr_set(&out[n++], LINUX_AF_INET, net_eth.nd->ifindex,
		    net_eth.addr, net_eth.prefix, LINUX_RT_SCOPE_UNIVERSE);
	if (n < max)
		addr_set(&out[n++], LINUX_AF_INET6, 1, lo6, 128,
		    LINUX_RT_SCOPE_HOST);
	for (i = 0; i < net_naddr6 && n < max; i++)
		out[n++] = net_addr6[i];
	return n;
}

size_t
net_addr_list(struct net_ifaddr *out, size_t max)
{
	size_t n;

	fw_mutex_lock(&inet_lock);
	n = addr_collect_locked(out, max);
	fw_mutex_unlock(&inet_lock);
	return n;
}

int
net_addr6_add_locked(int index, const uint8_t *addr, unsigned int prefix,
    unsigned int scope, uint32_t flags)
{
	unsigned int i;

	for (i = 0; i < net_naddr6; i++)
		if (net_addr6[i].index == index &&
		    memcmp(net_addr6[i].addr, addr, 16) == 0)
			return -EEXIST;
	if (net_naddr6 == NET_ADDR6_MAX)
		return -ENOSPC;
	addr_set(&net_addr6[net_naddr6], LINUX_AF_INET6, index, addr,
	    prefix, scope);
	net_addr6[net_naddr6++].flags = flags;
	return 0;
}

int
net_addr6_del_locked(int index, const uint8_t *addr)
{
	unsigned int i;

	for (i = 0; i < net_naddr6; i++)
		if (net_addr6[i].index == index &&
		    memcmp(net_addr6[i].addr, addr, 16) == 0) {
			net_addr6[i] = net_addr6[--net_naddr6];
			return 0;
		}
	return -EADDRNOTAVAIL;
}

void
net_gw6_set_locked(int index, const uint8_t *gw)
{
	net_gw6.index = gw != NULL ? index : 0;
	if (gw != NULL)
		memcpy(net_gw6.addr, gw, 16);
}

/* The first prefix bits of a (alen bytes) into out, the rest cleared. */
static void
prefix_of(const uint8_t *a, size_t alen, unsigned int prefix, uint8_t *out)
{
	size_t i;

	memset(out, 0, 16);
	for (i = 0; i < alen; i++) {
		if (prefix >= 8)
			out[i] = a[i];
		else if (prefix > 0)
			out[i] = (uint8_t)(a[i] & (0xff << (8 - prefix)));
		prefix = prefix >= 8 ? prefix - 8 : 0;
	}
}

/* Appends a route (when there is room) and returns it, or NULL. */
static struct net_rtinfo *
rt_add(struct net_rtinfo *out, size_t max, size_t *n, int family,
    unsigned int table, unsigned int type, unsigned int scope, int oif)
{
	struct net_rtinfo *r;

	if (*n == max)
		return NULL;
	r = &out[(*n)++];
	memset(r, 0, sizeof(*r));
	r->family = family;
	r->table = (uint8_t)table;
	r->type = (uint8_t)type;
	r->scope = (uint8_t)scope;
	r->protocol = LINUX_RTPROT_KERNEL;
	r->oif = oif;
	return r;
}

/* An address's routes, into main (main) or the local table (!main). */
static void
rt_of_addr(const struct net_ifaddr *a, bool main, struct net_rtinfo *out,
    size_t max, size_t *n)
{
	size_t alen = a->family == LINUX_AF_INET ? 4 : 16;
	unsigned int bits = (unsigned int)alen * 8, i;
	bool host = a->scope == LINUX_RT_SCOPE_HOST;
	struct net_rtinfo *r;
	uint8_t net[16];

	prefix_of(a->addr, alen, a->prefix, net);
	if (a->family == LINUX_AF_INET6) {
		if (main && host)
			return;		/* ::1: no prefix route (Linux 6) */
		r = rt_add(out, max, n, a->family, main ? LINUX_RT_TABLE_MAIN :
		    LINUX_RT_TABLE_LOCAL, main ? LINUX_RTN_UNICAST :
		    LINUX_RTN_LOCAL, LINUX_RT_SCOPE_UNIVERSE, a->index);
		if (r == NULL)
			return;
		memcpy(r->dst, main ? net : a->addr, 16);
		r->dst_len = (uint8_t)(main ? a->prefix : 128);
		r->priority = main ? 256 : 0;
		return;
	}
	if (main && !host && a->prefix < bits) {
		r = rt_add(out, max, n, a->family, LINUX_RT_TABLE_MAIN,
		    LINUX_RTN_UNICAST, LINUX_RT_SCOPE_LINK, a->index);
		if (r == NULL)
			return;
		memcpy(r->dst, net, 4);
		r->dst_len = a->prefix;
	}
	if (main)
		return;
	if (host && a->prefix < bits &&
	    (r = rt_add(out, max, n, a->family, LINUX_RT_TABLE_LOCAL,
	    LINUX_RTN_LOCAL, LINUX_RT_SCOPE_HOST, a->index)) != NULL) {
		memcpy(r->dst, net, 4);
		r->dst_len = a->prefix;
	}
	if ((r = rt_add(out, max, n, a->family, LINUX_RT_TABLE_LOCAL,
	    LINUX_RTN_LOCAL, LINUX_RT_SCOPE_HOST, a->index)) != NULL) {
		memcpy(r->dst, a->addr, 4);
		r->dst_len = 32;
	}
	if (a->prefix < 31 && (r = rt_add(out, max, n, a->family,
	    LINUX_RT_TABLE_LOCAL, LINUX_RTN_BROADCAST, LINUX_RT_SCOPE_LINK,
	    a->index)) != NULL) {
		memcpy(r->dst, net, 4);
		for (i = a->prefix; i < 32; i++)
			r->dst[i / 8] |= (uint8_t)(0x80 >> (i % 8));
		r->dst_len = 32;
	}
}

/* The IPv6 default route, when an RA gave one. */
static void
rt_gw6_locked(struct net_rtinfo *out, size_t max, size_t *n)
    FW_REQUIRES(&inet_lock)
{
	struct net_rtinfo *r;

	if (net_gw6.index == 0 || (r = rt_add(out, max, n, LINUX_AF_INET6,
	    LINUX_RT_TABLE_MAIN, LINUX_RTN_UNICAST, LINUX_RT_SCOPE_UNIVERSE,
	    net_gw6.index)) == NULL)
		return;
	r->protocol = LINUX_RTPROT_RA;
	memcpy(r->gw, net_gw6.addr, 16);
	r->has_gw = true;
	r->priority = 1024;
}

/* Sets the preferred source of the IPv4 routes from their address. */
static void
rt_set_src(struct net_rtinfo *r, size_t from, size_t to,
    const struct net_ifaddr *a)
{
	for (; from < to; from++)
		if (a->family == LINUX_AF_INET) {
			memcpy(r[from].src, a->addr, 4);
			r[from].has_src = true;
		}
}

/* Linux's order: IPv4's main and local tables, then IPv6's. */
static size_t
rt_collect_locked(struct net_rtinfo *out, size_t max) FW_REQUIRES(&inet_lock)
{
	static const int fams[2] = { LINUX_AF_INET, LINUX_AF_INET6 };
	struct net_ifaddr addrs[NET_ADDR_MAX];
	struct net_rtinfo *r;
	size_t na, n = 0, i, start;
	int main, f;

	na = addr_collect_locked(addrs, NET_ADDR_MAX);
	for (f = 0; f < 2; f++) {
		if (fams[f] == LINUX_AF_INET && net_eth.nd != NULL &&
		    (r = rt_add(out, max, &n, LINUX_AF_INET,
		    LINUX_RT_TABLE_MAIN, LINUX_RTN_UNICAST,
		    LINUX_RT_SCOPE_UNIVERSE, net_eth.nd->ifindex)) != NULL) {
			r->protocol = LINUX_RTPROT_BOOT;
			memcpy(r->gw, net_eth.gw, 4);
			r->has_gw = true;
		}
		for (main = 1; main >= 0; main--) {
			for (i = 0; i < na; i++) {
				if (addrs[i].family != fams[f])
					continue;
				start = n;
				rt_of_addr(&addrs[i], main != 0, out, max, &n);
				rt_set_src(out, start, n, &addrs[i]);
			}
			if (main && fams[f] == LINUX_AF_INET6)
				rt_gw6_locked(out, max, &n);
		}
	}
	return n;
}

size_t
net_route_list(struct net_rtinfo *out, size_t max)
{
	size_t n;

	fw_mutex_lock(&inet_lock);
	n = rt_collect_locked(out, max);
	fw_mutex_unlock(&inet_lock);
	return n;
}

/* Whether dst (alen bytes) is in r's destination prefix. */
static bool
rt_match(const struct net_rtinfo *r, const uint8_t *dst, size_t alen)
{
	uint8_t net[16];

	prefix_of(dst, alen, r->dst_len, net);
	return memcmp(net, r->dst, alen) == 0;
}

/* The source for a route without one: the first address of its device. */
static void
rt_pick_src(struct net_rtinfo *r, const struct net_ifaddr *a, size_t na)
{
	size_t i;

	for (i = 0; i < na && !r->has_src; i++)
		if (a[i].family == r->family && a[i].index == r->oif &&
		    (r->family == LINUX_AF_INET ||
		    a[i].scope != LINUX_RT_SCOPE_LINK)) {
			memcpy(r->src, a[i].addr, 16);
			r->has_src = true;
		}
}

int
net_route_lookup(int family, const uint8_t *dst, struct net_rtinfo *out)
{
	struct net_rtinfo rt[NET_RT_MAX];
	struct net_ifaddr addrs[NET_ADDR_MAX];
	size_t alen = family == LINUX_AF_INET ? 4 : 16, n, na, i;
	const struct net_rtinfo *best = NULL;

	fw_mutex_lock(&inet_lock);
	n = rt_collect_locked(rt, NET_RT_MAX);
	na = addr_collect_locked(addrs, NET_ADDR_MAX);
	fw_mutex_unlock(&inet_lock);
	/* The local table is looked at first (rule 0), then main. */
	for (i = 0; i < n; i++) {
		if (rt[i].family != family || !rt_match(&rt[i], dst, alen))
			continue;
		if (best == NULL || rt[i].table > best->table ||
		    (rt[i].table == best->table &&
		    rt[i].dst_len > best->dst_len))
			best = &rt[i];
	}
	if (best == NULL)
		return -ENETUNREACH;
	*out = *best;
	memset(out->dst, 0, sizeof(out->dst));
	memcpy(out->dst, dst, alen);
	out->dst_len = (uint8_t)(alen * 8);
	out->table = LINUX_RT_TABLE_MAIN;	/* as a cloned route shows */
	if (out->type == LINUX_RTN_LOCAL)
		out->oif = 1;		/* delivered through lo */
	if (out->type == LINUX_RTN_LOCAL && family == LINUX_AF_INET6) {
		memcpy(out->src, dst, 16);
		out->has_src = true;
	}
	rt_pick_src(out, addrs, na);
	return 0;
}
