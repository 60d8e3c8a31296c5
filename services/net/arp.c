/*
 * services/net/arp.c: ARP for IPv4 over Ethernet (RFC 826): answering for
 * our address, learning the sender of what is aimed at us, and asking for
 * a next hop (the frame waits in the neighbour cache, neigh.c).
 * Locks: inet_lock.
 */
#include <fw/string.h>
#include <svc/lib.h>
#include <svc/netdev.h>
#include "netdev_impl.h"
#include "wire.h"

#define ARP_REQUEST	1
#define ARP_REPLY	2

static const uint8_t eth_bcast[6] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };

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
	if (op == ARP_REPLY)
		memcpy(a.tha, tha, 6);		/* a request's stays zero */
	memcpy(a.tpa, tpa, 4);
	memset(&e, 0, sizeof(e));
	memcpy(e.dst, op == ARP_REPLY ? tha : eth_bcast, 6);
	memcpy(e.src, net_eth.nd->mac, 6);
	e.type = WIRE_ETH_ARP;
	if (wire_arp_emit(f, sizeof(f), WIRE_ETH_LEN, &a) < 0 ||
	    wire_eth_emit(f, sizeof(f), 0, WIRE_ARP_LEN, &e) < 0)
		return;
	net_eth_send(f, sizeof(f));
}

void
arp_solicit(const uint8_t *ip)
{
	arp_send(ARP_REQUEST, NULL, ip);
}

void
arp_input(const uint8_t *buf, size_t len)
{
	struct inet_addr spa;
	struct wire_arp a;

	if (wire_arp_parse(buf, len, &a) < 0)
		return;
	if (memcmp(a.tpa, net_eth.addr, 4) != 0)
		return;				/* not for us: not learnt */
	inet_v4_mapped(&spa, a.spa);
	neigh_learn(&spa, a.sha, true);
	if (a.op == ARP_REQUEST)
		arp_send(ARP_REPLY, a.sha, a.spa);
}
