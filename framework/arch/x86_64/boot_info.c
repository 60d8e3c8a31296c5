/*
 * arch/x86_64/boot_info.c: the PVH start_info (QEMU -kernel) and the
 * Multiboot2 information block (GRUB) read into struct x86_boot_info.
 *
 * Layouts, from the PVH and Multiboot2 specifications:
 *   hvm_start_info: magic 0x336ec578, version, flags, nr_modules (u32 each),
 *     modlist_paddr, cmdline_paddr, rsdp_paddr, memmap_paddr (u64 each),
 *     memmap_entries, reserved (u32); a module is paddr, size,
 *     cmdline_paddr, reserved (u64); a memory map entry is addr, size (u64),
 *     type (u32, 1 = RAM), reserved (u32).
 *   Multiboot2: total_size, reserved (u32), then 8-aligned tags of type
 *     and size (u32 each): 1 command line, 3 module (start, end, string),
 *     6 memory map (entry_size, entry_version, then base, length (u64),
 *     type (u32, 1 = RAM), reserved), 0 the end.
 */
#include <fw/errno.h>
#include <fw/panic.h>
#include <stdbool.h>
#include <string.h>

#include "arch/x86_64/boot_info.h"
#include "arch/x86_64/kmap.h"
#include "arch/x86_64/x86.h"

#define PVH_MAGIC	0x336ec578u
#define MB2_MAGIC	0x36d76289u
#define MEM_RAM		1

struct pvh_start_info {
	uint32_t	magic, version, flags, nr_modules;
	uint64_t	modlist_paddr, cmdline_paddr, rsdp_paddr;
	uint64_t	memmap_paddr;
	uint32_t	memmap_entries, reserved;
};
_Static_assert(sizeof(struct pvh_start_info) == 56, "hvm_start_info");

struct pvh_module {
	uint64_t	paddr, size, cmdline_paddr, reserved;
};

struct pvh_memmap {
	uint64_t	addr, size;
	uint32_t	type, reserved;
};

struct mb2_tag {
	uint32_t	type, size;
};

struct mb2_mmap_entry {
	uint64_t	base, length;
	uint32_t	type, reserved;
};

/* The image's physical bounds (kernel.ld): symbols, not objects. */
extern const char kernel_start_pa[], kernel_end_pa[];

static void
add(struct x86_range *r, size_t *n, uint64_t base, uint64_t size)
{
	if (size > 0 && *n < X86_BOOT_RANGES)
		r[(*n)++] = (struct x86_range){ base, size };
}

static void
reserve(struct x86_boot_info *b, uint64_t base, uint64_t size)
{
	add(b->reserved, &b->nreserved, base, size);
}

/* Copies the NUL-terminated string at pa into the command line. */
static int
copy_cmdline(struct x86_boot_info *b, uint64_t pa)
{
	const char *s;
	size_t n = 0;

	if (pa == 0)
		return 0;
	for (;; n++) {
		if ((s = x86_phys(pa + n, 1)) == NULL)
			return -EINVAL;
		if (*s == '\0' || n + 1 == sizeof(b->cmdline))
			break;
		b->cmdline[n] = *s;
	}
	b->cmdline[n] = '\0';
	reserve(b, pa, n + 1);
	return 0;
}

static int
read_pvh(uint32_t info, struct x86_boot_info *b)
{
	const struct pvh_start_info *si = x86_phys(info, sizeof(*si));
	const struct pvh_memmap *mm;
	const struct pvh_module *mod;

	if (si == NULL || si->magic != PVH_MAGIC || si->version < 1)
		return -EINVAL;
	b->loader = "PVH";
	reserve(b, info, sizeof(*si));
	b->rsdp_pa = si->rsdp_paddr;
	if (copy_cmdline(b, si->cmdline_paddr) < 0)
		return -EINVAL;
	mm = x86_phys(si->memmap_paddr,
	    (uint64_t)si->memmap_entries * sizeof(*mm));
	if (mm == NULL)
		return -EINVAL;
	reserve(b, si->memmap_paddr, si->memmap_entries * sizeof(*mm));
	for (uint32_t i = 0; i < si->memmap_entries; i++)
		if (mm[i].type == MEM_RAM)
			add(b->ram, &b->nram, mm[i].addr, mm[i].size);
	if (si->nr_modules == 0)
		return 0;
	mod = x86_phys(si->modlist_paddr,
	    (uint64_t)si->nr_modules * sizeof(*mod));
	if (mod == NULL)
		return -EINVAL;
	reserve(b, si->modlist_paddr, si->nr_modules * sizeof(*mod));
	for (uint32_t i = 0; i < si->nr_modules; i++)
		reserve(b, mod[i].paddr, mod[i].size);
	b->initrd_pa = mod[0].paddr;
	b->initrd_size = mod[0].size;
	return 0;
}

static void
read_mb2_mmap(const struct mb2_tag *t, struct x86_boot_info *b)
{
	const uint32_t *w = (const uint32_t *)(t + 1);
	uint32_t esize = w[0];
	const char *p = (const char *)(w + 2), *end = (const char *)t + t->size;

	if (esize < sizeof(struct mb2_mmap_entry))
		return;
	for (; p + esize <= end; p += esize) {
		const struct mb2_mmap_entry *e = (const void *)p;

		if (e->type == MEM_RAM)
			add(b->ram, &b->nram, e->base, e->length);
	}
}

static int
read_mb2(uint32_t info, struct x86_boot_info *b)
{
	const uint32_t *hdr = x86_phys(info, 8);
	const char *p, *end;

	if (hdr == NULL || hdr[0] < 16 || x86_phys(info, hdr[0]) == NULL)
		return -EINVAL;
	b->loader = "Multiboot2";
	reserve(b, info, hdr[0]);
	p = (const char *)hdr + 8;
	end = (const char *)hdr + hdr[0];
	while (p + sizeof(struct mb2_tag) <= end) {
		const struct mb2_tag *t = (const void *)p;
		const uint32_t *w = (const uint32_t *)(t + 1);

		if (t->type == 0 || t->size < sizeof(*t) ||
		    t->size > (size_t)(end - p))
			break;
		if (t->type == 1) {
			size_t n = t->size - sizeof(*t);

			if (n >= sizeof(b->cmdline))
				n = sizeof(b->cmdline) - 1;
			memcpy(b->cmdline, w, n);
			b->cmdline[n] = '\0';
		} else if (t->type == 3 && t->size >= 16 && w[1] >= w[0]) {
			reserve(b, w[0], w[1] - w[0]);
			if (b->initrd_size == 0) {
				b->initrd_pa = w[0];
				b->initrd_size = w[1] - w[0];
			}
		} else if (t->type == 6 && t->size >= 16) {
			read_mb2_mmap(t, b);
		}
		p += (t->size + 7) & ~7u;
	}
	return 0;
}

int
x86_boot_info_read(uint32_t magic, uint32_t info, struct x86_boot_info *b)
{
	memset(b, 0, sizeof(*b));
	reserve(b, 0, 1 << 20);
	reserve(b, (uintptr_t)kernel_start_pa,
	    (uintptr_t)kernel_end_pa - (uintptr_t)kernel_start_pa);
	return magic == MB2_MAGIC ? read_mb2(info, b) : read_pvh(info, b);
}

/* How much of [base, base+size) no reservation covers. */
static uint64_t
unreserved(const struct x86_boot_info *b, uint64_t base, uint64_t size)
{
	uint64_t end = base + size, free = 0, cur = base;

	/* Walk up from base, jumping past any reservation that covers cur. */
	while (cur < end) {
		uint64_t next = end;
		bool covered = false;

		for (size_t i = 0; i < b->nreserved; i++) {
			const struct x86_range *r = &b->reserved[i];

			if (r->base <= cur && cur < r->base + r->size) {
				covered = true;
				next = r->base + r->size;
				break;
			}
			if (r->base > cur && r->base < next)
				next = r->base;
		}
		if (next > end)
			next = end;
		if (!covered)
			free += next - cur;
		cur = next;
	}
	return free;
}

uint64_t
x86_boot_free_ram(const struct x86_boot_info *b)
{
	uint64_t free = 0;

	for (size_t i = 0; i < b->nram; i++)
		free += unreserved(b, b->ram[i].base, b->ram[i].size);
	return free;
}

bool
x86_boot_is_free(const struct x86_boot_info *b, uint64_t pa, uint64_t len)
{
	bool in_ram = false;

	for (size_t i = 0; i < b->nram && !in_ram; i++)
		in_ram = pa >= b->ram[i].base &&
		    pa + len <= b->ram[i].base + b->ram[i].size;
	return in_ram && unreserved(b, pa, len) == len;
}

void
x86_boot_reserve(struct x86_boot_info *b, uint64_t pa, uint64_t len)
{
	if (b->nreserved == X86_BOOT_RANGES)
		fw_panic("boot: more than %d reservations", X86_BOOT_RANGES);
	reserve(b, pa, len);
}
