/*
 * fw/pci.h: a PCI function, for the one driver that owns it.  The boot
 * device list (fw/boot.h) names each function the backend found and can
 * serve (FW_DEV_PCI, with its IDs); fw_pci_open() claims one.  By then the
 * framework has done what needs configuration writes: the BARs have their
 * addresses, memory decoding and bus mastering are on, and MSI-X is on
 * with every table entry raising the function's line (fw_boot_device.irq,
 * fw/irq.h).  So a driver only reads configuration space (to find its
 * capabilities) and opens memory BARs as register windows (fw/iomem.h).
 * A backend lists only functions with MSI-X, whose BARs it reaches.
 *
 * Every read is checked against the 256 bytes of configuration space and
 * its alignment; a bad offset is a framework panic naming the device.
 * Nothing here sleeps.  Locks: internal (one owner per function, one
 * window per BAR).
 */
#ifndef FW_PCI_H
#define FW_PCI_H

#include <fw/iomem.h>
#include <fw/types.h>

#define FW_PCI_CFG_SIZE		256
#define FW_PCI_BARS		6

struct fw_pci;					/* opaque */

/*
 * Claims boot device dev: 0, -ENOENT past the list, -ENODEV for a device
 * that is not a PCI function, -EBUSY if it is already open.
 */
FW_MUST_CHECK int	fw_pci_open(size_t dev, struct fw_pci **out);
/* Lets it go; its BAR windows must be closed first.  NULL ok. */
void			fw_pci_close(struct fw_pci *p);

/* Little-endian configuration reads at byte offset off. */
uint8_t		fw_pci_read8(struct fw_pci *p, size_t off);
uint16_t	fw_pci_read16(struct fw_pci *p, size_t off);
uint32_t	fw_pci_read32(struct fw_pci *p, size_t off);

/*
 * Opens memory BAR bar (0-5; a 64-bit BAR by its first index) as a register
 * window: 0, -EINVAL for no such index, -ENODEV for a BAR that is not
 * memory or not assigned, -EBUSY if it is open.  The window stays valid
 * until fw_iomem_close().
 */
FW_MUST_CHECK int	fw_pci_bar_open(struct fw_pci *p, unsigned int bar,
			    struct fw_iomem **out);

/* How many MSI-X table entries the function has (each raises its line). */
unsigned int	fw_pci_msix_count(const struct fw_pci *p);

#endif
