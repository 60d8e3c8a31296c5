/*
 * services/net/netdev.c: the stack's one Ethernet device (svc/netdev.h)
 * and what IPv4 needs of it: its address (the 10.0.2.x plan of QEMU's
 * user networking: 10.0.2.15/24, gateway 10.0.2.2), the routes (lo's
 * addresses and our own go through lo; the /24 directly; the rest to the
 * gateway), ARP (RFC 826: answering for our address, learning from what
 * is aimed at us, asking for a next hop with one packet kept waiting),
 * and the frames' way in: ARP, then IPv4 for us with verified checksums
 * to TCP, UDP and ICMP echo (ip4.c).  IPv6 and fragments beyond lo are
 * not handled yet.
 *
 * Locks: inet_lock guards the device table and the ARP cache.
 */
#include <fw/alloc.h>
#include <fw/string.h>
#include <svc/lib.h>
#include <svc/netdev.h>
#include "netdev_impl.h"
#include "wire.h"

struct net_if net_eth FW_GUARDED_BY(&inet_lock);

#define ARP_SLOTS	16

struct arp_entry {
	uint8_t		 ip[4];
	uint8_t		 mac[6];
	bool		 valid;
	uint8_t		*pending;	/* one frame waiting, MAC unset */
	size_t		 plen;
};
static struct arp_entry arp_cache[ARP_SLOTS] FW_GUARDED_BY(&inet_lock);
static unsigned int arp_next FW_GUARDED_BY(&inet_lock);

static const uint8_t eth_bcast[6] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };

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
	}
	fw_mutex_unlock(&inet_lock);
	return err;
}

bool
net_is_eth_addr(const struct inet_addr *a)
{
	return net_eth.nd != NULL && inet_is_v4(a) &&
	    memcmp(a->b + 12, net_eth.addr, 4) == 0;
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
	if (net_eth.nd == NULL || !inet_is_v4(dst))
		return -ENETUNREACH;
	if (src != NULL) {
		memset(src, 0, sizeof(*src));
		src->b[10] = src->b[11] = 0xff;
		memcpy(src->b + 12, net_eth.addr, 4);
	}
	if (mtu != NULL)
		*mtu = net_eth.nd->mtu;
	return NET_ROUTE_ETH;
}

/* The next hop for dst: on the /24 itself, else the gateway. */
static void
net_next_hop(const uint8_t *dst, uint8_t *hop) FW_REQUIRES(&inet_lock)
{
	uint32_t mask = net_eth.prefix == 0 ? 0 :
	    ~(uint32_t)0 << (32 - net_eth.prefix);
	uint32_t d = wire_get32(dst), me = wire_get32(net_eth.addr);

	if ((d & mask) == (me & mask))
		memcpy(hop, dst, 4);
	else
		memcpy(hop, net_eth.gw, 4);
}

static struct arp_entry *
arp_find(const uint8_t *ip) FW_REQUIRES(&inet_lock)
{
	unsigned int i;

	for (i = 0; i < ARP_SLOTS; i++)
		if (memcmp(arp_cache[i].ip, ip, 4) == 0 &&
		    (arp_cache[i].valid || arp_cache[i].pending != NULL))
			return &arp_cache[i];
	return NULL;
}

static struct arp_entry *
arp_slot(const uint8_t *ip) FW_REQUIRES(&inet_lock)
{
	struct arp_entry *e = arp_find(ip);

	if (e != NULL)
		return e;
	e = &arp_cache[arp_next++ % ARP_SLOTS];
	fw_free(e->pending);
	memset(e, 0, sizeof(*e));
	memcpy(e->ip, ip, 4);
	return e;
}

static void
arp_send(uint16_t op, const uint8_t *tha, const uint8_t *tpa)
    FW_REQUIRES(&inet_lock)
{
	uint8_t f[WIRE_ETH_LEN + WIRE_ARP_LEN];
	struct wire_arp a;
	struct wire_eth e;

	memset(&a, 0, sizeof(a));
	a.op = op;
	memcpy(a.sha, net_eth.nd->mac, 6);
	memcpy(a.spa, net_eth.addr, 4);
	if (op == 2)
		memcpy(a.tha, tha, 6);		/* a request's stays zero */
	memcpy(a.tpa, tpa, 4);
	memset(&e, 0, sizeof(e));
	memcpy(e.dst, op == 2 ? tha : eth_bcast, 6);
	memcpy(e.src, net_eth.nd->mac, 6);
	e.type = WIRE_ETH_ARP;
	if (wire_arp_emit(f, sizeof(f), WIRE_ETH_LEN, &a) < 0 ||
	    wire_eth_emit(f, sizeof(f), 0, WIRE_ARP_LEN, &e) < 0)
		return;
	(void)net_eth.nd->ops->xmit(net_eth.nd, f, sizeof(f));
}

static void
arp_input(const uint8_t *buf, size_t len) FW_REQUIRES(&inet_lock)
{
	struct arp_entry *e;
	struct wire_arp a;

	if (wire_arp_parse(buf, len, &a) < 0)
		return;
	if (memcmp(a.tpa, net_eth.addr, 4) != 0)
		return;				/* not for us: not learnt */
	e = arp_slot(a.spa);
	memcpy(e->mac, a.sha, 6);
	e->valid = true;
	if (e->pending != NULL) {
		memcpy(e->pending, a.sha, 6);	/* the frame's destination */
		(void)net_eth.nd->ops->xmit(net_eth.nd, e->pending, e->plen);
		fw_free(e->pending);
		e->pending = NULL;
	}
	if (a.op == 1)
		arp_send(2, a.sha, a.spa);
}

void
net_eth_xmit_ip(const uint8_t *dst, uint8_t *frame, size_t len)
{
	struct arp_entry *e;
	struct wire_eth eh;
	uint8_t hop[4];

	memset(&eh, 0, sizeof(eh));
	memcpy(eh.src, net_eth.nd->mac, 6);
	eh.type = WIRE_ETH_IP4;
	if (wire_eth_emit(frame, len, 0, len - WIRE_ETH_LEN, &eh) < 0)
		return;
	net_next_hop(dst, hop);
	e = arp_find(hop);
	if (e != NULL && e->valid) {
		memcpy(frame, e->mac, 6);
		(void)net_eth.nd->ops->xmit(net_eth.nd, frame, len);
		return;
	}
	/* Unresolved: the newest frame waits for the answer. */
	e = arp_slot(hop);
	fw_free(e->pending);
	if ((e->pending = fw_alloc(len)) != NULL) {
		memcpy(e->pending, frame, len);
		e->plen = len;
	}
	arp_send(1, NULL, hop);
}

void
netdev_rx(struct netdev *nd, const uint8_t *frame, size_t len)
{
	struct wire_eth e;

	fw_mutex_lock(&inet_lock);
	if (net_eth.nd != nd || wire_eth_parse(frame, len, &e) < 0 ||
	    (memcmp(e.dst, nd->mac, 6) != 0 &&
	    memcmp(e.dst, eth_bcast, 6) != 0))
		goto out;
	if (e.type == WIRE_ETH_ARP)
		arp_input(frame + e.off, e.len);
	else if (e.type == WIRE_ETH_IP4)
		ip4_input(frame + e.off, e.len);
	lo_drain();
out:
	fw_mutex_unlock(&inet_lock);
}
