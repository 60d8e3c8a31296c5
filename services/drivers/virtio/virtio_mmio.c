/*
 * drivers/virtio/virtio_mmio.c: the virtio-mmio transport, version 2
 * (virtio 1.2 §4.2.2), over fw/iomem.h.  Locks: see virtio_impl.h.
 */
#include <fw/errno.h>

#include "virtio_impl.h"

#define VM_MAGIC		0x000
#define VM_VERSION		0x004
#define VM_DEVICE_ID		0x008
#define VM_DEV_FEATURES		0x010
#define VM_DEV_FEATURES_SEL	0x014
#define VM_DRV_FEATURES		0x020
#define VM_DRV_FEATURES_SEL	0x024
#define VM_QUEUE_SEL		0x030
#define VM_QUEUE_NUM_MAX	0x034
#define VM_QUEUE_NUM		0x038
#define VM_QUEUE_READY		0x044
#define VM_QUEUE_NOTIFY		0x050
#define VM_ISR			0x060
#define VM_ISR_ACK		0x064
#define VM_STATUS		0x070
#define VM_DESC_LO		0x080
#define VM_DESC_HI		0x084
#define VM_DRIVER_LO		0x090
#define VM_DRIVER_HI		0x094
#define VM_DEVICE_LO		0x0a0
#define VM_DEVICE_HI		0x0a4
#define VM_CONFIG		0x100

#define VIRTIO_MMIO_MAGIC	0x74726976u

static uint32_t
rd(struct virtio_dev *d, size_t off)
{
	return fw_iomem_read32(d->io, off);
}

static void
wr(struct virtio_dev *d, size_t off, uint32_t v)
{
	fw_iomem_write32(d->io, off, v);
}

static int
mmio_probe(struct virtio_dev *d, size_t dev, const struct fw_boot_device *bd,
    uint32_t id)
{
	int err;

	if (bd->type != FW_DEV_VIRTIO_MMIO)
		return -ENODEV;
	if ((err = fw_iomem_open(dev, &d->io)) < 0)
		return err;
	if (fw_iomem_size(d->io) < VM_CONFIG ||
	    rd(d, VM_MAGIC) != VIRTIO_MMIO_MAGIC || rd(d, VM_VERSION) != 2 ||
	    rd(d, VM_DEVICE_ID) != id) {
		fw_iomem_close(d->io);
		return -ENODEV;
	}
	return 0;
}

static void
mmio_release(struct virtio_dev *d)
{
	fw_iomem_close(d->io);
}

static uint8_t
mmio_status(struct virtio_dev *d)
{
	return (uint8_t)rd(d, VM_STATUS);
}

static void
mmio_set_status(struct virtio_dev *d, uint8_t s)
{
	wr(d, VM_STATUS, s);
}

static uint64_t
mmio_device_features(struct virtio_dev *d)
{
	uint64_t f;

	wr(d, VM_DEV_FEATURES_SEL, 0);
	f = rd(d, VM_DEV_FEATURES);
	wr(d, VM_DEV_FEATURES_SEL, 1);
	return f | (uint64_t)rd(d, VM_DEV_FEATURES) << 32;
}

static void
mmio_set_driver_features(struct virtio_dev *d, uint64_t f)
{
	wr(d, VM_DRV_FEATURES_SEL, 0);
	wr(d, VM_DRV_FEATURES, (uint32_t)f);
	wr(d, VM_DRV_FEATURES_SEL, 1);
	wr(d, VM_DRV_FEATURES, (uint32_t)(f >> 32));
}

/* §4.2.3.4: the interrupt's causes, acknowledged. */
static bool
mmio_isr_ack(struct virtio_dev *d)
{
	uint32_t isr = rd(d, VM_ISR);

	wr(d, VM_ISR_ACK, isr);
	return (isr & 2) != 0;
}

static size_t
mmio_config_size(struct virtio_dev *d)
{
	return fw_iomem_size(d->io) - VM_CONFIG;
}

static uint8_t
mmio_config8(struct virtio_dev *d, size_t off)
{
	return fw_iomem_read8(d->io, VM_CONFIG + off);
}

static unsigned int
mmio_queue_max(struct virtio_dev *d, unsigned int qi)
{
	wr(d, VM_QUEUE_SEL, qi);
	if (rd(d, VM_QUEUE_READY) != 0)
		return 0;
	return rd(d, VM_QUEUE_NUM_MAX);
}

/* §4.2.3.2. */
static void
mmio_queue_program(struct virtq *q)
{
	struct virtio_dev *d = q->dev;
	uint64_t base = fw_dma_addr(q->ring);
	uint64_t avail = base + q->avail_off, used = base + q->used_off;

	wr(d, VM_QUEUE_SEL, q->qi);
	wr(d, VM_QUEUE_NUM, q->num);
	wr(d, VM_DESC_LO, (uint32_t)base);
	wr(d, VM_DESC_HI, (uint32_t)(base >> 32));
	wr(d, VM_DRIVER_LO, (uint32_t)avail);
	wr(d, VM_DRIVER_HI, (uint32_t)(avail >> 32));
	wr(d, VM_DEVICE_LO, (uint32_t)used);
	wr(d, VM_DEVICE_HI, (uint32_t)(used >> 32));
	wr(d, VM_QUEUE_READY, 1);
}

static void
mmio_notify(struct virtq *q)
{
	wr(q->dev, VM_QUEUE_NOTIFY, q->qi);
}

const struct virtio_ops virtio_mmio_ops = {
	.probe = mmio_probe,
	.release = mmio_release,
	.status = mmio_status,
	.set_status = mmio_set_status,
	.device_features = mmio_device_features,
	.set_driver_features = mmio_set_driver_features,
	.isr_ack = mmio_isr_ack,
	.config_size = mmio_config_size,
	.config8 = mmio_config8,
	.queue_max = mmio_queue_max,
	.queue_program = mmio_queue_program,
	.notify = mmio_notify,
};
