/*
 * svc/netdev.h: what a network driver and the services' stack
 * (services/net/) ask of each other.  A driver fills a struct netdev
 * (its MAC, MTU and transmit op) and registers it; the stack hands it
 * whole Ethernet frames to send and receives whole frames through
 * netdev_rx().  Frames are in kernel memory and are the caller's: the
 * callee copies what it keeps.
 *
 * Locks: xmit is called with the stack's lock held (inet_lock): it must
 * not sleep; a full transmit ring drops the frame (TCP resends).
 * netdev_rx() takes the stack's lock: the driver calls it from its own
 * task, holding none of its locks.
 */
#ifndef SVC_NETDEV_H
#define SVC_NETDEV_H

#include <fw/types.h>

struct netdev;

struct netdev_ops {
	/* Queues frame[0..len) (<= mtu + 14 bytes): 0, or -ENOBUFS (dropped). */
	int	(*xmit)(struct netdev *nd, const uint8_t *frame, size_t len);
};

struct netdev {
	const struct netdev_ops	*ops;	/* the driver's */
	void			*priv;	/* the driver's */
	uint8_t			 mac[6];
	unsigned int		 mtu;	/* of the IP packets it carries */
	int			 ifindex;	/* set by netdev_register() */
	char			 name[16];	/* set by netdev_register() */
};

/*
 * Hands nd to the stack, which names it (eth0, eth1 ...) and gives the
 * first the boot configuration (the 10.0.2.x plan of QEMU's user
 * networking unless the ip= boot option says otherwise): 0, or -EBUSY
 * when the stack takes no more devices.  nd lives as long as the system.
 */
FW_MUST_CHECK int	 netdev_register(struct netdev *nd);
/* A frame arrived on nd. */
void			 netdev_rx(struct netdev *nd, const uint8_t *frame,
			    size_t len);
/* services/drivers/virtio/virtio_net.c: finds and starts virtio-net
 * devices (0, or -ENODEV when there is none). */
FW_MUST_CHECK int	 virtio_net_probe(void);

#endif
