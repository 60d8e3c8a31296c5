/*
 * core/iomem_impl.h: register windows for the core's other owners
 * (core/pci.c opens BARs through this).
 */
#ifndef FW_IOMEM_IMPL_H
#define FW_IOMEM_IMPL_H

#include <fw/iomem.h>

/*
 * A window over [pa, pa+size) in hal_mmio_read/write(), named for panics;
 * *busy is its owner's flag (taken here, given back by fw_iomem_close(),
 * both under the iomem lock, which guards it): 0, -ENOMEM, or -EBUSY if
 * *busy was set.  name and busy must outlive the window.
 */
FW_MUST_CHECK int	fw_iomem_window(uint64_t pa, uint64_t size,
			    const char *name, bool *busy,
			    struct fw_iomem **out);

#endif
