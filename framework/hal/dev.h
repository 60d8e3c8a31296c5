/*
 * hal/dev.h: device registers, PCI configuration space and interrupt
 * lines, as a backend provides them.  The core's fw/iomem.h checks every
 * offset against the device's window (from fw_boot_params) before it calls
 * these, so a backend sees only addresses inside a listed window, naturally
 * aligned, of size 1, 2, 4 or 8.  The simulator dispatches them to its
 * device models (sim/dev.c); bare metal does volatile accesses.
 */
#ifndef HAL_DEV_H
#define HAL_DEV_H

#include <fw/types.h>

uint64_t	hal_mmio_read(uint64_t pa, unsigned int size);
void		hal_mmio_write(uint64_t pa, unsigned int size, uint64_t v);
/*
 * PCI configuration space of function bdf (bus << 8 | dev << 3 | fn) at
 * off, naturally aligned, size 1, 2 or 4, below 256: the core checks.
 * A backend without PCI lists no PCI function, so is never asked.
 */
uint32_t	hal_pci_read(uint32_t bdf, unsigned int off, unsigned int size);

/*
 * The core's entry for a raised line: the backend calls it from
 * hal_irq_poll() (the scheduler loop, no lock held) for each line raised
 * since.
 */
void		fw_irq_dispatch(unsigned int line);

#endif
