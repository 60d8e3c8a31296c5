/*
 * fw/iomem.h: a device's MMIO register window.  A handle is opened from the
 * boot device list (fw/boot.h) by the one driver that owns the device, and
 * names that device's window and nothing else: every access is checked
 * against the window's size and the access's alignment, and a bad offset
 * is a framework panic naming the device, never an access elsewhere.
 *
 * On the host backend an access is a call into the device model's register
 * handler; on bare metal a volatile load or store.  Each access is ordered
 * after every memory access before it and before every one after it (a
 * full fence), so a driver that fills a DMA ring and then writes a notify
 * register needs nothing more.  No locks are taken; callers serialise
 * accesses whose order matters to the device.  Nothing here sleeps, so a
 * handler (fw/irq.h) may use these.
 */
#ifndef FW_IOMEM_H
#define FW_IOMEM_H

#include <fw/types.h>

struct fw_iomem;				/* opaque */

/*
 * Opens boot device dev's window: 0, -ENOENT past the list, -ENODEV for a
 * device without one, -EBUSY if it is already open.
 */
FW_MUST_CHECK int	fw_iomem_open(size_t dev, struct fw_iomem **out);
void			fw_iomem_close(struct fw_iomem *io);	/* NULL ok */
size_t			fw_iomem_size(const struct fw_iomem *io);

/* Little-endian register accesses at byte offset off (naturally aligned). */
uint8_t		fw_iomem_read8(struct fw_iomem *io, size_t off);
uint16_t	fw_iomem_read16(struct fw_iomem *io, size_t off);
uint32_t	fw_iomem_read32(struct fw_iomem *io, size_t off);
void		fw_iomem_write8(struct fw_iomem *io, size_t off, uint8_t v);
void		fw_iomem_write16(struct fw_iomem *io, size_t off, uint16_t v);
void		fw_iomem_write32(struct fw_iomem *io, size_t off, uint32_t v);

#endif
