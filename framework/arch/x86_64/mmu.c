/*
 * arch/x86_64/mmu.c: hal/mmu.h on bare metal (mmu.h).  The core has
 * written the entries by the time hal_space_map() or hal_space_revoke() is
 * called; what is left is the TLB: a live space's pages are invalidated
 * one by one (invlpg), or all at once by reloading CR3 past 32 pages.  A
 * space that is not live has no TLB entries (no PCID, and kernel pages are
 * global), so nothing is left to do for it.  Callers hold the vm's lock.
 */
#include <fw/alloc.h>
#include <fw/errno.h>
#include <fw/panic.h>
#include <hal/mmu.h>
#include <hal/phys.h>

#include "arch/x86_64/kmap.h"
#include "arch/x86_64/mmu.h"
#include "arch/x86_64/x86.h"
#include "core/vm_impl.h"

#define PAGE		4096ull
#define FLUSH_ALL	32

struct hal_space {
	uint64_t	 root;			/* [I] the vm's PML4 */
	struct fw_vm	*vm;			/* [I] */
};

static uint64_t
read_cr3(void)
{
	uint64_t v;

	__asm__ volatile("mov %%cr3, %0" : "=r"(v));
	return v;
}

bool
hal_space_hw_walk(void)
{
	return true;
}

int
hal_space_new(struct fw_vm *vm, struct hal_space **out)
{
	struct hal_space *s = fw_zalloc(1, sizeof(*s));
	const uint64_t *k = hal_phys_ptr(x86_kmap_root());
	uint64_t *u;

	if (s == NULL)
		return -ENOMEM;
	s->root = fw_vm_root(vm);
	s->vm = vm;
	u = hal_phys_ptr(s->root);
	for (unsigned int i = 256; i < 512; i++)
		u[i] = k[i];
	*out = s;
	return 0;
}

void
hal_space_free(struct hal_space *s)
{
	if (s != NULL && read_cr3() == s->root)
		write_cr3(x86_kmap_root());
	fw_free(s);
}

static void
flush(struct hal_space *s, uint64_t va, uint64_t len)
{
	if (read_cr3() != s->root)
		return;
	if (len / PAGE > FLUSH_ALL) {
		write_cr3(s->root);
		return;
	}
	for (uint64_t a = va; a < va + len; a += PAGE)
		__asm__ volatile("invlpg (%0)" : : "r"(a) : "memory");
}

void
hal_space_map(struct hal_space *s, uint64_t va, uint64_t pa, uint64_t len,
    unsigned int prot)
{
	(void)pa;
	(void)prot;
	flush(s, va, len);
}

void
hal_space_revoke(struct hal_space *s, uint64_t va, uint64_t len,
    unsigned int prot)
{
	(void)prot;
	flush(s, va, len);
}

/* The table holds the new leaves already: only the TLB is left. */
void
hal_space_remap(struct hal_space *s, uint64_t va, uint64_t pa, uint64_t len,
    unsigned int prot)
{
	(void)pa;
	hal_space_revoke(s, va, len, prot);
}

/* A space is its vm's table root: a new one costs nothing to keep. */
bool
hal_space_reusable(void)
{
	return false;
}

void
hal_space_adopt(struct hal_space *s, struct fw_vm *vm)
{
	(void)s;
	(void)vm;
	fw_panic("hal_space_adopt: spaces are not reused here");
}

/* Every call above takes effect before it returns. */
void
hal_space_sync(struct hal_space *s)
{
	(void)s;
}

void
x86_space_activate(struct hal_space *s)
{
	if (read_cr3() != s->root)
		write_cr3(s->root);
}

bool
x86_space_live(const struct hal_space *s)
{
	return read_cr3() == s->root;
}

bool
x86_space_resolve(struct hal_space *s, uint64_t va, unsigned int access)
{
	return fw_vm_resolve(s->vm, va, access);
}
