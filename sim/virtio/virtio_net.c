/*
 * virtio_net.c: the virtio-net device model (virtio 1.2 §5.1).  Interface
 * in virtio_net.h.  The transmit queue is an ordinary request queue of the
 * transport (handle() gets the header and frame, replies nothing); the
 * receive queue is an async queue filled by vnet_rx() through
 * vmmio_push().
 *
 * Locks: none of its own.  backend and features are set before the
 * transport's threads start; t is set by vnet_attach() before the backend
 * calls vnet_rx(); the counters are atomic.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "virtio_net.h"

#define VNET_DEVICE_ID		1
#define VNET_RXQ		0
#define VNET_TXQ		1
#define VNET_MTU		1500
#define VNET_S_LINK_UP		1u
#define VNET_GSO_NONE		0u

/* Config space (§5.1.4): mac, status, max_virtqueue_pairs, mtu. */
#define VNET_CONFIG_LEN		12

static const uint8_t vnet_mac[6] = { 0x52, 0x54, 0x00, 0x12, 0x34, 0x56 };

struct vnet {
	struct vmmio		*t;
	struct vnet_backend	 be;
	uint8_t			 config[VNET_CONFIG_LEN];
	uint8_t			*scratch;	/* device thread: a frame
						   whose checksum we fill */
	uint64_t		 tx_frames, tx_dropped;	/* atomic */
	uint64_t		 rx_frames, rx_dropped;	/* atomic */
};

/* The header's fields we read (§5.1.6), little-endian. */
struct vnet_hdr {
	uint8_t		flags, gso_type;
	uint16_t	csum_start, csum_offset;
};

static uint16_t
le16(const uint8_t *p)
{
	return (uint16_t)(p[0] | p[1] << 8);
}

static void
count(uint64_t *c)
{
	__atomic_fetch_add(c, 1, __ATOMIC_RELAXED);
}

/* The Internet checksum (RFC 1071) of p[0..len), folded, not inverted. */
static uint16_t
inet_sum(const uint8_t *p, size_t len)
{
	uint64_t sum = 0;
	size_t i;

	for (i = 0; i + 1 < len; i += 2)
		sum += (uint32_t)(p[i] << 8 | p[i + 1]);
	if (len & 1)
		sum += (uint32_t)p[len - 1] << 8;
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return (uint16_t)sum;
}

/*
 * Completes a partial checksum (§5.1.6.2): the field at csum_start +
 * csum_offset holds the pseudo-header's sum; the checksum covers
 * everything from csum_start to the end.  A result of 0 is sent as 0xffff
 * (equal in one's complement), as Linux does, since a UDP checksum of 0
 * means none (and is invalid over IPv6).  false if either lies outside.
 */
static bool
vnet_complete_csum(uint8_t *f, size_t len, const struct vnet_hdr *h)
{
	size_t start = h->csum_start, field = start + h->csum_offset;
	uint16_t c;

	if (start >= len || field + 2 > len)
		return false;
	c = (uint16_t)~inet_sum(f + start, len - start);
	if (c == 0)
		c = 0xffff;	/* the same sum; UDP's 0 means "none" */
	f[field] = (uint8_t)(c >> 8);
	f[field + 1] = (uint8_t)c;
	return true;
}

/*
 * One transmit chain: in[0..in_len) is the header and the frame.  Nothing
 * is written back; a frame whose checksum we complete is patched in a
 * copy.
 */
static size_t
vnet_handle(void *ctx, unsigned int q, const uint8_t *in, size_t in_len,
    uint8_t *out, size_t out_cap)
{
	struct vnet *n = ctx;
	struct vnet_hdr h;
	const uint8_t *f = in + VNET_HDR_LEN;
	size_t len = in_len - VNET_HDR_LEN;

	(void)out, (void)out_cap;
	if (q != VNET_TXQ || in_len < VNET_HDR_LEN + VNET_FRAME_MIN ||
	    len > VNET_FRAME_MAX)
		goto drop;
	h = (struct vnet_hdr){ .flags = in[0], .gso_type = in[1],
	    .csum_start = le16(in + 6), .csum_offset = le16(in + 8) };
	if (h.gso_type != VNET_GSO_NONE)
		goto drop;		/* no TSO/UFO was offered */
	if (h.flags & VIRTIO_NET_HDR_F_NEEDS_CSUM) {
		memcpy(n->scratch, f, len);
		if (!vnet_complete_csum(n->scratch, len, &h))
			goto drop;
		f = n->scratch;
	}
	count(&n->tx_frames);
	if (n->be.tx != NULL)
		n->be.tx(n->be.arg, f, len);
	return 0;
drop:
	count(&n->tx_dropped);
	return 0;
}

static void
vnet_kick(void *ctx, unsigned int q)
{
	struct vnet *n = ctx;

	if (q == VNET_RXQ && n->be.rx_ready != NULL)
		n->be.rx_ready(n->be.arg);
}

int
vnet_rx(struct vnet *n, const uint8_t *frame, size_t len)
{
	struct vmmio *t = __atomic_load_n(&n->t, __ATOMIC_ACQUIRE);
	uint8_t hdr[VNET_HDR_LEN] = { 0 };
	struct iovec iov[2];
	int ret;

	if (len < VNET_FRAME_MIN || len > VNET_FRAME_MAX) {
		count(&n->rx_dropped);
		return -EINVAL;
	}
	if (t == NULL)
		return 0;
	/* Slirp's checksums are complete: with GUEST_CSUM, say so. */
	if (vmmio_features(t) & VIRTIO_NET_F_GUEST_CSUM)
		hdr[0] = VIRTIO_NET_HDR_F_DATA_VALID;
	hdr[10] = 1;				/* num_buffers */
	iov[0] = (struct iovec){ hdr, sizeof(hdr) };
	iov[1] = (struct iovec){ (void *)frame, len };
	ret = vmmio_push(t, VNET_RXQ, iov, 2);
	if (ret > 0)
		count(&n->rx_frames);
	else if (ret < 0)
		count(&n->rx_dropped);
	return ret;
}

int
vnet_new(bool offload, struct vnet **out, struct vmmio_device *dev)
{
	struct vnet *n;

	if ((n = calloc(1, sizeof(*n))) == NULL)
		return -ENOMEM;
	if ((n->scratch = malloc(VNET_FRAME_MAX)) == NULL) {
		free(n);
		return -ENOMEM;
	}
	memcpy(n->config, vnet_mac, sizeof(vnet_mac));
	n->config[6] = VNET_S_LINK_UP;
	n->config[8] = 1;			/* max_virtqueue_pairs */
	n->config[10] = VNET_MTU & 0xff;
	n->config[11] = VNET_MTU >> 8;
	*dev = (struct vmmio_device){
		.device_id = VNET_DEVICE_ID,
		.features = VIRTIO_NET_F_MAC | VIRTIO_NET_F_STATUS |
		    VIRTIO_NET_F_MTU | VIRTIO_NET_F_MRG_RXBUF |
		    (offload ? VIRTIO_NET_F_CSUM | VIRTIO_NET_F_GUEST_CSUM : 0),
		.nqueues = 2,
		.config = n->config,
		.config_len = sizeof(n->config),
		.handle = vnet_handle,
		.async_queues = 1u << VNET_RXQ,
		.kick = vnet_kick,
		.ctx = n,
	};
	*out = n;
	return 0;
}

void
vnet_set_backend(struct vnet *n, const struct vnet_backend *b)
{
	n->be = *b;
}

void
vnet_attach(struct vnet *n, struct vmmio *t)
{
	__atomic_store_n(&n->t, t, __ATOMIC_RELEASE);
}

void
vnet_get_stats(struct vnet *n, struct vnet_stats *st)
{
	st->tx_frames = __atomic_load_n(&n->tx_frames, __ATOMIC_RELAXED);
	st->tx_dropped = __atomic_load_n(&n->tx_dropped, __ATOMIC_RELAXED);
	st->rx_frames = __atomic_load_n(&n->rx_frames, __ATOMIC_RELAXED);
	st->rx_dropped = __atomic_load_n(&n->rx_dropped, __ATOMIC_RELAXED);
}

void
vnet_free(struct vnet *n)
{
	if (n == NULL)
		return;
	free(n->scratch);
	free(n);
}
