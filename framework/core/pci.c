/*
 * core/pci.c: PCI functions for their drivers (fw/pci.h) over hal/dev.h
 * and the boot device list, where the backend left each function's place,
 * BARs and MSI-X size.  Every configuration read is checked here, so the
 * backend sees only offsets inside the 256 bytes.
 *
 * Locks: pci_lock guards the open flags; a BAR's flag is the iomem lock's
 * (core/iomem_impl.h).
 */
#include <fw/alloc.h>
#include <fw/errno.h>
#include <fw/panic.h>
#include <fw/pci.h>
#include <fw/spinlock.h>
#include <hal/dev.h>

#include "core/boot_impl.h"
#include "core/iomem_impl.h"

#define PCI_MAX_DEVS	64

struct fw_pci {
	size_t				 dev;	/* [I] boot device index */
	const struct fw_boot_dev_impl	*d;	/* [I] */
	bool		 bar_busy[FW_PCI_BARS];	/* [iomem lock] */
};

static struct fw_spinlock	pci_lock;
static bool			pci_busy[PCI_MAX_DEVS];	/* [pci_lock] */

int
fw_pci_open(size_t dev, struct fw_pci **out)
{
	const struct fw_boot_dev_impl *d;
	struct fw_pci *p;
	bool busy;

	if (dev >= fw_boot_params.ndevices || dev >= PCI_MAX_DEVS)
		return -ENOENT;
	d = &fw_boot_params.devices[dev];
	if (d->pub.type != FW_DEV_PCI)
		return -ENODEV;
	if ((p = fw_zalloc(1, sizeof(*p))) == NULL)
		return -ENOMEM;
	fw_spin_lock(&pci_lock);
	busy = pci_busy[dev];
	pci_busy[dev] = true;
	fw_spin_unlock(&pci_lock);
	if (busy) {
		fw_free(p);
		return -EBUSY;
	}
	p->dev = dev;
	p->d = d;
	*out = p;
	return 0;
}

void
fw_pci_close(struct fw_pci *p)
{
	if (p == NULL)
		return;
	fw_spin_lock(&pci_lock);
	pci_busy[p->dev] = false;
	fw_spin_unlock(&pci_lock);
	fw_free(p);
}

static uint32_t
pci_read(struct fw_pci *p, size_t off, unsigned int size)
{
	if (off >= FW_PCI_CFG_SIZE || size > FW_PCI_CFG_SIZE - off ||
	    off % size != 0)
		fw_panic("pci: %s: bad %u-byte configuration read at %#zx",
		    p->d->pub.name, size, off);
	return hal_pci_read(p->d->pci.bdf, (unsigned int)off, size);
}

uint8_t
fw_pci_read8(struct fw_pci *p, size_t off)
{
	return (uint8_t)pci_read(p, off, 1);
}

uint16_t
fw_pci_read16(struct fw_pci *p, size_t off)
{
	return (uint16_t)pci_read(p, off, 2);
}

uint32_t
fw_pci_read32(struct fw_pci *p, size_t off)
{
	return pci_read(p, off, 4);
}

int
fw_pci_bar_open(struct fw_pci *p, unsigned int bar, struct fw_iomem **out)
{
	if (bar >= FW_PCI_BARS)
		return -EINVAL;
	if (p->d->pci.bar_size[bar] == 0)
		return -ENODEV;
	return fw_iomem_window(p->d->pci.bar_pa[bar], p->d->pci.bar_size[bar],
	    p->d->pub.name, &p->bar_busy[bar], out);
}

unsigned int
fw_pci_msix_count(const struct fw_pci *p)
{
	return p->d->pci.msix_count;
}
