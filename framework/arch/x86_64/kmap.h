/*
 * arch/x86_64/kmap.h: the kernel's view of physical memory.  Until
 * x86_kmap_init() the boot map of head.S serves (the first GiB at
 * KERNEL_VMA); after it, the kernel's own tables: a linear map of physical
 * memory at LINEAR_BASE (RAM write-back, the rest uncached, none of it
 * executable) and the image at KERNEL_VMA, each section with only its own
 * rights.  Boot CPU only, before anything else runs; no locks.
 */
#ifndef X86_KMAP_H
#define X86_KMAP_H

#include <stdint.h>

#include "arch/x86_64/boot_info.h"

#define LINEAR_BASE	0xffff800000000000ull

/*
 * The kernel's pointer to physical [pa, pa+len), or NULL if the range
 * leaves what is mapped.
 */
void		*x86_phys(uint64_t pa, uint64_t len);
/*
 * Builds the tables over the loader's memory map and switches to them.
 * Page-table pages come from free RAM; they are added to b's reservations.
 * The kernel's GDT and IDT must be loaded already (the boot GDT is not
 * mapped afterwards).
 */
void		 x86_kmap_init(struct x86_boot_info *b);
/* The kernel's top-level table: its upper half goes into every vm's. */
uint64_t	 x86_kmap_root(void);
/* The end of the linear map: physical addresses below it are mapped. */
uint64_t	 x86_kmap_linear_size(void);

#endif
