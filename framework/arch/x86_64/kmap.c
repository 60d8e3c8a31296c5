/*
 * arch/x86_64/kmap.c: the kernel's page tables (kmap.h).
 *
 * The linear map uses 2 MiB pages over [0, linear_size), linear_size being
 * the top of RAM or 4 GiB, whichever is higher, so that the local APIC,
 * the IOAPIC and PCI's windows below 4 GiB are reachable too.  A 2 MiB page
 * with no RAM in it is mapped uncached (PCD|PWT); one with RAM write-back,
 * the firmware's MTRRs still making the legacy VGA hole uncached.  Kernel
 * pages are global; with NX, nothing but the image's text is executable.
 */
#include <fw/panic.h>
#include <string.h>

#include "arch/x86_64/kmap.h"
#include "arch/x86_64/x86.h"

#define PTE_P		(1ull << 0)
#define PTE_W		(1ull << 1)
#define PTE_PWT		(1ull << 3)
#define PTE_PCD		(1ull << 4)
#define PTE_PS		(1ull << 7)
#define PTE_G		(1ull << 8)
#define PTE_NX		(1ull << 63)
#define PTE_ADDR	0x000ffffffffff000ull
#define EFER_NXE	(1ull << 11)
#define CR4_PGE		(1ull << 7)
#define PAGE		4096ull
#define LARGE		(2ull << 20)

/* kernel.ld: where the image's sections start, as virtual addresses. */
extern const char kernel_text[], kernel_rodata[], kernel_data[], kernel_end[];

static bool linear_on;			/* the kernel's tables are live */
static uint64_t linear_size;
static uint64_t nx;			/* PTE_NX, or 0 without NXE */
static uint64_t pml4_pa;
static struct x86_boot_info *boot;
static uint64_t alloc_first, alloc_next;	/* the boot allocator's run */

void *
x86_phys(uint64_t pa, uint64_t len)
{
	uint64_t limit = linear_on ? linear_size : BOOT_MAP_SIZE;

	if (pa > limit || len > limit - pa)
		return NULL;
	return (void *)(uintptr_t)((linear_on ? LINEAR_BASE : KERNEL_VMA) +
	    pa);
}

uint64_t
x86_kmap_root(void)
{
	return pml4_pa;
}

uint64_t
x86_kmap_linear_size(void)
{
	return linear_size;
}

/* Reserves the page-table pages handed out since the run began. */
static void
close_run(void)
{
	if (alloc_next > alloc_first)
		x86_boot_reserve(boot, alloc_first, alloc_next - alloc_first);
	alloc_first = alloc_next;
}

/*
 * A zeroed page of free RAM for a page table.  Pages are taken upwards
 * from the image's end, in runs between reservations; each run is
 * reserved when it ends.  Before the switch only the boot map's first GiB
 * is reachable, which is plenty.
 */
static uint64_t
alloc_page(void)
{
	uint64_t pa = alloc_next;
	void *p;

	while (!x86_boot_is_free(boot, pa, PAGE)) {
		pa += PAGE;
		if (pa >= BOOT_MAP_SIZE)
			fw_panic("kmap: no free RAM for page tables");
	}
	if (pa != alloc_next) {
		close_run();
		alloc_first = pa;
	}
	alloc_next = pa + PAGE;
	p = x86_phys(pa, PAGE);
	memset(p, 0, PAGE);
	return pa;
}

static uint64_t *
table(uint64_t pa)
{
	return x86_phys(pa, PAGE);
}

/* The next level's table under entry i of t, made if missing. */
static uint64_t *
next_table(uint64_t *t, unsigned int i)
{
	if (!(t[i] & PTE_P))
		t[i] = alloc_page() | PTE_P | PTE_W;
	return table(t[i] & PTE_ADDR);
}

static void
map(uint64_t va, uint64_t pa, uint64_t flags, bool large)
{
	uint64_t *t = table(pml4_pa);

	t = next_table(t, (va >> 39) & 511);
	t = next_table(t, (va >> 30) & 511);
	if (large) {
		t[(va >> 21) & 511] = pa | flags | PTE_PS;
		return;
	}
	t = next_table(t, (va >> 21) & 511);
	t[(va >> 12) & 511] = pa | flags;
}

static bool
has_ram(const struct x86_boot_info *b, uint64_t pa, uint64_t len)
{
	for (size_t i = 0; i < b->nram; i++)
		if (b->ram[i].base < pa + len &&
		    pa < b->ram[i].base + b->ram[i].size)
			return true;
	return false;
}

static void
map_image(const char *from, const char *to, uint64_t flags)
{
	uint64_t va = (uintptr_t)from;

	for (; va < (uintptr_t)to; va += PAGE)
		map(va, va - KERNEL_VMA, flags | PTE_P | PTE_G, false);
}

void
x86_kmap_init(struct x86_boot_info *b)
{
	uint64_t top = 4ull << 30, pa, flags;

	boot = b;
	alloc_first = alloc_next = (uintptr_t)kernel_end - KERNEL_VMA;
	nx = (rdmsr(MSR_EFER) & EFER_NXE) ? PTE_NX : 0;
	for (size_t i = 0; i < b->nram; i++)
		if (b->ram[i].base + b->ram[i].size > top)
			top = b->ram[i].base + b->ram[i].size;
	linear_size = (top + LARGE - 1) & ~(LARGE - 1);

	pml4_pa = alloc_page();
	for (pa = 0; pa < linear_size; pa += LARGE) {
		flags = PTE_P | PTE_W | PTE_G | nx;
		if (!has_ram(b, pa, LARGE))
			flags |= PTE_PCD | PTE_PWT;
		map(LINEAR_BASE + pa, pa, flags, true);
	}
	map_image(kernel_text, kernel_rodata, 0);
	map_image(kernel_rodata, kernel_data, nx);
	map_image(kernel_data, kernel_end, PTE_W | nx);
	close_run();

	write_cr3(pml4_pa);
	linear_on = true;
	write_cr4(read_cr4() | CR4_PGE);
}
