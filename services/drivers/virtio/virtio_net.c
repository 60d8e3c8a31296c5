/*
 * services/drivers/virtio/virtio_net.c: the virtio-net driver (virtio 1.2
 * 5.1), the same on every backend.  It negotiates VERSION_1, MAC and
 * STATUS only: no checksum offload and no merged receive buffers, so a
 * frame is one buffer after a 12-byte header.  Receive queue 0 holds
 * VNET_QSIZE buffers of 2 KiB; a task of its own takes what the device
 * fills, hands each frame to the stack and posts the buffer again.
 * Transmit queue 1: a frame is copied, behind a zeroed header, into a free
 * 2 KiB slot; slots come back as the device uses them.
 *
 * Interface: virtio_net_probe() (svc/netdev.h).
 * Locks: transmits run under the stack's lock, which serialises the
 * transmit slots; the receive side is the task's alone.
 */
#include <fw/alloc.h>
#include <fw/boot.h>
#include <fw/errno.h>
#include <fw/log.h>
#include <fw/string.h>
#include <fw/task.h>
#include <svc/netdev.h>
#include <svc/virtio.h>

#define VNET_DEVICE_ID		1
#define VNET_F_MAC		(1ULL << 5)
#define VNET_F_STATUS		(1ULL << 16)
#define VNET_HDR		12	/* struct virtio_net_hdr, VERSION_1 */
#define VNET_QSIZE		64
#define VNET_BUF		2048	/* >= 12 + 1514 */
#define VNET_MTU		1500

struct vnet {
	struct netdev		 nd;
	struct virtio_dev	*dev;
	struct virtq		*rxq, *txq;
	struct fw_dma		*rxbuf, *txbuf;	/* VNET_QSIZE slots each */
	uint16_t		 rx_slot[VNET_QSIZE];	/* by chain head */
	uint16_t		 tx_slot[VNET_QSIZE];
	uint16_t		 tx_free[VNET_QSIZE];	/* a stack of slots */
	unsigned int		 ntx_free;
	uint8_t			 frame[VNET_BUF];	/* the task's */
};

/* Gives the device receive slot i: 0 or -errno. */
static int
vnet_post_rx(struct vnet *v, unsigned int i)
{
	struct virtq_buf b = { v->rxbuf, (size_t)i * VNET_BUF, VNET_BUF, true };
	uint16_t head;
	int err;

	if ((err = virtq_add(v->rxq, &b, 1, &head)) < 0)
		return err;
	v->rx_slot[head % VNET_QSIZE] = (uint16_t)i;
	return 0;
}

/* Takes back the transmit slots the device is done with. */
static void
vnet_reclaim_tx(struct vnet *v)
{
	uint16_t head;
	uint32_t len;

	while (virtq_get_used(v->txq, &head, &len))
		v->tx_free[v->ntx_free++] = v->tx_slot[head % VNET_QSIZE];
}

static int
vnet_xmit(struct netdev *nd, const uint8_t *frame, size_t len)
{
	struct vnet *v = nd->priv;
	uint8_t hdr[VNET_HDR];
	struct virtq_buf b;
	unsigned int slot;
	uint16_t head;
	size_t off;

	if (len + VNET_HDR > VNET_BUF)
		return -EMSGSIZE;
	vnet_reclaim_tx(v);
	if (v->ntx_free == 0)
		return -ENOBUFS;
	slot = v->tx_free[--v->ntx_free];
	off = (size_t)slot * VNET_BUF;
	memset(hdr, 0, sizeof(hdr));
	if (fw_dma_write(v->txbuf, off, hdr, VNET_HDR) < 0 ||
	    fw_dma_write(v->txbuf, off + VNET_HDR, frame, len) < 0)
		goto drop;
	b = (struct virtq_buf){ v->txbuf, off, (uint32_t)(VNET_HDR + len),
	    false };
	if (virtq_add(v->txq, &b, 1, &head) < 0)
		goto drop;
	v->tx_slot[head % VNET_QSIZE] = (uint16_t)slot;
	virtq_kick(v->txq);
	return 0;
drop:
	v->tx_free[v->ntx_free++] = (uint16_t)slot;
	return -ENOBUFS;
}

static const uint8_t vnet_default_mac[6] = { 0x52, 0x54, 0, 0x12, 0x34, 0x56 };

static const struct netdev_ops vnet_ops = {
	.xmit = vnet_xmit,
};

/* The receive task: frames to the stack, buffers back to the device. */
static void
vnet_rx_task(void *arg)
{
	struct vnet *v = arg;
	unsigned int slot;
	uint16_t head;
	uint32_t len;

	for (;;) {
		if (virtq_wait(v->rxq) < 0) {
			fw_log(FW_LOG_WARN, "virtio-net: device failed\n");
			return;
		}
		while (virtq_get_used(v->rxq, &head, &len)) {
			slot = v->rx_slot[head % VNET_QSIZE];
			/* A length the device lies about is cut to the slot. */
			if (len > VNET_HDR && len <= VNET_BUF &&
			    fw_dma_read(v->rxbuf, (size_t)slot * VNET_BUF +
			    VNET_HDR, v->frame, len - VNET_HDR) == 0)
				netdev_rx(&v->nd, v->frame, len - VNET_HDR);
			if (vnet_post_rx(v, slot) < 0)
				fw_log(FW_LOG_WARN, "virtio-net: rx slot lost\n");
		}
		virtq_kick(v->rxq);
	}
}

static int
vnet_start(struct vnet *v)
{
	unsigned int i;
	int err;

	if ((err = fw_dma_alloc((size_t)VNET_QSIZE * VNET_BUF,
	    &v->rxbuf)) < 0 ||
	    (err = fw_dma_alloc((size_t)VNET_QSIZE * VNET_BUF,
	    &v->txbuf)) < 0 ||
	    (err = virtio_queue_setup(v->dev, 0, VNET_QSIZE, &v->rxq)) < 0 ||
	    (err = virtio_queue_setup(v->dev, 1, VNET_QSIZE, &v->txq)) < 0)
		return err;
	if ((virtio_features(v->dev) & VNET_F_MAC) &&
	    (err = virtio_config_read(v->dev, 0, v->nd.mac, 6)) < 0)
		return err;
	if ((err = virtio_driver_ok(v->dev)) < 0)
		return err;
	for (i = 0; i < VNET_QSIZE; i++) {
		v->tx_free[v->ntx_free++] = (uint16_t)i;
		if ((err = vnet_post_rx(v, i)) < 0)
			return err;
	}
	virtq_kick(v->rxq);
	return 0;
}

int
virtio_net_probe(void)
{
	size_t i, n = fw_boot_device_count();
	struct vnet *v;
	int err = -ENODEV;

	if ((v = fw_zalloc(1, sizeof(*v))) == NULL)
		return -ENOMEM;
	for (i = 0; i < n && v->dev == NULL; i++)
		if ((err = virtio_open(i, VNET_DEVICE_ID, VNET_F_MAC |
		    VNET_F_STATUS, &v->dev)) < 0 && err != -ENODEV &&
		    err != -EBUSY)
			break;
	if (v->dev == NULL) {
		fw_free(v);
		return err == -EBUSY ? -ENODEV : err;
	}
	/* QEMU's default address if the device offers none. */
	memcpy(v->nd.mac, vnet_default_mac, sizeof(vnet_default_mac));
	v->nd.ops = &vnet_ops;
	v->nd.priv = v;
	v->nd.mtu = VNET_MTU;
	if ((err = vnet_start(v)) < 0 ||
	    (err = fw_task_spawn(vnet_rx_task, v, NULL)) < 0) {
		virtio_close(v->dev);
		fw_dma_free(v->rxbuf);
		fw_dma_free(v->txbuf);
		fw_free(v);
		return err;
	}
	/* From here the task runs: a device the stack refuses stays idle
	 * (netdev_rx() drops the frames of an unregistered device). */
	return netdev_register(&v->nd);
}
