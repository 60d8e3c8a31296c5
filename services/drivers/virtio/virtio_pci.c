/*
 * drivers/virtio/virtio_pci.c: the virtio-pci transport, modern interface
 * (virtio 1.2 §4.1), over fw/pci.h.  The device's vendor capabilities
 * (§4.1.4) say where in its BARs the common configuration, the notify
 * area, the ISR status and the device configuration lie; the first of each
 * type is used (§4.1.4.1).  Interrupts come by MSI-X, which the framework
 * routes to the device's line: the configuration and every queue use
 * table entry 0.  Locks: see virtio_impl.h.
 */
#include <fw/errno.h>

#include "virtio_impl.h"

#define VIRTIO_PCI_VENDOR	0x1af4
#define VIRTIO_PCI_MODERN	0x1040	/* + the device type (§4.1.2.1) */
#define VIRTIO_PCI_LEGACY_LO	0x1000	/* transitional: type in subsystem */
#define VIRTIO_PCI_LEGACY_HI	0x103f

#define PCI_STATUS		0x06
#define PCI_STATUS_CAPS		(1u << 4)
#define PCI_CAPS		0x34
#define PCI_CAP_VENDOR		0x09

/* struct virtio_pci_cap (§4.1.4). */
#define CAP_CFG_TYPE		3
#define CAP_BAR			4
#define CAP_OFFSET		8
#define CAP_LENGTH		12
#define CAP_NOTIFY_MULT		16
#define CFG_COMMON		1
#define CFG_NOTIFY		2
#define CFG_ISR			3
#define CFG_DEVICE		4

/* struct virtio_pci_common_cfg (§4.1.4.3). */
#define CC_DFSELECT		0x00
#define CC_DF			0x04
#define CC_GFSELECT		0x08
#define CC_GF			0x0c
#define CC_MSIX_CONFIG		0x10
#define CC_STATUS		0x14
#define CC_Q_SELECT		0x16
#define CC_Q_SIZE		0x18
#define CC_Q_MSIX		0x1a
#define CC_Q_ENABLE		0x1c
#define CC_Q_NOTIFY_OFF		0x1e
#define CC_Q_DESC		0x20
#define CC_Q_DRIVER		0x28
#define CC_Q_DEVICE		0x30
#define CC_SIZE			0x38

#define RESET_POLLS		1000000

static bool
is_type(const struct fw_boot_device *bd, uint32_t id)
{
	if (bd->vendor != VIRTIO_PCI_VENDOR)
		return false;
	if (bd->device >= VIRTIO_PCI_LEGACY_LO &&
	    bd->device <= VIRTIO_PCI_LEGACY_HI)
		return bd->subsystem == id;
	return bd->device == VIRTIO_PCI_MODERN + id;
}

/* Points w at a capability's structure: false if its BAR will not do. */
static bool
map_cap(struct virtio_dev *d, unsigned int cap, struct virtio_pci_win *w)
{
	unsigned int bar = fw_pci_read8(d->pci, cap + CAP_BAR);
	size_t off = fw_pci_read32(d->pci, cap + CAP_OFFSET);
	size_t len = fw_pci_read32(d->pci, cap + CAP_LENGTH);

	if (bar >= FW_PCI_BARS)
		return false;
	if (d->bar[bar] == NULL &&
	    fw_pci_bar_open(d->pci, bar, &d->bar[bar]) < 0)
		return false;
	if (off > fw_iomem_size(d->bar[bar]) ||
	    len > fw_iomem_size(d->bar[bar]) - off)
		return false;
	w->io = d->bar[bar];
	w->off = off;
	w->len = len;
	return true;
}

/* Finds the first structure of each type (§4.1.4.1). */
static bool
find_caps(struct virtio_dev *d)
{
	unsigned int cap, hops, type;
	struct virtio_pci_win *w;

	if (!(fw_pci_read16(d->pci, PCI_STATUS) & PCI_STATUS_CAPS))
		return false;
	cap = fw_pci_read8(d->pci, PCI_CAPS) & 0xfcu;
	for (hops = 0; cap >= 0x40 && cap <= FW_PCI_CFG_SIZE - 20 &&
	    hops < 48; hops++) {
		type = fw_pci_read8(d->pci, cap + CAP_CFG_TYPE);
		w = type == CFG_COMMON ? &d->common : type == CFG_NOTIFY ?
		    &d->notify : type == CFG_ISR ? &d->isr : type ==
		    CFG_DEVICE ? &d->device : NULL;
		if (fw_pci_read8(d->pci, cap) == PCI_CAP_VENDOR && w != NULL &&
		    w->io == NULL && map_cap(d, cap, w) && w == &d->notify)
			d->notify_mult = fw_pci_read32(d->pci,
			    cap + CAP_NOTIFY_MULT);
		cap = fw_pci_read8(d->pci, cap + 1) & 0xfcu;
	}
	return d->common.io != NULL && d->common.len >= CC_SIZE &&
	    d->notify.io != NULL && d->isr.io != NULL && d->isr.len >= 1;
}

static void
pci_release(struct virtio_dev *d)
{
	unsigned int i;

	for (i = 0; i < FW_PCI_BARS; i++)
		fw_iomem_close(d->bar[i]);
	fw_pci_close(d->pci);
}

static int
pci_probe(struct virtio_dev *d, size_t dev, const struct fw_boot_device *bd,
    uint32_t id)
{
	int err;

	if (bd->type != FW_DEV_PCI || !is_type(bd, id))
		return -ENODEV;
	if ((err = fw_pci_open(dev, &d->pci)) < 0)
		return err;
	if (fw_pci_msix_count(d->pci) == 0 || !find_caps(d)) {
		pci_release(d);
		return -ENODEV;
	}
	return 0;
}

static uint8_t
cc8(struct virtio_dev *d, size_t reg)
{
	return fw_iomem_read8(d->common.io, d->common.off + reg);
}

static uint16_t
cc16(struct virtio_dev *d, size_t reg)
{
	return fw_iomem_read16(d->common.io, d->common.off + reg);
}

static uint32_t
cc32(struct virtio_dev *d, size_t reg)
{
	return fw_iomem_read32(d->common.io, d->common.off + reg);
}

static void
cc_w8(struct virtio_dev *d, size_t reg, uint8_t v)
{
	fw_iomem_write8(d->common.io, d->common.off + reg, v);
}

static void
cc_w16(struct virtio_dev *d, size_t reg, uint16_t v)
{
	fw_iomem_write16(d->common.io, d->common.off + reg, v);
}

static void
cc_w32(struct virtio_dev *d, size_t reg, uint32_t v)
{
	fw_iomem_write32(d->common.io, d->common.off + reg, v);
}

/* §4.1.3.1: a 64-bit field as its two halves, low first. */
static void
cc_w64(struct virtio_dev *d, size_t reg, uint64_t v)
{
	cc_w32(d, reg, (uint32_t)v);
	cc_w32(d, reg + 4, (uint32_t)(v >> 32));
}

static uint8_t
pci_status(struct virtio_dev *d)
{
	return cc8(d, CC_STATUS);
}

/* §4.1.4.3.2: after a reset the driver waits for the status to read 0. */
static void
pci_set_status(struct virtio_dev *d, uint8_t s)
{
	unsigned int i;

	cc_w8(d, CC_STATUS, s);
	for (i = 0; s == 0 && cc8(d, CC_STATUS) != 0 && i < RESET_POLLS; i++)
		;
	if (s == 0)
		cc_w16(d, CC_MSIX_CONFIG, 0);	/* entry 0, as are queues */
}

static uint64_t
pci_device_features(struct virtio_dev *d)
{
	uint64_t f;

	cc_w32(d, CC_DFSELECT, 0);
	f = cc32(d, CC_DF);
	cc_w32(d, CC_DFSELECT, 1);
	return f | (uint64_t)cc32(d, CC_DF) << 32;
}

static void
pci_set_driver_features(struct virtio_dev *d, uint64_t f)
{
	cc_w32(d, CC_GFSELECT, 0);
	cc_w32(d, CC_GF, (uint32_t)f);
	cc_w32(d, CC_GFSELECT, 1);
	cc_w32(d, CC_GF, (uint32_t)(f >> 32));
}

/*
 * With MSI-X the ISR status is not set (§4.1.5.3) and one vector serves
 * queues and configuration alike: any interrupt may be a change.
 */
static bool
pci_isr_ack(struct virtio_dev *d)
{
	(void)fw_iomem_read8(d->isr.io, d->isr.off);
	return true;
}

static size_t
pci_config_size(struct virtio_dev *d)
{
	return d->device.io != NULL ? d->device.len : 0;
}

static uint8_t
pci_config8(struct virtio_dev *d, size_t off)
{
	return fw_iomem_read8(d->device.io, d->device.off + off);
}

static unsigned int
pci_queue_max(struct virtio_dev *d, unsigned int qi)
{
	cc_w16(d, CC_Q_SELECT, (uint16_t)qi);
	if (cc16(d, CC_Q_ENABLE) != 0)
		return 0;
	return cc16(d, CC_Q_SIZE);
}

/* §4.1.5.1.3. */
static void
pci_queue_program(struct virtq *q)
{
	struct virtio_dev *d = q->dev;
	uint64_t base = fw_dma_addr(q->ring);

	cc_w16(d, CC_Q_SELECT, (uint16_t)q->qi);
	cc_w16(d, CC_Q_SIZE, q->num);
	cc_w16(d, CC_Q_MSIX, 0);
	cc_w64(d, CC_Q_DESC, base);
	cc_w64(d, CC_Q_DRIVER, base + q->avail_off);
	cc_w64(d, CC_Q_DEVICE, base + q->used_off);
	d->notify_off[q->qi] = cc16(d, CC_Q_NOTIFY_OFF);
	cc_w16(d, CC_Q_ENABLE, 1);
}

/*
 * §4.1.4.4: the queue's doorbell is notify_off * multiplier into the
 * notify area; one the area does not hold is not rung (the device then
 * sees the buffers at its next look, or never, as with a lost kick).
 */
static void
pci_notify(struct virtq *q)
{
	struct virtio_dev *d = q->dev;
	uint64_t at = (uint64_t)d->notify_off[q->qi] * d->notify_mult;

	if (at > d->notify.len || d->notify.len - at < 2)
		return;
	fw_iomem_write16(d->notify.io, d->notify.off + (size_t)at,
	    (uint16_t)q->qi);
}

const struct virtio_ops virtio_pci_ops = {
	.probe = pci_probe,
	.release = pci_release,
	.status = pci_status,
	.set_status = pci_set_status,
	.device_features = pci_device_features,
	.set_driver_features = pci_set_driver_features,
	.isr_ack = pci_isr_ack,
	.config_size = pci_config_size,
	.config8 = pci_config8,
	.queue_max = pci_queue_max,
	.queue_program = pci_queue_program,
	.notify = pci_notify,
};
