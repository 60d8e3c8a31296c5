/*
 * Tests for services/mm: the VMA list (split and merge on munmap and
 * mprotect), mmap placement and flags, brk, and the fault handler, on the
 * real framework vm with the fake HAL.
 */
#include <check.h>
#include <stdlib.h>

#include <fw/errno.h>
#include <fw/frame.h>
#include <uapi/mman.h>

#include "svc_env.h"

#define PG	FW_PAGE_SIZE
#define RW	(LINUX_PROT_READ | LINUX_PROT_WRITE)
#define PRIV_ANON	(LINUX_MAP_PRIVATE | LINUX_MAP_ANONYMOUS)

static struct mm *mm;

static void
setup(void)
{
	env_setup();
	mm = env_p->mm;
}

static void
teardown(void)
{
	env_teardown();
}

static long
map(uint64_t addr, uint64_t len, uint64_t prot, uint64_t flags)
{
	return SYS(mmap, addr, len, prot, flags, (uint64_t)-1, 0);
}

START_TEST(test_mmap_places_top_down_below_mmap_base)
{
	long a = map(0, 3 * PG, RW, PRIV_ANON), b;

	ck_assert_int_gt(a, 0);
	ck_assert_uint_eq((uint64_t)a % PG, 0);
	ck_assert_uint_eq((uint64_t)a + 3 * PG, mm->mmap_base);
	b = map(0, PG, RW, PRIV_ANON);
	ck_assert_uint_eq((uint64_t)b + PG, (uint64_t)a);
	/* Same prot and flags, adjacent: one VMA. */
	ck_assert_uint_eq(mm->nvma, 1);
	ck_assert_uint_eq(mm->vmas[0].start, (uint64_t)b);
	ck_assert_uint_eq(mm->vmas[0].end, mm->mmap_base);
}
END_TEST

START_TEST(test_mmap_honours_free_hint)
{
	long a = map(0x40000123, PG, RW, PRIV_ANON);

	ck_assert_int_eq(a, 0x40001000);
	ck_assert_int_ne(map(0x40001000, PG, RW, PRIV_ANON), 0x40001000);
}
END_TEST

START_TEST(test_mmap_rejects_bad_arguments)
{
	ck_assert_int_eq(map(0, 0, RW, PRIV_ANON), -EINVAL);
	ck_assert_int_eq(map(0, PG, RW, LINUX_MAP_ANONYMOUS), -EINVAL);
	ck_assert_int_eq(map(0, PG, RW, 0x0f | LINUX_MAP_ANONYMOUS), -EINVAL);
	/* A file mapping through a descriptor that is not open. */
	ck_assert_int_eq(map(0, PG, RW, LINUX_MAP_PRIVATE), -EBADF);
	ck_assert_int_eq(map(0x40000001, PG, RW, PRIV_ANON | LINUX_MAP_FIXED),
	    -EINVAL);
	ck_assert_int_eq(map(0, PG, RW, PRIV_ANON | LINUX_MAP_FIXED), -EPERM);
	ck_assert_int_eq(map(0, (uint64_t)-PG, RW, PRIV_ANON), -ENOMEM);
	ck_assert_int_eq(SYS(mmap, 0, PG, RW, PRIV_ANON, (uint64_t)-1, 12),
	    -EINVAL);
	ck_assert_int_eq(map(fw_vm_user_top() - PG, 2 * PG, RW,
	    PRIV_ANON | LINUX_MAP_FIXED), -ENOMEM);
	ck_assert_uint_eq(mm->nvma, 0);
}
END_TEST

START_TEST(test_mmap_fixed_replaces_and_noreplace_refuses)
{
	uint64_t base = 0x50000000;
	char c = 'x', d = 0;

	ck_assert_int_eq(map(base, 4 * PG, RW, PRIV_ANON | LINUX_MAP_FIXED),
	    (long)base);
	ck_assert_int_eq(env_put(base + PG, &c, 1), 0);
	ck_assert_int_eq(map(base + PG, PG, LINUX_PROT_READ,
	    PRIV_ANON | LINUX_MAP_FIXED_NOREPLACE), -EEXIST);
	ck_assert_int_eq(map(base + PG, PG, LINUX_PROT_READ,
	    PRIV_ANON | LINUX_MAP_FIXED), (long)(base + PG));
	/* The new mapping is fresh zero memory, read-only. */
	ck_assert_int_eq(env_get(base + PG, &d, 1), 0);
	ck_assert_int_eq(d, 0);
	ck_assert_int_eq(env_put(base + PG, &c, 1), -EFAULT);
	ck_assert_uint_eq(mm->nvma, 3);
}
END_TEST

START_TEST(test_munmap_splits_a_vma)
{
	uint64_t base = 0x50000000;

	ck_assert_int_eq(map(base, 8 * PG, RW, PRIV_ANON | LINUX_MAP_FIXED |
	    LINUX_MAP_POPULATE), (long)base);
	ck_assert(env_mapped(base + 3 * PG, NULL));
	ck_assert_int_eq(SYS(munmap, base + 2 * PG, 3 * PG - 100), 0);
	ck_assert_uint_eq(mm->nvma, 2);
	ck_assert_uint_eq(mm->vmas[0].end, base + 2 * PG);
	ck_assert_uint_eq(mm->vmas[1].start, base + 5 * PG);
	ck_assert(!env_mapped(base + 3 * PG, NULL));
	ck_assert(env_mapped(base + 5 * PG, NULL));
	/* Unmapping across both pieces and a hole trims each. */
	ck_assert_int_eq(SYS(munmap, base + PG, 5 * PG), 0);
	ck_assert_uint_eq(mm->nvma, 2);
	ck_assert_uint_eq(mm->vmas[0].end, base + PG);
	ck_assert_uint_eq(mm->vmas[1].start, base + 6 * PG);
	ck_assert_int_eq(SYS(munmap, base, 0), -EINVAL);
	ck_assert_int_eq(SYS(munmap, base + 1, PG), -EINVAL);
	ck_assert_int_eq(SYS(munmap, 0x60000000, PG), 0);	/* a hole: fine */
}
END_TEST

START_TEST(test_mprotect_splits_and_merges)
{
	uint64_t base = 0x50000000;
	unsigned int prot;

	ck_assert_int_eq(map(base, 6 * PG, RW, PRIV_ANON | LINUX_MAP_FIXED |
	    LINUX_MAP_POPULATE), (long)base);
	ck_assert_int_eq(SYS(mprotect, base + 2 * PG, 2 * PG,
	    LINUX_PROT_READ), 0);
	ck_assert_uint_eq(mm->nvma, 3);
	ck_assert_uint_eq(mm->vmas[1].start, base + 2 * PG);
	ck_assert_uint_eq(mm->vmas[1].end, base + 4 * PG);
	ck_assert_uint_eq(mm->vmas[1].prot, LINUX_PROT_READ);
	ck_assert(env_mapped(base + 2 * PG, &prot));
	ck_assert_uint_eq(prot, FW_PROT_READ);
	ck_assert_int_eq(SYS(mprotect, base + 2 * PG, 2 * PG, RW), 0);
	ck_assert_uint_eq(mm->nvma, 1);
	ck_assert_int_eq(SYS(mprotect, base + 1, PG, RW), -EINVAL);
	ck_assert_int_eq(SYS(mprotect, base, PG, 0x10), -EINVAL);
	ck_assert_int_eq(SYS(mprotect, base + 4 * PG, 4 * PG, RW), -ENOMEM);
	ck_assert_uint_eq(mm->nvma, 1);		/* unchanged on error */
	ck_assert_int_eq(SYS(mprotect, base, 0, RW), 0);
}
END_TEST

START_TEST(test_fault_maps_window_inside_vma)
{
	uint64_t base = 0x50000000;
	size_t i, n = 0;

	ck_assert_int_eq(map(base, 20 * PG, RW, PRIV_ANON | LINUX_MAP_FIXED),
	    (long)base);
	ck_assert(!env_mapped(base, NULL));
	ck_assert_int_eq(env_fault(base + 17 * PG + 5, FW_ACCESS_WRITE), 0);
	for (i = 0; i < 24; i++)
		n += env_mapped(base + i * PG, NULL);
	/* The aligned 16-page window holding page 17 is pages 16..19 here. */
	ck_assert(env_mapped(base + 16 * PG, NULL));
	ck_assert(env_mapped(base + 19 * PG, NULL));
	ck_assert(!env_mapped(base + 15 * PG, NULL));
	ck_assert_uint_eq(n, 4);
}
END_TEST

/* Pages mapped in [from, to), counted page by page. */
static size_t
mapped_pages(uint64_t from, uint64_t to)
{
	size_t n = 0;

	for (; from < to; from += PG)
		n += env_mapped(from, NULL);
	return n;
}

/* Pages the backend was given since fake_space_reset(). */
static uint64_t
backend_pages(void)
{
	uint64_t pages = 0;
	size_t i;

	for (i = 0; i < fake_space_count(); i++)
		if (fake_space_get(i).op == FAKE_SPACE_MAP)
			pages += fake_space_get(i).len / PG;
	return pages;
}

START_TEST(test_fault_window_grows_for_a_sequential_writer)
{
	uint64_t base = 0x50000000, len = 2048 * PG;
	char byte = 'k';

	ck_assert_int_eq(map(base, len, RW, PRIV_ANON | LINUX_MAP_FIXED),
	    (long)base);
	/* The first fault is the kernel's own user copy's (read(2) into a
	 * fresh buffer): its window goes to the backend, as a guest fault's
	 * would (fw_vm_resolve()), or the guest's first touch of each page
	 * would fault again there. */
	fake_space_reset();
	ck_assert_int_eq(env_put(base, &byte, 1), 0);
	ck_assert_uint_eq(mapped_pages(base, base + len), 16);
	ck_assert_uint_eq(backend_pages(), 16);
	/* Each fault where the last window ended quadruples the window. */
	ck_assert_int_eq(env_fault(base + 16 * PG, FW_ACCESS_WRITE), 0);
	ck_assert_uint_eq(mapped_pages(base, base + len), 16 + 64);
	ck_assert_int_eq(env_fault(base + 80 * PG, FW_ACCESS_WRITE), 0);
	ck_assert_uint_eq(mapped_pages(base, base + len), 16 + 64 + 256);
	ck_assert_uint_eq(backend_pages(), 16 + 64 + 256);
	/* Up to 512 pages; a fault elsewhere starts again at 16. */
	ck_assert_int_eq(env_fault(base + 336 * PG, FW_ACCESS_WRITE), 0);
	ck_assert_int_eq(env_fault(base + 848 * PG, FW_ACCESS_WRITE), 0);
	ck_assert_uint_eq(mapped_pages(base, base + len), 1360);
	ck_assert(env_mapped(base + 1359 * PG, NULL));
	ck_assert(!env_mapped(base + 1360 * PG, NULL));
	ck_assert_int_eq(env_fault(base + 1800 * PG, FW_ACCESS_WRITE), 0);
	ck_assert_uint_eq(mapped_pages(base + 1360 * PG, base + len), 16);
	ck_assert(env_mapped(base + 1792 * PG, NULL));
	/* A window stops at the VMA's end. */
	ck_assert_int_eq(env_fault(base + 1808 * PG, FW_ACCESS_WRITE), 0);
	ck_assert_int_eq(env_fault(base + 1872 * PG, FW_ACCESS_WRITE), 0);
	ck_assert_uint_eq(mapped_pages(base + 1360 * PG, base + len),
	    len / PG - 1792);
	ck_assert_uint_eq(mm->nvma, 1);
}
END_TEST

START_TEST(test_fault_refuses_bad_access)
{
	uint64_t base = 0x50000000;

	ck_assert_int_eq(map(base, PG, LINUX_PROT_READ,
	    PRIV_ANON | LINUX_MAP_FIXED), (long)base);
	ck_assert_int_eq(map(base + PG, PG, LINUX_PROT_NONE,
	    PRIV_ANON | LINUX_MAP_FIXED), (long)(base + PG));
	ck_assert_int_eq(env_fault(base, FW_ACCESS_WRITE), -EFAULT);
	ck_assert_int_eq(env_fault(base, FW_ACCESS_EXEC), -EFAULT);
	ck_assert_int_eq(env_fault(base, FW_ACCESS_READ), 0);
	ck_assert_int_eq(env_fault(base + PG, FW_ACCESS_READ), -EFAULT);
	ck_assert_int_eq(env_fault(base + 2 * PG, FW_ACCESS_READ), -EFAULT);
	ck_assert_uint_eq(mm->nvma, 2);		/* PROT_NONE is still a VMA */
	ck_assert_uint_eq(mm->vmas[1].end, base + 2 * PG);
}
END_TEST

START_TEST(test_brk_grows_and_shrinks)
{
	uint64_t start = 0x600000;
	char c = 'b';

	mm->brk_start = mm->brk = start;
	ck_assert_int_eq(SYS(brk, 0), (long)start);
	ck_assert_int_eq(SYS(brk, start + 3 * PG + 10), (long)(start + 3 * PG + 10));
	ck_assert_uint_eq(mm->nvma, 1);
	ck_assert_uint_eq(mm->vmas[0].end, start + 4 * PG);
	ck_assert_uint_eq(mm->vmas[0].flags & VMA_HEAP, VMA_HEAP);
	ck_assert_int_eq(env_put(start + 3 * PG, &c, 1), 0);
	ck_assert_int_eq(SYS(brk, start + PG), (long)(start + PG));
	ck_assert_uint_eq(mm->vmas[0].end, start + PG);
	ck_assert(!env_mapped(start + 3 * PG, NULL));
	/* Below the start, or into another mapping: the break stays. */
	ck_assert_int_eq(SYS(brk, start - PG), (long)(start + PG));
	ck_assert_int_eq(map(start + 4 * PG, PG, RW,
	    PRIV_ANON | LINUX_MAP_FIXED), (long)(start + 4 * PG));
	ck_assert_int_eq(SYS(brk, start + 8 * PG), (long)(start + PG));
}
END_TEST

/* A grown break's first fault window is backed at once, zeroed; no more. */
START_TEST(test_brk_backs_its_first_window)
{
	uint64_t start = 0x600000, top = start + 40 * PG;
	unsigned int prot;
	uint8_t got[16], zero[16] = { 0 };

	mm->brk_start = mm->brk = start;
	ck_assert_int_eq(SYS(brk, top), (long)top);
	ck_assert(env_mapped(start, &prot));
	ck_assert_uint_eq(prot, FW_PROT_READ | FW_PROT_WRITE);
	ck_assert(env_mapped(start + (MM_FAULT_WINDOW - 1) * PG, NULL));
	ck_assert(!env_mapped(start + MM_FAULT_WINDOW * PG, NULL));
	ck_assert(!env_mapped(top - PG, NULL));
	ck_assert_int_eq(env_get(start + PG - sizeof(got), got, sizeof(got)),
	    0);
	ck_assert_mem_eq(got, zero, sizeof(got));
	/* The next growth backs its own window, from the old break's page. */
	ck_assert_int_eq(SYS(brk, top + 2 * PG), (long)(top + 2 * PG));
	ck_assert(env_mapped(top, NULL));
	ck_assert(env_mapped(top + PG, NULL));
	ck_assert(!env_mapped(top - PG, NULL));
}
END_TEST

START_TEST(test_mmap_falls_back_bottom_up_when_top_is_full)
{
	uint64_t low = MM_MIN_ADDR;
	long a;

	/* Fill everything between MM_MIN_ADDR and mmap_base. */
	ck_assert_int_eq(map(low, mm->mmap_base - low, LINUX_PROT_NONE,
	    PRIV_ANON | LINUX_MAP_FIXED), (long)low);
	a = map(0, PG, RW, PRIV_ANON);
	ck_assert_uint_ge((uint64_t)a, mm->mmap_base);
	ck_assert_int_eq(map(0, fw_vm_user_top(), RW, PRIV_ANON), -ENOMEM);
}
END_TEST

/* mm_fork and mm_fault on another mm than the env's, as a kernel task. */
struct cow_call {
	struct mm	*child;
	uint64_t	 addr;
	int		 ret;
};

static void
cow_fork_task(void *arg)
{
	struct cow_call *c = arg;

	c->ret = mm_fork(mm, &c->child);
}

static void
cow_fault_task(void *arg)
{
	struct cow_call *c = arg;

	c->ret = mm_fault(c->child, c->child->vm, fw_uaddr(c->addr),
	    FW_ACCESS_WRITE);
}

/* The frame at va in vm (a borrowed pointer for comparison) and its prot. */
static struct fw_frame *
cow_frame(struct fw_vm *vm, uint64_t va, unsigned int *prot)
{
	struct fw_frame *f;

	ck_assert_int_eq(fw_vm_query(vm, fw_uaddr(va), prot, &f), 0);
	fw_frame_unref(f);		/* both vms still map it */
	return f;
}

/*
 * MM_FORK_COPY_PAGES pages the parent may write, below a test's: a fork
 * copies these for the child, and shares the pages that follow
 * copy-on-write.
 */
static void
use_fork_copies(void)
{
	uint64_t low = 0x40000000;

	ck_assert_int_eq(map(low, MM_FORK_COPY_PAGES * PG, RW, PRIV_ANON |
	    LINUX_MAP_FIXED | LINUX_MAP_POPULATE), (long)low);
}

START_TEST(test_fork_copies_the_parents_own_pages)
{
	uint64_t base = 0x50000000, va;
	struct cow_call c = { NULL, base, 0 };
	struct fw_frame *pf, *cf;
	unsigned int pprot, cprot;
	char byte = 'A', got = 0;

	ck_assert_int_eq(map(base, (MM_FORK_COPY_PAGES + 2) * PG, RW,
	    PRIV_ANON | LINUX_MAP_FIXED | LINUX_MAP_POPULATE), (long)base);
	ck_assert_int_eq(env_put(base, &byte, 1), 0);
	fake_run(cow_fork_task, &c);
	ck_assert_int_eq(c.ret, 0);
	/* The parent's own pages: a copy each for the child, and the
	 * parent's stay writable, never shared. */
	for (va = base; va < base + MM_FORK_COPY_PAGES * PG; va += PG) {
		pf = cow_frame(mm->vm, va, &pprot);
		cf = cow_frame(c.child->vm, va, &cprot);
		ck_assert_ptr_ne(pf, cf);
		ck_assert_uint_eq(pprot, RW);
		ck_assert_uint_eq(cprot, RW);
		ck_assert_uint_eq(fw_frame_meta(pf), 0);
		ck_assert_uint_eq(fw_frame_meta(cf), 0);
	}
	cf = cow_frame(c.child->vm, base, &cprot);
	ck_assert_int_eq(fw_frame_read(cf, 0, &got, 1), 0);
	ck_assert_int_eq(got, 'A');
	/* Past the budget, shared: read-only in both, counted twice. */
	for (; va < base + (MM_FORK_COPY_PAGES + 2) * PG; va += PG) {
		pf = cow_frame(mm->vm, va, &pprot);
		ck_assert_ptr_eq(cow_frame(c.child->vm, va, &cprot), pf);
		ck_assert_uint_eq(pprot, LINUX_PROT_READ);
		ck_assert_uint_eq(cprot, LINUX_PROT_READ);
		ck_assert_uint_eq(fw_frame_meta(pf), 2);
	}
	/* The parent's write to its own page stays its own. */
	byte = 'P';
	ck_assert_int_eq(env_put(base, &byte, 1), 0);
	ck_assert_int_eq(fw_frame_read(cf, 0, &got, 1), 0);
	ck_assert_int_eq(got, 'A');
	mm_free(c.child);
}
END_TEST

START_TEST(test_fork_shares_private_pages_copy_on_write)
{
	uint64_t base = 0x50000000;
	struct cow_call c = { NULL, base, 0 };
	struct fw_frame *pf, *cf;
	unsigned int pprot, cprot;
	char byte = 'A', got = 0;

	use_fork_copies();
	ck_assert_int_eq(map(base, 2 * PG, RW, PRIV_ANON | LINUX_MAP_FIXED),
	    (long)base);
	ck_assert_int_eq(env_put(base, &byte, 1), 0);
	fake_run(cow_fork_task, &c);
	ck_assert_int_eq(c.ret, 0);
	ck_assert_uint_eq(c.child->nvma, mm->nvma);
	/* One frame, read-only in both, counted twice. */
	pf = cow_frame(mm->vm, base, &pprot);
	cf = cow_frame(c.child->vm, base, &cprot);
	ck_assert_ptr_eq(pf, cf);
	ck_assert_uint_eq(pprot, LINUX_PROT_READ);
	ck_assert_uint_eq(cprot, LINUX_PROT_READ);
	ck_assert_uint_eq(fw_frame_meta(pf), 2);
	/* The child's write copies; the count drops. */
	fake_run(cow_fault_task, &c);
	ck_assert_int_eq(c.ret, 0);
	cf = cow_frame(c.child->vm, base, &cprot);
	ck_assert_ptr_ne(pf, cf);
	ck_assert_uint_eq(cprot, RW);
	ck_assert_int_eq(fw_frame_read(cf, 0, &got, 1), 0);
	ck_assert_int_eq(got, 'A');
	ck_assert_uint_eq(fw_frame_meta(pf), 1);
	/* The parent, now alone, takes its frame over without a copy. */
	ck_assert_int_eq(env_fault(base, FW_ACCESS_WRITE), 0);
	ck_assert_ptr_eq(cow_frame(mm->vm, base, &pprot), pf);
	ck_assert_uint_eq(pprot, RW);
	ck_assert_uint_eq(fw_frame_meta(pf), 0);
	/* mprotect keeps a page that may be shared read-only. */
	ck_assert_int_eq(SYS(mprotect, base + PG, PG, RW), 0);
	(void)cow_frame(mm->vm, base + PG, &pprot);
	ck_assert_uint_eq(pprot, LINUX_PROT_READ);
	mm_free(c.child);
}
END_TEST

START_TEST(test_fork_shares_shared_pages_writable)
{
	uint64_t base = 0x50000000;
	struct cow_call c = { NULL, base, 0 };
	unsigned int pprot, cprot;

	ck_assert_int_eq(map(base, 2 * PG, RW, LINUX_MAP_SHARED |
	    LINUX_MAP_ANONYMOUS | LINUX_MAP_FIXED), (long)base);
	fake_run(cow_fork_task, &c);
	ck_assert_int_eq(c.ret, 0);
	/* Populated first, so even an untouched page is one frame. */
	ck_assert_ptr_eq(cow_frame(mm->vm, base + PG, &pprot),
	    cow_frame(c.child->vm, base + PG, &cprot));
	ck_assert_uint_eq(pprot, RW);
	ck_assert_uint_eq(cprot, RW);
	mm_free(c.child);
}
END_TEST

START_TEST(test_mremap_moves_frames_without_copying)
{
	uint64_t base = 0x50000000, dst = 0x58000000;
	struct fw_frame *f;
	unsigned int prot;
	char c = 'm', d = 0;

	ck_assert_int_eq(map(base, 2 * PG, RW, PRIV_ANON | LINUX_MAP_FIXED),
	    (long)base);
	ck_assert_int_eq(env_put(base + PG, &c, 1), 0);
	f = cow_frame(mm->vm, base + PG, &prot);
	ck_assert_int_eq(SYS(mremap, base, 2 * PG, 4 * PG,
	    LINUX_MREMAP_MAYMOVE | LINUX_MREMAP_FIXED, dst), (long)dst);
	/* The very frame moved; the old range and its VMA are gone. */
	ck_assert_ptr_eq(cow_frame(mm->vm, dst + PG, &prot), f);
	ck_assert_uint_eq(prot, RW);
	ck_assert(!env_mapped(base, NULL) && !env_mapped(base + PG, NULL));
	ck_assert_uint_eq(mm->nvma, 1);
	ck_assert_uint_eq(mm->vmas[0].start, dst);
	ck_assert_uint_eq(mm->vmas[0].end, dst + 4 * PG);
	ck_assert_int_eq(env_get(dst + PG, &d, 1), 0);
	ck_assert_int_eq(d, 'm');
	ck_assert_int_eq(env_get(dst + 3 * PG, &d, 1), 0);
	ck_assert_int_eq(d, 0);
}
END_TEST

START_TEST(test_mremap_grows_in_place_or_fails)
{
	uint64_t base = 0x50000000;

	ck_assert_int_eq(map(base, 2 * PG, RW, PRIV_ANON | LINUX_MAP_FIXED),
	    (long)base);
	ck_assert_int_eq(SYS(mremap, base, 2 * PG, 3 * PG, 0, 0), (long)base);
	ck_assert_uint_eq(mm->nvma, 1);
	ck_assert_uint_eq(mm->vmas[0].end, base + 3 * PG);
	ck_assert_int_eq(map(base + 4 * PG, PG, LINUX_PROT_READ,
	    PRIV_ANON | LINUX_MAP_FIXED), (long)(base + 4 * PG));
	ck_assert_int_eq(SYS(mremap, base, 3 * PG, 5 * PG, 0, 0), -ENOMEM);
	ck_assert_int_eq(SYS(mremap, base, 3 * PG, 6 * PG, 0, 0), -ENOMEM);
	ck_assert_int_eq(SYS(mremap, base, 5 * PG, 6 * PG,
	    LINUX_MREMAP_MAYMOVE, 0), -EFAULT);
	ck_assert_int_eq(SYS(mremap, base + 3 * PG, PG, 2 * PG,
	    LINUX_MREMAP_MAYMOVE, 0), -EFAULT);
	ck_assert_int_eq(SYS(mremap, base + 1, PG, 2 * PG, 0, 0), -EINVAL);
	ck_assert_int_eq(SYS(mremap, base, PG, 2 * PG, LINUX_MREMAP_FIXED,
	    0x58000000), -EINVAL);
	ck_assert_int_eq(SYS(mremap, base, PG, PG, 0x10, 0), -EINVAL);
	ck_assert_int_eq(SYS(mremap, base, 0, PG, LINUX_MREMAP_MAYMOVE, 0),
	    -EINVAL);
	/* Shrinking unmaps the tail. */
	ck_assert_int_eq(SYS(mremap, base, 3 * PG, PG, 0, 0), (long)base);
	ck_assert_uint_eq(mm->nvma, 2);
	ck_assert_uint_eq(mm->vmas[0].end, base + PG);
}
END_TEST

START_TEST(test_mremap_fixed_moves_several_vmas)
{
	uint64_t base = 0x50000000, dst = 0x58000000;
	char c = 'v', d = 0;

	/* rw, hole, r: as Linux 6.17 and later, all of it moves, hole kept. */
	ck_assert_int_eq(map(base, PG, RW, PRIV_ANON | LINUX_MAP_FIXED),
	    (long)base);
	ck_assert_int_eq(map(base + 2 * PG, PG, LINUX_PROT_READ,
	    PRIV_ANON | LINUX_MAP_FIXED), (long)(base + 2 * PG));
	ck_assert_int_eq(env_put(base, &c, 1), 0);
	ck_assert_int_eq(SYS(mremap, base, 3 * PG, 3 * PG,
	    LINUX_MREMAP_MAYMOVE | LINUX_MREMAP_FIXED, dst), (long)dst);
	ck_assert_uint_eq(mm->nvma, 2);
	ck_assert_uint_eq(mm->vmas[0].start, dst);
	ck_assert_uint_eq(mm->vmas[0].end, dst + PG);
	ck_assert_uint_eq(mm->vmas[1].start, dst + 2 * PG);
	ck_assert_uint_eq(mm->vmas[1].prot, LINUX_PROT_READ);
	ck_assert_int_eq(env_get(dst, &d, 1), 0);
	ck_assert_int_eq(d, 'v');
	/* Back below the originals' old place, then from a hole: EFAULT. */
	ck_assert_int_eq(SYS(mremap, dst, 3 * PG, 3 * PG,
	    LINUX_MREMAP_MAYMOVE | LINUX_MREMAP_FIXED, base - 8 * PG),
	    (long)(base - 8 * PG));
	ck_assert_uint_eq(mm->nvma, 2);
	ck_assert_uint_eq(mm->vmas[1].end, base - 5 * PG);
	ck_assert_int_eq(SYS(mremap, base - 7 * PG, 2 * PG, 2 * PG,
	    LINUX_MREMAP_MAYMOVE | LINUX_MREMAP_FIXED, dst), -EFAULT);
	/* Even shrinking needs a mapping at old_address (as Linux 6.18). */
	ck_assert_int_eq(SYS(mremap, base - 7 * PG, 2 * PG, PG, 0, 0),
	    -EFAULT);
}
END_TEST

START_TEST(test_mremap_dontunmap_keeps_empty_vma)
{
	uint64_t base = 0x50000000, dst = 0x58000000;
	char c = 'k', d = 1;

	ck_assert_int_eq(map(base, PG, RW, PRIV_ANON | LINUX_MAP_FIXED),
	    (long)base);
	ck_assert_int_eq(env_put(base, &c, 1), 0);
	ck_assert_int_eq(SYS(mremap, base, PG, PG, LINUX_MREMAP_MAYMOVE |
	    LINUX_MREMAP_DONTUNMAP | LINUX_MREMAP_FIXED, dst), (long)dst);
	ck_assert_uint_eq(mm->nvma, 2);
	ck_assert(!env_mapped(base, NULL) && env_mapped(dst, NULL));
	ck_assert_int_eq(env_get(base, &d, 1), 0);
	ck_assert_int_eq(d, 0);
	ck_assert_int_eq(env_get(dst, &d, 1), 0);
	ck_assert_int_eq(d, 'k');
}
END_TEST

START_TEST(test_mremap_after_fork_keeps_pages_copy_on_write)
{
	uint64_t base = 0x50000000, dst = 0x58000000;
	struct cow_call c = { NULL, base, 0 };
	struct fw_frame *pf;
	unsigned int prot;
	char byte = 'A';

	use_fork_copies();
	ck_assert_int_eq(map(base, PG, RW, PRIV_ANON | LINUX_MAP_FIXED),
	    (long)base);
	ck_assert_int_eq(env_put(base, &byte, 1), 0);
	fake_run(cow_fork_task, &c);
	ck_assert_int_eq(c.ret, 0);
	pf = cow_frame(mm->vm, base, &prot);
	ck_assert_int_eq(SYS(mremap, base, PG, PG, LINUX_MREMAP_MAYMOVE |
	    LINUX_MREMAP_FIXED, dst), (long)dst);
	/* Still the shared frame, read-only, counted twice. */
	ck_assert_ptr_eq(cow_frame(mm->vm, dst, &prot), pf);
	ck_assert_uint_eq(prot, LINUX_PROT_READ);
	ck_assert_uint_eq(fw_frame_meta(pf), 2);
	/* A write copies it: the child keeps the original. */
	ck_assert_int_eq(env_fault(dst, FW_ACCESS_WRITE), 0);
	ck_assert_ptr_ne(cow_frame(mm->vm, dst, &prot), pf);
	ck_assert_uint_eq(prot, RW);
	ck_assert_ptr_eq(cow_frame(c.child->vm, base, &prot), pf);
	ck_assert_uint_eq(fw_frame_meta(pf), 1);
	mm_free(c.child);
}
END_TEST

START_TEST(test_madvise_dontneed_and_fork_flags)
{
	uint64_t base = 0x50000000;
	struct cow_call c = { NULL, base, 0 };
	unsigned int prot;
	char byte = 'D';

	ck_assert_int_eq(map(base, 4 * PG, RW, PRIV_ANON | LINUX_MAP_FIXED |
	    LINUX_MAP_POPULATE), (long)base);
	ck_assert_int_eq(SYS(madvise, base + PG, PG, LINUX_MADV_DONTNEED), 0);
	ck_assert(env_mapped(base, NULL) && !env_mapped(base + PG, NULL));
	ck_assert_uint_eq(mm->nvma, 1);
	ck_assert_int_eq(SYS(madvise, base + PG, PG, LINUX_MADV_DONTFORK), 0);
	ck_assert_int_eq(SYS(madvise, base + 2 * PG, PG,
	    LINUX_MADV_WIPEONFORK), 0);
	ck_assert_uint_eq(mm->nvma, 4);
	ck_assert_int_eq(env_put(base + 2 * PG, &byte, 1), 0);
	ck_assert_int_eq(SYS(madvise, base, 8 * PG, LINUX_MADV_NORMAL),
	    -ENOMEM);
	ck_assert_int_eq(SYS(madvise, base, PG, 77), -EINVAL);
	ck_assert_int_eq(SYS(madvise, base + 1, PG, LINUX_MADV_NORMAL),
	    -EINVAL);
	fake_run(cow_fork_task, &c);
	ck_assert_int_eq(c.ret, 0);
	/* The child lacks the DONTFORK page and the wiped page's frame. */
	ck_assert_uint_eq(c.child->nvma, 3);
	ck_assert_uint_eq(c.child->vmas[0].end, base + PG);
	ck_assert_uint_eq(c.child->vmas[1].start, base + 2 * PG);
	ck_assert_int_eq(fw_vm_query(c.child->vm, fw_uaddr(base + 2 * PG),
	    &prot, NULL), -ENOENT);
	mm_free(c.child);
	ck_assert_int_eq(SYS(madvise, base, 4 * PG, LINUX_MADV_DOFORK), 0);
	ck_assert_int_eq(SYS(madvise, base, 4 * PG, LINUX_MADV_KEEPONFORK), 0);
	ck_assert_uint_eq(mm->nvma, 1);
}
END_TEST

START_TEST(test_fault_grows_growsdown_vma)
{
	uint64_t top = 0x50000000, bottom = 0x40000000;

	ck_assert_int_eq(map(top - PG, PG, RW, PRIV_ANON | LINUX_MAP_FIXED |
	    LINUX_MAP_GROWSDOWN), (long)(top - PG));
	ck_assert_int_eq(env_fault(top - 3 * PG + 8, FW_ACCESS_WRITE), 0);
	ck_assert_uint_eq(mm->nvma, 1);
	ck_assert_uint_eq(mm->vmas[0].start, top - 3 * PG);
	/* Not past RLIMIT_STACK... */
	mm->stack_rlimit = 8 * PG;	/* as mm_set_stack_rlimit() */
	ck_assert_int_eq(env_fault(top - 9 * PG, FW_ACCESS_READ), -EFAULT);
	ck_assert_int_eq(env_fault(top - 8 * PG, FW_ACCESS_READ), 0);
	mm->stack_rlimit = MM_STACK_RLIMIT;
	/* ...nor into the guard gap above an accessible mapping. */
	ck_assert_int_eq(map(bottom, PG, LINUX_PROT_READ,
	    PRIV_ANON | LINUX_MAP_FIXED), (long)bottom);
	ck_assert_int_eq(SYS(munmap, top - 8 * PG, 8 * PG), 0);
	ck_assert_int_eq(map(bottom + PG + MM_STACK_GUARD_GAP, PG, RW,
	    PRIV_ANON | LINUX_MAP_FIXED | LINUX_MAP_GROWSDOWN),
	    (long)(bottom + PG + MM_STACK_GUARD_GAP));
	ck_assert_int_eq(env_fault(bottom + MM_STACK_GUARD_GAP,
	    FW_ACCESS_READ), -EFAULT);
	/* Placement keeps the gap free too. */
	ck_assert_int_ne(map(bottom + 2 * PG, PG, RW, PRIV_ANON),
	    (long)(bottom + 2 * PG));
	ck_assert_int_eq(SYS(mprotect, bottom, PG, LINUX_PROT_NONE), 0);
	ck_assert_int_eq(env_fault(bottom + PG, FW_ACCESS_READ), 0);
}
END_TEST

static Suite *
mm_suite(void)
{
	Suite *s = suite_create("services/mm");
	TCase *tc = tcase_create("mm");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_mmap_places_top_down_below_mmap_base);
	tcase_add_test(tc, test_mmap_honours_free_hint);
	tcase_add_test(tc, test_mmap_rejects_bad_arguments);
	tcase_add_test(tc, test_mmap_fixed_replaces_and_noreplace_refuses);
	tcase_add_test(tc, test_munmap_splits_a_vma);
	tcase_add_test(tc, test_mprotect_splits_and_merges);
	tcase_add_test(tc, test_fault_maps_window_inside_vma);
	tcase_add_test(tc, test_fault_window_grows_for_a_sequential_writer);
	tcase_add_test(tc, test_fault_refuses_bad_access);
	tcase_add_test(tc, test_brk_grows_and_shrinks);
	tcase_add_test(tc, test_brk_backs_its_first_window);
	tcase_add_test(tc, test_mmap_falls_back_bottom_up_when_top_is_full);
	tcase_add_test(tc, test_fork_copies_the_parents_own_pages);
	tcase_add_test(tc, test_fork_shares_private_pages_copy_on_write);
	tcase_add_test(tc, test_fork_shares_shared_pages_writable);
	tcase_add_test(tc, test_mremap_moves_frames_without_copying);
	tcase_add_test(tc, test_mremap_grows_in_place_or_fails);
	tcase_add_test(tc, test_mremap_dontunmap_keeps_empty_vma);
	tcase_add_test(tc, test_mremap_fixed_moves_several_vmas);
	tcase_add_test(tc, test_mremap_after_fork_keeps_pages_copy_on_write);
	tcase_add_test(tc, test_madvise_dontneed_and_fork_flags);
	tcase_add_test(tc, test_fault_grows_growsdown_vma);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(mm_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
