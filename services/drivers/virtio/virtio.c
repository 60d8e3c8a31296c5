/*
 * drivers/virtio/virtio.c: the virtio-mmio transport, driver side (virtio
 * 1.2 §4.2.3): finding and initialising a device (§3.1.1), feature
 * negotiation, queue setup, and the interrupt handler, which acknowledges
 * the interrupt and wakes the waiters.  Locks: see virtio_impl.h.
 */
#include <fw/alloc.h>
#include <fw/boot.h>
#include <fw/errno.h>
#include <fw/irq.h>
#include <fw/log.h>

#include "virtio_impl.h"

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

/*
 * The interrupt: acknowledge what it says (§4.2.3.4) and wake every
 * waiter to look at its queue.  A configuration change is how the device
 * reports DEVICE_NEEDS_RESET (§2.1.2).
 */
static void
virtio_irq(void *arg)
{
	struct virtio_dev *d = arg;
	uint32_t isr = rd(d, VM_ISR);

	wr(d, VM_ISR_ACK, isr);
	if ((isr & 2) && (rd(d, VM_STATUS) & VIRTIO_NEEDS_RESET))
		atomic_store(&d->broken, true);
	fw_waitq_wake_all(&d->wq);
}

static int
virtio_negotiate(struct virtio_dev *d, uint64_t want)
{
	uint64_t offered;

	wr(d, VM_STATUS, 0);			/* reset */
	wr(d, VM_STATUS, VIRTIO_ACKNOWLEDGE);
	wr(d, VM_STATUS, VIRTIO_ACKNOWLEDGE | VIRTIO_DRIVER);
	wr(d, VM_DEV_FEATURES_SEL, 0);
	offered = rd(d, VM_DEV_FEATURES);
	wr(d, VM_DEV_FEATURES_SEL, 1);
	offered |= (uint64_t)rd(d, VM_DEV_FEATURES) << 32;
	if (!(offered & VIRTIO_F_VERSION_1))
		return -ENODEV;			/* a legacy-only device */
	d->features = (want & offered) | VIRTIO_F_VERSION_1;
	wr(d, VM_DRV_FEATURES_SEL, 0);
	wr(d, VM_DRV_FEATURES, (uint32_t)d->features);
	wr(d, VM_DRV_FEATURES_SEL, 1);
	wr(d, VM_DRV_FEATURES, (uint32_t)(d->features >> 32));
	wr(d, VM_STATUS, VIRTIO_ACKNOWLEDGE | VIRTIO_DRIVER |
	    VIRTIO_FEATURES_OK);
	if (!(rd(d, VM_STATUS) & VIRTIO_FEATURES_OK))
		return -EIO;
	return 0;
}

int
virtio_open(size_t dev, uint32_t device_id, uint64_t want,
    struct virtio_dev **out)
{
	struct fw_boot_device bd;
	struct virtio_dev *d;
	int err;

	if ((err = fw_boot_device(dev, &bd)) < 0)
		return err;
	if (bd.type != FW_DEV_VIRTIO_MMIO)
		return -ENODEV;
	if ((d = fw_zalloc(1, sizeof(*d))) == NULL)
		return -ENOMEM;
	fw_waitq_init(&d->wq);
	d->irq = bd.irq;
	if ((err = fw_iomem_open(dev, &d->io)) < 0)
		goto fail_free;
	err = -ENODEV;
	if (fw_iomem_size(d->io) < VM_CONFIG ||
	    rd(d, VM_MAGIC) != VIRTIO_MMIO_MAGIC || rd(d, VM_VERSION) != 2 ||
	    rd(d, VM_DEVICE_ID) != device_id)
		goto fail_io;
	if ((err = virtio_negotiate(d, want)) < 0)
		goto fail_reset;
	if ((err = fw_irq_request(d->irq, virtio_irq, d)) < 0)
		goto fail_reset;
	*out = d;
	return 0;
fail_reset:
	wr(d, VM_STATUS, VIRTIO_FAILED);
fail_io:
	fw_iomem_close(d->io);
fail_free:
	fw_free(d);
	return err;
}

void
virtio_close(struct virtio_dev *d)
{
	unsigned int i;

	if (d == NULL)
		return;
	wr(d, VM_STATUS, 0);		/* the device lets go of the rings */
	fw_irq_free(d->irq);
	for (i = 0; i < VIRTIO_QUEUES_MAX; i++)
		virtq_free(d->q[i]);
	fw_iomem_close(d->io);
	fw_free(d);
}

uint64_t
virtio_features(const struct virtio_dev *d)
{
	return d->features;
}

int
virtio_config_read(struct virtio_dev *d, size_t off, void *buf, size_t len)
{
	uint8_t *p = buf;
	size_t i, size = fw_iomem_size(d->io) - VM_CONFIG;

	if (off > size || len > size - off)
		return -EINVAL;
	for (i = 0; i < len; i++)
		p[i] = fw_iomem_read8(d->io, VM_CONFIG + off + i);
	return 0;
}

void
virtio_queue_program(struct virtq *q)
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

unsigned int
virtio_queue_max(struct virtio_dev *d, unsigned int qi)
{
	wr(d, VM_QUEUE_SEL, qi);
	if (rd(d, VM_QUEUE_READY) != 0)
		return 0;
	return rd(d, VM_QUEUE_NUM_MAX);
}

int
virtio_driver_ok(struct virtio_dev *d)
{
	wr(d, VM_STATUS, VIRTIO_ACKNOWLEDGE | VIRTIO_DRIVER |
	    VIRTIO_FEATURES_OK | VIRTIO_DRIVER_OK);
	if (rd(d, VM_STATUS) & (VIRTIO_NEEDS_RESET | VIRTIO_FAILED))
		return -EIO;
	return 0;
}

void
virtq_notify(struct virtq *q)
{
	wr(q->dev, VM_QUEUE_NOTIFY, q->qi);
}
