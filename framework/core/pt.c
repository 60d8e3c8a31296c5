/*
 * core/pt.c: x86-64 4-level page tables (core/pt_impl.h) in frames of
 * physical memory.  Level 3 is the PML4, level 0 the page table whose
 * entries map 4 KiB pages.  Tables are allocated as frames when a mapping
 * first needs them and freed only with the whole tree (fw_pt_free()).
 *
 * Locks: none here; the vm's lock covers every table of its tree.
 */
#include <fw/frame.h>
#include <fw/vm.h>
#include <hal/phys.h>

#include "core/frame_impl.h"
#include "core/pt_impl.h"

#define PT_LEVELS	4
#define PT_ENTRIES	512
/* What an upper-level entry grants: everything; the leaf decides. */
#define PT_TABLE_BITS	(FW_PTE_P | FW_PTE_RW | FW_PTE_US)

static uint64_t *
pt_table(uint64_t pa)
{
	return hal_phys_ptr(pa);
}

static unsigned int
pt_index(uint64_t va, int level)
{
	return (unsigned int)(va >> (FW_PAGE_SHIFT + 9 * level)) &
	    (PT_ENTRIES - 1);
}

/* Bytes of address space one entry at level maps. */
static uint64_t
pt_span(int level)
{
	return 1ULL << (FW_PAGE_SHIFT + 9 * level);
}

int
fw_pt_new(uint64_t *root)
{
	struct fw_frame *f;
	int err;

	if ((err = fw_frame_alloc(&f)) < 0)
		return err;
	*root = fw_frame_pa(f);
	return 0;
}

/*
 * Frees a table and the tables under it.  At the top level only the lower
 * half is the vm's: user space ends below 2^47, and a backend may put its
 * own entries in the upper half (bare metal: the kernel's mappings).
 */
static void
pt_free_table(uint64_t pa, int level)
{
	uint64_t *t = pt_table(pa);
	unsigned int i, n = level == PT_LEVELS - 1 ? PT_ENTRIES / 2 :
	    PT_ENTRIES;

	if (level > 0)
		for (i = 0; i < n; i++)
			if (t[i] & FW_PTE_P)
				pt_free_table(t[i] & FW_PTE_ADDR, level - 1);
	fw_frame_unref(fw_frame_from_pa(pa));
}

void
fw_pt_free(uint64_t root)
{
	pt_free_table(root, PT_LEVELS - 1);
}

uint64_t *
fw_pt_leaf(uint64_t root, uint64_t va, bool alloc)
{
	uint64_t *t = pt_table(root), *e;
	struct fw_frame *f;
	int level;

	for (level = PT_LEVELS - 1; level > 0; level--) {
		e = &t[pt_index(va, level)];
		if (!(*e & FW_PTE_P)) {
			if (!alloc || fw_frame_alloc(&f) < 0)
				return NULL;
			*e = fw_frame_pa(f) | PT_TABLE_BITS;
		}
		t = pt_table(*e & FW_PTE_ADDR);
	}
	return &t[pt_index(va, 0)];
}

/*
 * Walks down to va's page table; where a table is missing, moves va to the
 * next address the missing table would have covered and starts again.
 */
uint64_t
fw_pt_next(uint64_t root, uint64_t va, uint64_t end, uint64_t **pte)
{
	uint64_t *t, e, span;
	unsigned int i;
	int level;

	va = fw_page_down(va);
again:
	while (va < end) {
		t = pt_table(root);
		for (level = PT_LEVELS - 1; level > 0; level--) {
			e = t[pt_index(va, level)];
			if (!(e & FW_PTE_P)) {
				span = pt_span(level);
				if ((va | (span - 1)) >= end - 1)
					return end;
				va = (va | (span - 1)) + 1;
				goto again;
			}
			t = pt_table(e & FW_PTE_ADDR);
		}
		for (i = pt_index(va, 0); i < PT_ENTRIES && va < end; i++) {
			if (t[i] != 0) {
				*pte = &t[i];
				return va;
			}
			va += FW_PAGE_SIZE;
		}
	}
	return end;
}

uint64_t
fw_pt_bits(unsigned int prot)
{
	uint64_t bits = 0;

	if (prot & (FW_PROT_READ | FW_PROT_WRITE | FW_PROT_EXEC))
		bits |= FW_PTE_P | FW_PTE_US;
	if (prot & FW_PROT_WRITE)
		bits |= FW_PTE_RW;
	if (!(prot & FW_PROT_EXEC))
		bits |= FW_PTE_NX;
	return bits;
}

/* x86 cannot map a page writable or executable but not readable. */
unsigned int
fw_pt_prot(uint64_t pte)
{
	unsigned int prot;

	if (!(pte & FW_PTE_P))
		return 0;
	prot = FW_PROT_READ;
	if (pte & FW_PTE_RW)
		prot |= FW_PROT_WRITE;
	if (!(pte & FW_PTE_NX))
		prot |= FW_PROT_EXEC;
	return prot;
}
