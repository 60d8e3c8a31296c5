/*
 * services/net/netdev.c: the stack's one Ethernet device (svc/netdev.h):
 * its IPv4 address (the 10.0.2.x plan of QEMU's user networking:
 * 10.0.2.15/24, gateway 10.0.2.2) and its IPv6 ones (nd6.c: link-local,
 * and one from the router's prefix), the routes (lo's addresses and our
 * own go through lo; on-link destinations directly; the rest to the
 * gateway or the IPv6 router), Ethernet output through the neighbour
 * cache (neigh.c), and the frames' way in: ARP (arp.c), IPv4 (ip4.c) and
 * IPv6 (ip6.c) for us, unicast, broadcast or the IPv6 multicast groups we
 * are in.  Fragments beyond lo are not handled yet.
 *
 * Locks: inet_lock guards the device and its addresses.
 */
#include <fw/alloc.h>
#include <fw/string.h>
#include <svc/lib.h>
#include <svc/netdev.h>
#include "netdev_impl.h"
#include "wire.h"

struct net_if net_eth FW_GUARDED_BY(&inet_lock);

static const uint8_t eth_bcast[6] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };

void
net_eth_send(const uint8_t *frame, size_t len)
{
	if (net_eth.nd->ops->xmit(net_eth.nd, frame, len) == 0) {
		net_eth.tx_packets++;
		net_eth.tx_bytes += len;
	}
}

int
netdev_register(struct netdev *nd)
{
	int err = 0;

	fw_mutex_lock(&inet_lock);
	if (net_eth.nd != NULL)
		err = -EBUSY;
	else {
		nd->ifindex = 2;		/* lo is 1 */
		str_lcpy(nd->name, "eth0", sizeof(nd->name));
		net_eth.nd = nd;
		net_eth.addr[0] = 10;
		net_eth.addr[1] = 0;
		net_eth.addr[2] = 2;
		net_eth.addr[3] = 15;
		net_eth.prefix = 24;
		net_eth.gw[0] = 10;
		net_eth.gw[1] = 0;
		net_eth.gw[2] = 2;
		net_eth.gw[3] = 2;
		net_ipconfig(&net_eth);		/* ip= may say otherwise */
		nd6_start();
	}
	fw_mutex_unlock(&inet_lock);
	return err;
}

bool
net_is_eth_addr(const struct inet_addr *a)
{
	if (net_eth.nd == NULL)
		return false;
	if (inet_is_v4(a))
		return memcmp(a->b + 12, net_eth.addr, 4) == 0;
	return nd6_is_own(a->b);
}

/* The device's own address for a packet to dst (net_route()'s src). */
static void
net_eth_source(const struct inet_addr *dst, struct inet_addr *src)
    FW_REQUIRES(&inet_lock)
{
	if (inet_is_v4(dst))
		inet_v4_mapped(src, net_eth.addr);
	else
		memcpy(src->b, nd6_source(dst->b), 16);
}

int
net_route(const struct inet_addr *dst, struct inet_addr *src,
    unsigned int *mtu)
{
	if (inet_is_local(dst) || net_is_eth_addr(dst)) {
		if (src != NULL) {
			if (net_is_eth_addr(dst))
				*src = *dst;
			else
				inet_source_for(dst, src);
		}
		if (mtu != NULL)
			*mtu = 65536;
		return NET_ROUTE_LO;
	}
	if (net_eth.nd == NULL ||
	    (!inet_is_v4(dst) && nd6_next_hop(dst->b, NULL) < 0))
		return -ENETUNREACH;
	if (src != NULL)
		net_eth_source(dst, src);
	if (mtu != NULL)
		*mtu = net_eth.nd->mtu;
	return NET_ROUTE_ETH;
}

/* The IPv4 next hop for dst: on the subnet itself, else the gateway. */
static void
net_next_hop4(const uint8_t *dst, uint8_t *hop) FW_REQUIRES(&inet_lock)
{
	uint32_t mask = net_eth.prefix == 0 ? 0 :
	    ~(uint32_t)0 << (32 - net_eth.prefix);
	uint32_t d = wire_get32(dst), me = wire_get32(net_eth.addr);

	if ((d & mask) == (me & mask))
		memcpy(hop, dst, 4);
	else
		memcpy(hop, net_eth.gw, 4);
}

void
net_eth_xmit(const struct inet_addr *dst, uint8_t *frame, size_t len)
{
	struct inet_addr hop;
	struct wire_eth eh;
	uint8_t v4[4];

	memset(&eh, 0, sizeof(eh));
	memcpy(eh.src, net_eth.nd->mac, 6);
	eh.type = inet_is_v4(dst) ? WIRE_ETH_IP4 : WIRE_ETH_IP6;
	if (wire_eth_emit(frame, len, 0, len - WIRE_ETH_LEN, &eh) < 0)
		return;
	if (inet_is_v4(dst)) {
		net_next_hop4(dst->b + 12, v4);
		inet_v4_mapped(&hop, v4);
	} else if (dst->b[0] == 0xff) {
		/* Multicast (RFC 2464 7): 33:33 and the group's last four. */
		frame[0] = frame[1] = 0x33;
		memcpy(frame + 2, dst->b + 12, 4);
		net_eth_send(frame, len);
		return;
	} else if (nd6_next_hop(dst->b, hop.b) < 0)
		return;				/* no route any more */
	neigh_output(&hop, frame, len);
}

/* Whether a frame to mac is for us: ours, broadcast, or IPv6 multicast
 * (ip6.c keeps what is for a group we are in). */
static bool
net_eth_for_us(const struct netdev *nd, const uint8_t *mac)
{
	return memcmp(mac, nd->mac, 6) == 0 || memcmp(mac, eth_bcast, 6) == 0 ||
	    (mac[0] == 0x33 && mac[1] == 0x33);
}

void
netdev_rx(struct netdev *nd, const uint8_t *frame, size_t len)
{
	struct wire_eth e;

	fw_mutex_lock(&inet_lock);
	if (net_eth.nd == nd) {
		net_eth.rx_packets++;
		net_eth.rx_bytes += len;
	}
	if (net_eth.nd != nd || wire_eth_parse(frame, len, &e) < 0 ||
	    !net_eth_for_us(nd, e.dst))
		goto out;
	if (e.type == WIRE_ETH_ARP)
		arp_input(frame + e.off, e.len);
	else if (e.type == WIRE_ETH_IP4)
		ip4_input(frame + e.off, e.len);
	else if (e.type == WIRE_ETH_IP6)
		ip6_input(frame + e.off, e.len);
	lo_drain();
out:
	fw_mutex_unlock(&inet_lock);
}
