/*
 * virtio_net.h: the virtio-net device model (virtio 1.2 §5.1) behind the
 * virtio-mmio transport, with the frames going to and coming from a
 * backend (sim/net/slirp.h is one).  Receive queue 0, transmit queue 1;
 * the 12-byte header of VERSION_1; features MAC (52:54:00:12:34:56),
 * STATUS (link up), MTU (1500) and MRG_RXBUF (each frame still uses one
 * buffer), plus CSUM and GUEST_CSUM when made with offload.
 *
 * Transmit runs on the transport's device thread: each chain is validated
 * (a header, a frame of 14 bytes or more, no GSO, a partial checksum
 * inside the frame), its NEEDS_CSUM checksum completed, returned used and
 * the frame handed to the backend's tx().  A bad chain is dropped and
 * counted; only a malformed ring (the transport's check) needs a reset.
 * Receive is vnet_rx(), from the backend's thread.
 */
#ifndef SIM_VIRTIO_NET_H
#define SIM_VIRTIO_NET_H

#include "virtio_mmio.h"

#define VNET_HDR_LEN		12
#define VNET_FRAME_MIN		14		/* an Ethernet header */
#define VNET_FRAME_MAX		(14 + 65535)

/* Feature bits (§5.1.3). */
#define VIRTIO_NET_F_CSUM	(1ull << 0)
#define VIRTIO_NET_F_GUEST_CSUM	(1ull << 1)
#define VIRTIO_NET_F_MTU	(1ull << 3)
#define VIRTIO_NET_F_MAC	(1ull << 5)
#define VIRTIO_NET_F_MRG_RXBUF	(1ull << 15)
#define VIRTIO_NET_F_STATUS	(1ull << 16)

/* virtio_net_hdr.flags */
#define VIRTIO_NET_HDR_F_NEEDS_CSUM	1u
#define VIRTIO_NET_HDR_F_DATA_VALID	2u

struct vnet;

struct vnet_backend {
	/*
	 * A frame the guest sent: Ethernet, without the virtio header,
	 * VNET_FRAME_MIN to VNET_FRAME_MAX bytes, borrowed for the call.
	 * On the transport's device thread; must not block.
	 */
	void	(*tx)(void *arg, const uint8_t *frame, size_t len);
	/*
	 * The guest posted receive buffers, so frames vnet_rx() could not
	 * place may go now.  On the notifying thread; must not block.
	 */
	void	(*rx_ready)(void *arg);
	void	*arg;
};

struct vnet_stats {
	uint64_t	tx_frames, tx_dropped;	/* bad chains are dropped */
	uint64_t	rx_frames, rx_dropped;	/* buffers too small */
};

/*
 * A device; *dev gets its description for vmmio_new().  offload offers
 * CSUM and GUEST_CSUM.  0 or -ENOMEM.
 */
int	vnet_new(bool offload, struct vnet **out, struct vmmio_device *dev);
/* Sets the backend (copied); call before vmmio_new() on the device. */
void	vnet_set_backend(struct vnet *n, const struct vnet_backend *b);
/* The transport made on the device; call before any vnet_rx(). */
void	vnet_attach(struct vnet *n, struct vmmio *t);
/*
 * Delivers one Ethernet frame (borrowed) into the next receive buffer and
 * raises the interrupt.  1: delivered; 0: the guest has no buffer posted
 * (or the driver is not up): keep the frame and retry after rx_ready();
 * negative: the frame is dropped (-EINVAL a bad length, -ENOSPC a buffer
 * too small, -EIO a malformed ring).  Any thread.
 */
int	vnet_rx(struct vnet *n, const uint8_t *frame, size_t len);
void	vnet_get_stats(struct vnet *n, struct vnet_stats *st);
/* Frees the device; the transport must already be freed. */
void	vnet_free(struct vnet *n);

#endif
