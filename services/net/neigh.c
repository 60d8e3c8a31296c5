/*
 * services/net/neigh.c: the neighbour cache of the Ethernet device, one
 * for ARP (arp.c) and IPv6's neighbour discovery (nd6.c), keyed by the
 * next hop's address as inet_addr bytes (IPv4 mapped).  An entry learns
 * its MAC from an answer, or from a request aimed at us (RFC 826, RFC
 * 4861 7.2.3); a frame for an unresolved hop waits in its entry (one per
 * hop, the newest: RFC 1122 2.3.2.2 asks for at least one) while the
 * family's solicitation goes out.  Entries are recycled round robin and
 * never expire: the simulator's and QEMU's user networks do not move.
 * Locks: inet_lock.
 */
#include <fw/alloc.h>
#include <fw/string.h>
#include <svc/lib.h>
#include <svc/netdev.h>
#include "netdev_impl.h"

#define NEIGH_SLOTS	16

struct neigh {
	struct inet_addr ip;
	uint8_t		 mac[6];
	bool		 valid;
	uint8_t		*pending;	/* one frame waiting, MAC unset */
	size_t		 plen;
};

static struct neigh neigh_cache[NEIGH_SLOTS] FW_GUARDED_BY(&inet_lock);
static unsigned int neigh_next FW_GUARDED_BY(&inet_lock);

static struct neigh *
neigh_find(const struct inet_addr *ip) FW_REQUIRES(&inet_lock)
{
	unsigned int i;

	for (i = 0; i < NEIGH_SLOTS; i++)
		if ((neigh_cache[i].valid || neigh_cache[i].pending != NULL) &&
		    inet_addr_eq(&neigh_cache[i].ip, ip))
			return &neigh_cache[i];
	return NULL;
}

static struct neigh *
neigh_slot(const struct inet_addr *ip) FW_REQUIRES(&inet_lock)
{
	struct neigh *e = neigh_find(ip);

	if (e != NULL)
		return e;
	e = &neigh_cache[neigh_next++ % NEIGH_SLOTS];
	fw_free(e->pending);
	memset(e, 0, sizeof(*e));
	e->ip = *ip;
	return e;
}

void
neigh_learn(const struct inet_addr *ip, const uint8_t *mac, bool create)
{
	struct neigh *e = create ? neigh_slot(ip) : neigh_find(ip);

	if (e == NULL)
		return;
	memcpy(e->mac, mac, 6);
	e->valid = true;
	if (e->pending != NULL) {
		memcpy(e->pending, mac, 6);	/* the frame's destination */
		net_eth_send(e->pending, e->plen);
		fw_free(e->pending);
		e->pending = NULL;
	}
}

void
neigh_output(const struct inet_addr *hop, uint8_t *frame, size_t len)
{
	struct neigh *e = neigh_find(hop);

	if (e != NULL && e->valid) {
		memcpy(frame, e->mac, 6);
		net_eth_send(frame, len);
		return;
	}
	/* Unresolved: the newest frame waits for the answer. */
	e = neigh_slot(hop);
	fw_free(e->pending);
	if ((e->pending = fw_alloc(len)) != NULL) {
		memcpy(e->pending, frame, len);
		e->plen = len;
	}
	if (inet_is_v4(hop))
		arp_solicit(hop->b + 12);
	else
		nd6_solicit(hop->b);
}
