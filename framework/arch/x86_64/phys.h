/*
 * arch/x86_64/phys.h: where the kernel's memory goes, once the page tables
 * exist.  From the first free page after the image and its page tables:
 * the kernel heap's arena (an eighth of what follows, 16 to 256 MiB), then
 * the frames (hal/phys.h), up to the end of that RAM range or the first
 * reservation above (PVH puts the initramfs near the top of low RAM).  RAM
 * in other ranges (above 4 GiB) is not used yet.
 */
#ifndef X86_PHYS_H
#define X86_PHYS_H

#include "arch/x86_64/boot_info.h"

void	x86_phys_init(struct x86_boot_info *b);

#endif
