/*
 * services/net/nd6.c: IPv6 on the Ethernet device: neighbour discovery
 * (RFC 4861) and stateless address autoconfiguration (RFC 4862).  When
 * the device comes the link-local address fe80::EUI-64 (RFC 4291 2.5.1)
 * is taken and a router solicitation goes to all routers; an
 * advertisement from a link-local router gives the default router and,
 * from an autonomous /64 prefix, the global address (libslirp's fec0::/64
 * in the simulator, QEMU's too).  Neighbour solicitations for our
 * addresses are answered; answers and solicitations teach the neighbour
 * cache (neigh.c).  While there is no router, a packet that needs one
 * asks again, at most once a second.  Not done: duplicate address
 * detection (our MAC is the only one on these links), address lifetimes,
 * redirects, more than one prefix or router.
 * Locks: inet_lock.
 */
#include <fw/log.h>
#include <fw/string.h>
#include <fw/timer.h>
#include <svc/lib.h>
#include <svc/netdev.h>
#include <uapi/netlink.h>
#include "ifaddr.h"
#include "netdev_impl.h"

#define ND_HOPS		255		/* RFC 4861 6.1: on-link only */
#define ND_RS_GAP	1000000000ULL	/* between solicitations, ns */

static const uint8_t all_nodes[16] = { 0xff, 0x02, [15] = 1 };
static const uint8_t all_routers[16] = { 0xff, 0x02, [15] = 2 };

/* The device's IPv6 side. */
static struct {
	bool		 has_ll, has_global, has_router;
	uint8_t		 ll[16];	/* fe80::EUI-64 */
	uint8_t		 global[16];	/* the router's /64 and EUI-64 */
	uint8_t		 router[16];	/* link-local */
	uint64_t	 rs_last;	/* the last solicitation, ns */
} nd6 FW_GUARDED_BY(&inet_lock);

static bool
is_link_local(const uint8_t *a)
{
	return a[0] == 0xfe && (a[1] & 0xc0) == 0x80;
}

/* ff02::1:ffXX:XXXX, the solicited-node group of a (RFC 4291 2.7.1). */
static void
solicited_node(const uint8_t *a, uint8_t *group)
{
	static const uint8_t head[13] = { 0xff, 0x02, [11] = 1, [12] = 0xff };

	memcpy(group, head, sizeof(head));
	memcpy(group + 13, a + 13, 3);
}

/* The interface identifier from the MAC (modified EUI-64). */
static void
eui64(uint8_t *a) FW_REQUIRES(&inet_lock)
{
	const uint8_t *mac = net_eth.nd->mac;

	a[8] = mac[0] ^ 0x02;
	a[9] = mac[1];
	a[10] = mac[2];
	a[11] = 0xff;
	a[12] = 0xfe;
	a[13] = mac[3];
	a[14] = mac[4];
	a[15] = mac[5];
}

static void
nd6_send(const uint8_t *src, const uint8_t *dst, struct wire_icmp6 *m)
    FW_REQUIRES(&inet_lock)
{
	ip6_send_icmp6(src, dst, ND_HOPS, m, NULL, 0);
}

/* Lists an address of ours where netlink and /proc/net see it. */
static void
nd6_publish(const uint8_t *a, unsigned int scope, uint32_t flags)
    FW_REQUIRES(&inet_lock)
{
	if (net_addr6_add_locked(net_eth.nd->ifindex, a, 64, scope,
	    flags) < 0)
		fw_log(FW_LOG_WARN, "nd6: no room to list an address\n");
}

static void
nd6_router_solicit(void) FW_REQUIRES(&inet_lock)
{
	struct wire_icmp6 m;

	memset(&m, 0, sizeof(m));
	m.type = WIRE_ND_RS;
	m.nd.has_sll = true;
	memcpy(m.nd.sll, net_eth.nd->mac, 6);
	nd6.rs_last = fw_clock_monotonic();
	nd6_send(nd6.ll, all_routers, &m);
}

void
nd6_start(void)
{
	memset(&nd6, 0, sizeof(nd6));
	nd6.ll[0] = 0xfe;
	nd6.ll[1] = 0x80;
	eui64(nd6.ll);
	nd6.has_ll = true;
	nd6_publish(nd6.ll, LINUX_RT_SCOPE_LINK, LINUX_IFA_F_PERMANENT);
	nd6_router_solicit();
}

bool
nd6_is_own(const uint8_t *a)
{
	return (nd6.has_ll && memcmp(a, nd6.ll, 16) == 0) ||
	    (nd6.has_global && memcmp(a, nd6.global, 16) == 0);
}

bool
nd6_in_group(const uint8_t *a)
{
	uint8_t g[16];

	if (memcmp(a, all_nodes, 16) == 0)
		return true;
	if (nd6.has_ll) {
		solicited_node(nd6.ll, g);
		if (memcmp(a, g, 16) == 0)
			return true;
	}
	if (nd6.has_global) {
		solicited_node(nd6.global, g);
		if (memcmp(a, g, 16) == 0)
			return true;
	}
	return false;
}

const uint8_t *
nd6_source(const uint8_t *dst)
{
	if (nd6.has_global && !is_link_local(dst) &&
	    !(dst[0] == 0xff && (dst[1] & 0x0f) <= 2))
		return nd6.global;
	return nd6.ll;
}

int
nd6_next_hop(const uint8_t *dst, uint8_t *hop)
{
	const uint8_t *via = dst;

	if (!nd6.has_ll)
		return -ENETUNREACH;
	if (!is_link_local(dst) && dst[0] != 0xff &&
	    !(nd6.has_global && memcmp(dst, nd6.global, 8) == 0)) {
		if (!nd6.has_router || !nd6.has_global) {
			if (fw_clock_monotonic() - nd6.rs_last >= ND_RS_GAP)
				nd6_router_solicit();
			return -ENETUNREACH;
		}
		via = nd6.router;
	}
	if (hop != NULL)
		memcpy(hop, via, 16);
	return 0;
}

void
nd6_solicit(const uint8_t *target)
{
	struct wire_icmp6 m;
	uint8_t group[16];

	memset(&m, 0, sizeof(m));
	m.type = WIRE_ND_NS;
	memcpy(m.nd.target, target, 16);
	m.nd.has_sll = true;
	memcpy(m.nd.sll, net_eth.nd->mac, 6);
	solicited_node(target, group);
	nd6_send(nd6_source(target), group, &m);
}

static void
nd6_learn(const uint8_t *ip, const uint8_t *mac, bool create)
    FW_REQUIRES(&inet_lock)
{
	struct inet_addr a;

	memcpy(a.b, ip, 16);
	neigh_learn(&a, mac, create);
}

static void
nd6_ns_input(const struct wire_ip6 *ip, const struct wire_icmp6 *m)
    FW_REQUIRES(&inet_lock)
{
	static const uint8_t unspec[16];
	bool dad = memcmp(ip->src, unspec, 16) == 0;
	struct wire_icmp6 r;

	if (!nd6_is_own(m->nd.target))
		return;
	if (!dad && m->nd.has_sll)
		nd6_learn(ip->src, m->nd.sll, true);
	memset(&r, 0, sizeof(r));
	r.type = WIRE_ND_NA;
	memcpy(r.nd.target, m->nd.target, 16);
	r.nd.solicited = !dad;
	r.nd.override = true;
	r.nd.has_tll = true;
	memcpy(r.nd.tll, net_eth.nd->mac, 6);
	nd6_send(m->nd.target, dad ? all_nodes : ip->src, &r);
}

static void
nd6_ra_input(const struct wire_ip6 *ip, const struct wire_icmp6 *m)
    FW_REQUIRES(&inet_lock)
{
	const struct wire_nd_prefix *p;
	unsigned int i;

	if (!is_link_local(ip->src))
		return;				/* RFC 4861 6.1.2 */
	if (m->nd.has_sll)
		nd6_learn(ip->src, m->nd.sll, true);
	if (m->nd.lifetime > 0) {
		memcpy(nd6.router, ip->src, 16);
		nd6.has_router = true;
		net_gw6_set_locked(net_eth.nd->ifindex, nd6.router);
	} else if (nd6.has_router && memcmp(nd6.router, ip->src, 16) == 0) {
		nd6.has_router = false;
		net_gw6_set_locked(net_eth.nd->ifindex, NULL);
	}
	for (i = 0; i < m->nd.nprefix; i++) {
		p = &m->nd.prefix[i];
		if (!p->autonomous || p->len != 64 || p->valid == 0 ||
		    p->preferred > p->valid || is_link_local(p->prefix))
			continue;		/* RFC 4862 5.5.3 */
		if (nd6.has_global && memcmp(nd6.global, p->prefix, 8) == 0)
			break;		/* a refresh: no lifetimes kept */
		if (nd6.has_global &&
		    net_addr6_del_locked(net_eth.nd->ifindex, nd6.global) < 0)
			fw_log(FW_LOG_WARN, "nd6: address not listed\n");
		memcpy(nd6.global, p->prefix, 8);
		eui64(nd6.global);
		nd6.has_global = true;
		nd6_publish(nd6.global, LINUX_RT_SCOPE_UNIVERSE, 0);
		break;
	}
}

void
nd6_input(const struct wire_ip6 *ip, const struct wire_icmp6 *m)
{
	switch (m->type) {
	case WIRE_ND_NS:
		nd6_ns_input(ip, m);
		break;
	case WIRE_ND_NA:
		if (m->nd.has_tll)
			nd6_learn(m->nd.target, m->nd.tll, false);
		break;
	case WIRE_ND_RA:
		nd6_ra_input(ip, m);
		break;
	default:
		break;				/* RS: we are no router */
	}
}
