/*
 * drivers/virtio/virtio.c: what every virtio transport shares, driver side
 * (virtio 1.2 §3.1.1): finding and initialising a device, feature
 * negotiation, the status, config space, and the interrupt handler, which
 * acknowledges the interrupt and wakes the waiters.  The transports
 * (virtio_mmio.c, virtio_pci.c) reach the registers.  Locks: see
 * virtio_impl.h.
 */
#include <fw/alloc.h>
#include <fw/boot.h>
#include <fw/errno.h>
#include <fw/irq.h>
#include <fw/log.h>

#include "virtio_impl.h"

/*
 * The interrupt: acknowledge it and wake every waiter to look at its
 * queue.  A configuration change is how the device reports
 * DEVICE_NEEDS_RESET (§2.1.2).
 */
static void
virtio_irq(void *arg)
{
	struct virtio_dev *d = arg;

	if (d->ops->isr_ack(d) &&
	    (d->ops->status(d) & VIRTIO_NEEDS_RESET))
		atomic_store(&d->broken, true);
	fw_waitq_wake_all(&d->wq);
}

static int
virtio_negotiate(struct virtio_dev *d, uint64_t want)
{
	uint64_t offered;

	d->ops->set_status(d, 0);			/* reset */
	d->ops->set_status(d, VIRTIO_ACKNOWLEDGE);
	d->ops->set_status(d, VIRTIO_ACKNOWLEDGE | VIRTIO_DRIVER);
	offered = d->ops->device_features(d);
	if (!(offered & VIRTIO_F_VERSION_1))
		return -ENODEV;			/* a legacy-only device */
	d->features = (want & offered) | VIRTIO_F_VERSION_1;
	d->ops->set_driver_features(d, d->features);
	d->ops->set_status(d, VIRTIO_ACKNOWLEDGE | VIRTIO_DRIVER |
	    VIRTIO_FEATURES_OK);
	if (!(d->ops->status(d) & VIRTIO_FEATURES_OK))
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
	if ((d = fw_zalloc(1, sizeof(*d))) == NULL)
		return -ENOMEM;
	fw_waitq_init(&d->wq);
	d->irq = bd.irq;
	d->ops = bd.type == FW_DEV_PCI ? &virtio_pci_ops : &virtio_mmio_ops;
	if ((err = d->ops->probe(d, dev, &bd, device_id)) < 0)
		goto fail_free;
	if ((err = virtio_negotiate(d, want)) < 0)
		goto fail_reset;
	if ((err = fw_irq_request(d->irq, virtio_irq, d)) < 0)
		goto fail_reset;
	*out = d;
	return 0;
fail_reset:
	d->ops->set_status(d, VIRTIO_FAILED);
	d->ops->release(d);
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
	d->ops->set_status(d, 0);	/* the device lets go of the rings */
	fw_irq_free(d->irq);
	for (i = 0; i < VIRTIO_QUEUES_MAX; i++)
		virtq_free(d->q[i]);
	d->ops->release(d);
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
	size_t i, size = d->ops->config_size(d);

	if (off > size || len > size - off)
		return -EINVAL;
	for (i = 0; i < len; i++)
		p[i] = d->ops->config8(d, off + i);
	return 0;
}

int
virtio_driver_ok(struct virtio_dev *d)
{
	d->ops->set_status(d, VIRTIO_ACKNOWLEDGE | VIRTIO_DRIVER |
	    VIRTIO_FEATURES_OK | VIRTIO_DRIVER_OK);
	if (d->ops->status(d) & (VIRTIO_NEEDS_RESET | VIRTIO_FAILED))
		return -EIO;
	return 0;
}
