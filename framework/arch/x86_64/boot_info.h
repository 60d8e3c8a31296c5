/*
 * arch/x86_64/boot_info.h: what the boot loader handed over, read from
 * QEMU's PVH start_info or from GRUB's Multiboot2 tags into one form.
 * Filled once on the boot CPU before anything else runs; read-only after.
 */
#ifndef X86_BOOT_INFO_H
#define X86_BOOT_INFO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define X86_BOOT_RANGES	64
#define X86_CMDLINE_MAX	4096

struct x86_range {
	uint64_t	base;
	uint64_t	size;
};

struct x86_boot_info {
	const char	*loader;		/* "PVH", "Multiboot2" */
	char		 cmdline[X86_CMDLINE_MAX];	/* a copy */
	struct x86_range ram[X86_BOOT_RANGES];		/* usable RAM */
	size_t		 nram;
	/* What the first allocation must not overwrite. */
	struct x86_range reserved[X86_BOOT_RANGES];
	size_t		 nreserved;
	uint64_t	 initrd_pa;
	uint64_t	 initrd_size;			/* 0: none */
	uint64_t	 rsdp_pa;	/* ACPI's RSDP, if the loader says */
};

/*
 * Reads the loader's block at physical address info: magic is eax at entry
 * (Multiboot2's 0x36d76289, else PVH's start_info is expected).  Returns
 * -EINVAL when neither protocol's magic matches, or a table lies outside
 * the boot map.  Reserves the low 1 MiB, the image, the info block, the
 * command line and the modules.
 */
int		x86_boot_info_read(uint32_t magic, uint32_t info,
		    struct x86_boot_info *b);
/* Usable RAM minus the reservations, in bytes. */
uint64_t	x86_boot_free_ram(const struct x86_boot_info *b);
/* Adds [pa, pa+len) to the reservations (panics when they are full). */
void		x86_boot_reserve(struct x86_boot_info *b, uint64_t pa,
		    uint64_t len);
/* Whether [pa, pa+len) is usable RAM none of b's reservations covers. */
bool		x86_boot_is_free(const struct x86_boot_info *b, uint64_t pa,
		    uint64_t len);

#endif
