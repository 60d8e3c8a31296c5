/*
 * arch/x86_64/phys.c: hal/phys.h on bare metal (phys.h).
 */
#include <fw/panic.h>
#include <hal/phys.h>

#include "arch/heap.h"
#include "arch/x86_64/kmap.h"
#include "arch/x86_64/phys.h"

#define PAGE		4096ull
#define HEAP_MIN	(16ull << 20)
#define HEAP_MAX	(256ull << 20)

/* The image's physical end (kernel.ld): a symbol, not an object. */
extern const char kernel_end_pa[];

static uint64_t first_free, size;

void
x86_phys_init(struct x86_boot_info *b)
{
	uint64_t start = (uintptr_t)kernel_end_pa, end = 0, heap;

	while (start < x86_kmap_linear_size() &&
	    !x86_boot_is_free(b, start, PAGE))
		start += PAGE;
	for (size_t i = 0; i < b->nram; i++)
		if (b->ram[i].base <= start &&
		    start < b->ram[i].base + b->ram[i].size)
			end = b->ram[i].base + b->ram[i].size;
	for (size_t i = 0; i < b->nreserved; i++)
		if (b->reserved[i].base > start && b->reserved[i].base < end)
			end = b->reserved[i].base;
	end &= ~(PAGE - 1);
	heap = ((end - start) / 8) & ~(PAGE - 1);
	if (heap < HEAP_MIN)
		heap = HEAP_MIN;
	if (heap > HEAP_MAX)
		heap = HEAP_MAX;
	if (end <= start || end - start < 2 * heap)
		fw_panic("phys: %llu KiB of RAM after the kernel: too little",
		    (unsigned long long)((end - start) >> 10));
	kheap_init(x86_phys(start, heap), heap);
	x86_boot_reserve(b, start, heap);
	first_free = start + heap;
	size = end;
}

uint64_t
hal_phys_size(void)
{
	return size;
}

bool
hal_phys_starts_zeroed(void)
{
	return false;
}

uint64_t
hal_phys_first_free(void)
{
	return first_free;
}

void *
hal_phys_ptr(uint64_t pa)
{
	return x86_phys(pa, 0);
}
