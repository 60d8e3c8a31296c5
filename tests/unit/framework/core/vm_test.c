/*
 * Tests for framework/core/vm.c and pt.c: mapping, querying, unmapping and
 * protecting pages, when the backend is told to revoke, and the runs
 * fw_vm_resolve() maps around a fault.
 */
#include <check.h>
#include <stdlib.h>

#include <fw/errno.h>
#include <fw/frame.h>
#include <fw/user.h>
#include <fw/vm.h>

#include "core/frame_impl.h"
#include "core/pt_impl.h"
#include "core/vm_impl.h"
#include "fake_hal.h"

#define PG	FW_PAGE_SIZE
#define RW	(FW_PROT_READ | FW_PROT_WRITE)

static struct fw_vm *vm;

static void
setup(void)
{
	fake_hal_boot();
	ck_assert_int_eq(fw_vm_new(&vm), 0);
	fake_space_reset();
}

static void
teardown(void)
{
	fw_vm_unref(vm);
	vm = NULL;
}

static unsigned int
refs(struct fw_frame *f)
{
	return atomic_load(&f->ref);
}

/* Maps a new frame at va; returns it, still holding the test's reference. */
static struct fw_frame *
map_new(uint64_t va, unsigned int prot)
{
	struct fw_frame *f;

	ck_assert_int_eq(fw_frame_alloc(&f), 0);
	ck_assert_int_eq(fw_vm_map(vm, fw_uaddr(va), f, prot), 0);
	return f;
}

START_TEST(test_vm_map_then_query_returns_frame_and_prot)
{
	struct fw_frame *f = map_new(0x400000, RW), *q;
	unsigned int prot;

	ck_assert_uint_eq(refs(f), 2);
	ck_assert_int_eq(fw_vm_query(vm, fw_uaddr(0x400123), &prot, &q), 0);
	ck_assert_ptr_eq(q, f);
	ck_assert_uint_eq(prot, RW);
	ck_assert_uint_eq(refs(f), 3);
	fw_frame_unref(q);
	ck_assert_int_eq(fw_vm_query(vm, fw_uaddr(0x401000), &prot, NULL),
	    -ENOENT);
	ck_assert_int_eq(fw_vm_query(vm, fw_uaddr(FW_SIM_USER_TOP), &prot,
	    NULL), -ENOENT);
	/* Mapping changes nothing in the backend until it faults. */
	ck_assert_uint_eq(fake_space_count(), 0);
	fw_frame_unref(f);
}
END_TEST

/* fw_vm_query_next() steps over holes and missing tables to the next page. */
START_TEST(test_vm_query_next_finds_pages_across_holes)
{
	struct fw_frame *a = map_new(0x400000, RW), *b = map_new(0x40000000,
	    FW_PROT_READ), *q;
	unsigned int prot;

	/* From below the first page, and from the page itself. */
	ck_assert_uint_eq(fw_vm_query_next(vm, fw_uaddr(0x1000), 0x80000000,
	    &prot, &q).v, 0x400000);
	ck_assert_ptr_eq(q, a);
	ck_assert_uint_eq(prot, RW);
	ck_assert_uint_eq(refs(a), 3);
	fw_frame_unref(q);
	/* Past it, 1 GiB on, through tables that do not exist. */
	ck_assert_uint_eq(fw_vm_query_next(vm, fw_uaddr(0x401000),
	    0x80000000 - 0x401000, &prot, NULL).v, 0x40000000);
	ck_assert_uint_eq(prot, FW_PROT_READ);
	/* Nothing left in the range: its end. */
	ck_assert_uint_eq(fw_vm_query_next(vm, fw_uaddr(0x40001000), 0x5000,
	    &prot, NULL).v, 0x40006000);
	ck_assert_uint_eq(fw_vm_query_next(vm, fw_uaddr(0x401000), 0x1000,
	    &prot, NULL).v, 0x402000);
	fw_frame_unref(a);
	fw_frame_unref(b);
}
END_TEST

START_TEST(test_vm_map_rejects_bad_va)
{
	struct fw_frame *f;

	ck_assert_int_eq(fw_frame_alloc(&f), 0);
	ck_assert_int_eq(fw_vm_map(vm, fw_uaddr(0x1001), f, RW), -EINVAL);
	ck_assert_int_eq(fw_vm_map(vm, fw_uaddr(fw_vm_user_top()), f, RW),
	    -EINVAL);
	ck_assert_int_eq(fw_vm_map(vm, fw_uaddr(~0ULL & FW_PAGE_MASK), f, RW),
	    -EINVAL);
	ck_assert_int_eq(fw_vm_map(vm, fw_uaddr(0x1000), NULL, RW), -EINVAL);
	ck_assert_uint_eq(refs(f), 1);
	ck_assert_uint_eq(fw_vm_user_top(), 0x7ff000000000ULL);
	fw_frame_unref(f);
}
END_TEST

START_TEST(test_vm_query_reports_x86_prot)
{
	struct fw_frame *a = map_new(0x1000, FW_PROT_READ);
	struct fw_frame *b = map_new(0x2000, FW_PROT_READ | FW_PROT_EXEC);
	struct fw_frame *c = map_new(0x3000, 0);
	struct fw_frame *d = map_new(0x4000, FW_PROT_WRITE);
	unsigned int prot;

	ck_assert_int_eq(fw_vm_query(vm, fw_uaddr(0x1000), &prot, NULL), 0);
	ck_assert_uint_eq(prot, FW_PROT_READ);
	ck_assert_int_eq(fw_vm_query(vm, fw_uaddr(0x2000), &prot, NULL), 0);
	ck_assert_uint_eq(prot, FW_PROT_READ | FW_PROT_EXEC);
	/* PROT_NONE is still a mapping, holding its frame. */
	ck_assert_int_eq(fw_vm_query(vm, fw_uaddr(0x3000), &prot, NULL), 0);
	ck_assert_uint_eq(prot, 0);
	ck_assert_uint_eq(refs(c), 2);
	/* x86 has no write-only pages. */
	ck_assert_int_eq(fw_vm_query(vm, fw_uaddr(0x4000), &prot, NULL), 0);
	ck_assert_uint_eq(prot, RW);
	fw_frame_unref(a);
	fw_frame_unref(b);
	fw_frame_unref(c);
	fw_frame_unref(d);
}
END_TEST

START_TEST(test_vm_map_replaces_and_unrefs_old_frame)
{
	struct fw_frame *a = map_new(0x5000, RW), *b = map_new(0x5000, RW);

	ck_assert_uint_eq(refs(a), 1);
	ck_assert_uint_eq(refs(b), 2);
	/* a was never host-mapped, so no revoke was needed. */
	ck_assert_uint_eq(fake_space_count(), 0);
	fw_frame_unref(a);
	fw_frame_unref(b);
}
END_TEST

START_TEST(test_vm_map_over_host_mapped_page_remaps_it)
{
	struct fw_frame *a = map_new(0x5000, RW), *b;
	struct fake_space_call c;

	ck_assert(fw_vm_resolve(vm, 0x5000, FW_ACCESS_READ));
	b = map_new(0x5000, FW_PROT_READ);
	ck_assert_uint_eq(fake_space_count(), 2);
	c = fake_space_get(1);
	ck_assert_int_eq(c.op, FAKE_SPACE_REMAP);
	ck_assert_uint_eq(c.va, 0x5000);
	ck_assert_uint_eq(c.pa, fw_frame_pa(b));
	ck_assert_uint_eq(c.len, PG);
	ck_assert_uint_eq(c.prot, FW_PROT_READ);
	ck_assert_uint_eq(refs(a), 1);
	/* The backend has the new frame: a fault there maps nothing more. */
	fake_space_reset();
	fw_vm_unmap(vm, fw_uaddr(0x5000), PG);
	ck_assert_uint_eq(fake_space_count_op(FAKE_SPACE_REVOKE), 1);
	fw_frame_unref(a);
	fw_frame_unref(b);
}
END_TEST

START_TEST(test_vm_map_none_over_host_mapped_page_revokes_it)
{
	struct fw_frame *a = map_new(0x6000, RW), *b;
	struct fake_space_call c;

	ck_assert(fw_vm_resolve(vm, 0x6000, FW_ACCESS_READ));
	b = map_new(0x6000, 0);
	ck_assert_uint_eq(fake_space_count(), 2);
	c = fake_space_get(1);
	ck_assert_int_eq(c.op, FAKE_SPACE_REVOKE);
	ck_assert_uint_eq(c.va, 0x6000);
	ck_assert_uint_eq(c.prot, 0);
	ck_assert_uint_eq(refs(a), 1);
	/* No longer host-mapped: unmapping it needs no revoke. */
	fake_space_reset();
	fw_vm_unmap(vm, fw_uaddr(0x6000), PG);
	ck_assert_uint_eq(fake_space_count(), 0);
	fw_frame_unref(a);
	fw_frame_unref(b);
}
END_TEST

START_TEST(test_vm_unmap_without_host_mapping_does_not_revoke)
{
	struct fw_frame *a = map_new(0x10000, RW), *b = map_new(0x12000, RW);
	unsigned int prot;

	fw_vm_unmap(vm, fw_uaddr(0x10000), 3 * PG);
	ck_assert_uint_eq(fake_space_count(), 0);
	ck_assert_uint_eq(refs(a), 1);
	ck_assert_uint_eq(refs(b), 1);
	ck_assert_int_eq(fw_vm_query(vm, fw_uaddr(0x12000), &prot, NULL),
	    -ENOENT);
	fw_frame_unref(a);
	fw_frame_unref(b);
}
END_TEST

START_TEST(test_vm_unmap_revokes_host_mapped_span_once)
{
	struct fw_frame *a = map_new(0x20000, RW), *b = map_new(0x7f0000, RW);
	struct fake_space_call c;

	ck_assert(fw_vm_resolve(vm, 0x20000, FW_ACCESS_WRITE));
	ck_assert(fw_vm_resolve(vm, 0x7f0000, FW_ACCESS_READ));
	fake_space_reset();
	fw_vm_unmap(vm, fw_uaddr(0x1000), 0x1000000);
	ck_assert_uint_eq(fake_space_count(), 1);
	c = fake_space_get(0);
	ck_assert_int_eq(c.op, FAKE_SPACE_REVOKE);
	ck_assert_uint_eq(c.va, 0x20000);
	ck_assert_uint_eq(c.len, 0x7f1000 - 0x20000);
	ck_assert_uint_eq(c.prot, 0);
	ck_assert_uint_eq(refs(a), 1);
	ck_assert_uint_eq(refs(b), 1);
	fw_frame_unref(a);
	fw_frame_unref(b);
}
END_TEST

START_TEST(test_vm_unmap_rounds_to_pages_and_skips_holes)
{
	struct fw_frame *a = map_new(0x30000, RW), *b = map_new(0x32000, RW);
	struct fw_frame *c = map_new(0x40000000, RW);
	unsigned int prot;

	/* [0x30fff, 0x30fff+2) touches the pages at 0x30000 and 0x31000. */
	fw_vm_unmap(vm, fw_uaddr(0x30fff), 2);
	ck_assert_int_eq(fw_vm_query(vm, fw_uaddr(0x30000), &prot, NULL),
	    -ENOENT);
	ck_assert_int_eq(fw_vm_query(vm, fw_uaddr(0x32000), &prot, NULL), 0);
	/* A huge range crosses missing tables quickly. */
	fw_vm_unmap(vm, fw_uaddr(0), fw_vm_user_top());
	ck_assert_uint_eq(refs(b), 1);
	ck_assert_uint_eq(refs(c), 1);
	fw_vm_unmap(vm, fw_uaddr(0x1000), 0);
	fw_vm_unmap(vm, fw_uaddr(fw_vm_user_top() - PG), ~0ULL);
	fw_frame_unref(a);
	fw_frame_unref(b);
	fw_frame_unref(c);
}
END_TEST

START_TEST(test_vm_protect_downgrade_revokes_only_host_mapped)
{
	struct fw_frame *a = map_new(0x4f000, RW), *b = map_new(0x51000, RW);
	struct fake_space_call c;
	unsigned int prot;

	fw_vm_protect(vm, fw_uaddr(0x4f000), 3 * PG, FW_PROT_READ);
	ck_assert_uint_eq(fake_space_count(), 0);
	ck_assert_int_eq(fw_vm_query(vm, fw_uaddr(0x51000), &prot, NULL), 0);
	ck_assert_uint_eq(prot, FW_PROT_READ);
	fw_vm_protect(vm, fw_uaddr(0x4f000), 3 * PG, RW);
	ck_assert(fw_vm_resolve(vm, 0x51000, FW_ACCESS_WRITE));
	ck_assert_uint_eq(fake_space_get(0).len, PG);
	fake_space_reset();
	fw_vm_protect(vm, fw_uaddr(0x4f000), 3 * PG, FW_PROT_READ);
	ck_assert_uint_eq(fake_space_count(), 1);
	c = fake_space_get(0);
	ck_assert_int_eq(c.op, FAKE_SPACE_REVOKE);
	/* Only the page that was host-mapped: a lies in another window. */
	ck_assert_uint_eq(c.va, 0x51000);
	ck_assert_uint_eq(c.len, PG);
	ck_assert_uint_eq(c.prot, FW_PROT_READ);
	fw_frame_unref(a);
	fw_frame_unref(b);
}
END_TEST

START_TEST(test_vm_protect_upgrade_does_not_revoke)
{
	struct fw_frame *a = map_new(0x60000, FW_PROT_READ);
	unsigned int prot;

	ck_assert(fw_vm_resolve(vm, 0x60000, FW_ACCESS_READ));
	ck_assert(!fw_vm_resolve(vm, 0x60000, FW_ACCESS_WRITE));
	fake_space_reset();
	fw_vm_protect(vm, fw_uaddr(0x60000), PG, RW | FW_PROT_EXEC);
	ck_assert_uint_eq(fake_space_count(), 0);
	ck_assert_int_eq(fw_vm_query(vm, fw_uaddr(0x60000), &prot, NULL), 0);
	ck_assert_uint_eq(prot, RW | FW_PROT_EXEC);
	/* The backend faults on the new right and the page is remapped. */
	ck_assert(fw_vm_resolve(vm, 0x60000, FW_ACCESS_WRITE));
	ck_assert_uint_eq(fake_space_get(0).prot, RW | FW_PROT_EXEC);
	/* The page stays host-mapped: a later unmap still revokes it. */
	fw_vm_unmap(vm, fw_uaddr(0x60000), PG);
	ck_assert_uint_eq(fake_space_count_op(FAKE_SPACE_REVOKE), 1);
	fw_frame_unref(a);
}
END_TEST

/* Maps n physically contiguous frames from a 16-page aligned run at va. */
static uint64_t
map_run(uint64_t va, size_t n, unsigned int prot)
{
	uint64_t pa;
	size_t i;

	ck_assert_int_eq(fw_frames_alloc_contig(n, 16, &pa), 0);
	for (i = 0; i < n; i++)
		ck_assert_int_eq(fw_vm_map(vm, fw_uaddr(va + i * PG),
		    fw_frame_from_pa(pa + i * PG), prot), 0);
	return pa;
}

static void
unmap_run(uint64_t va, uint64_t pa, size_t n)
{
	fw_vm_unmap(vm, fw_uaddr(va), n * PG);
	fw_frames_free_contig(pa, n);
}

START_TEST(test_vm_resolve_maps_whole_aligned_window)
{
	uint64_t pa = map_run(0x100000, 20, RW);
	struct fake_space_call c;

	ck_assert(fw_vm_resolve(vm, 0x105123, FW_ACCESS_WRITE));
	ck_assert_uint_eq(fake_space_count(), 1);
	c = fake_space_get(0);
	ck_assert_int_eq(c.op, FAKE_SPACE_MAP);
	ck_assert_uint_eq(c.va, 0x100000);
	ck_assert_uint_eq(c.pa, pa);
	ck_assert_uint_eq(c.len, 16 * PG);
	ck_assert_uint_eq(c.prot, RW);
	/* The next window holds the last four pages. */
	ck_assert(fw_vm_resolve(vm, 0x113000, FW_ACCESS_READ));
	c = fake_space_get(1);
	ck_assert_uint_eq(c.va, 0x110000);
	ck_assert_uint_eq(c.pa, pa + 16 * PG);
	ck_assert_uint_eq(c.len, 4 * PG);
	unmap_run(0x100000, pa, 20);
}
END_TEST

/* Checks call i of the fake backend: a map of n pages at va from pa. */
static void
check_map(size_t i, uint64_t va, uint64_t pa, size_t n, unsigned int prot)
{
	struct fake_space_call c = fake_space_get(i);

	ck_assert_int_eq(c.op, FAKE_SPACE_MAP);
	ck_assert_uint_eq(c.va, va);
	ck_assert_uint_eq(c.pa, pa);
	ck_assert_uint_eq(c.len, n * PG);
	ck_assert_uint_eq(c.prot, prot);
}

START_TEST(test_vm_resolve_maps_the_window_in_runs)
{
	uint64_t pa = map_run(0x200000, 16, RW), opa;
	struct fw_frame *other;

	fw_vm_unmap(vm, fw_uaddr(0x202000), PG);
	fw_vm_protect(vm, fw_uaddr(0x20a000), PG, FW_PROT_READ);
	ck_assert_int_eq(fw_frame_alloc(&other), 0);
	opa = fw_frame_pa(other);
	ck_assert_int_eq(fw_vm_map(vm, fw_uaddr(0x208000), other, RW), 0);
	fw_frame_unref(other);
	fake_space_reset();
	/*
	 * First the fault's run: pages 3..7, contiguous, writable, present.
	 * Then the rest of the window, run by run: a hole (page 2), another
	 * frame (8), a discontiguity (9) and a protection (10) end them.
	 */
	ck_assert(fw_vm_resolve(vm, 0x205000, FW_ACCESS_WRITE));
	ck_assert_uint_eq(fake_space_count(), 6);
	check_map(0, 0x203000, pa + 3 * PG, 5, RW);
	check_map(1, 0x200000, pa, 2, RW);
	check_map(2, 0x208000, opa, 1, RW);
	check_map(3, 0x209000, pa + 9 * PG, 1, RW);
	check_map(4, 0x20a000, pa + 10 * PG, 1, FW_PROT_READ);
	check_map(5, 0x20b000, pa + 11 * PG, 5, RW);
	/* A fault on a page handed over already maps it again, alone. */
	ck_assert(fw_vm_resolve(vm, 0x20a000, FW_ACCESS_READ));
	ck_assert_uint_eq(fake_space_count(), 7);
	check_map(6, 0x20a000, pa + 10 * PG, 1, FW_PROT_READ);
	fw_vm_unmap(vm, fw_uaddr(0x200000), 16 * PG);
	fw_frames_free_contig(pa, 16);
}
END_TEST

START_TEST(test_vm_prefault_range_maps_what_the_backend_lacks)
{
	uint64_t pa = map_run(0x300000, 16, RW);
	struct fw_frame *far;

	ck_assert_int_eq(fw_frame_alloc(&far), 0);
	ck_assert_int_eq(fw_vm_map(vm, fw_uaddr(0x7f00000), far, FW_PROT_READ),
	    0);
	fw_vm_unmap(vm, fw_uaddr(0x304000), PG);
	ck_assert(fw_vm_resolve(vm, 0x300000, FW_ACCESS_READ));
	ck_assert_uint_eq(fake_space_count(), 2);	/* pages 0-3, 5-15 */
	fake_space_reset();
	/* Nothing is left but the far page, tables away, in a range much
	 * larger than the pages. */
	fw_vm_prefault_range(vm, fw_uaddr(0x200000), 0x8000000);
	ck_assert_uint_eq(fake_space_count(), 1);
	check_map(0, 0x7f00000, fw_frame_pa(far), 1, FW_PROT_READ);
	/* A second call finds everything handed over. */
	fw_vm_prefault_range(vm, fw_uaddr(0x200000), 0x8000000);
	ck_assert_uint_eq(fake_space_count(), 1);
	/* The whole of user space (exec's sweep), its 2^26 tables mostly
	 * missing: only the page at its top is left. */
	fake_space_reset();
	ck_assert_int_eq(fw_vm_map(vm, fw_uaddr(fw_vm_user_top() - PG), far,
	    FW_PROT_READ), 0);
	fw_vm_prefault_range(vm, fw_uaddr(0), fw_vm_user_top());
	ck_assert_uint_eq(fake_space_count(), 1);
	check_map(0, fw_vm_user_top() - PG, fw_frame_pa(far), 1, FW_PROT_READ);
	fw_vm_unmap(vm, fw_uaddr(fw_vm_user_top() - PG), PG);
	fw_vm_unmap(vm, fw_uaddr(0x300000), 16 * PG);
	fw_frames_free_contig(pa, 16);
	fw_frame_unref(far);
	fw_vm_unmap(vm, fw_uaddr(0x7f00000), PG);
}
END_TEST

START_TEST(test_vm_resolve_refuses_what_the_pte_forbids)
{
	struct fw_frame *a = map_new(0x70000, FW_PROT_READ);
	struct fw_frame *b = map_new(0x71000, 0);

	ck_assert(!fw_vm_resolve(vm, 0x70000, FW_ACCESS_WRITE));
	ck_assert(!fw_vm_resolve(vm, 0x70000, FW_ACCESS_EXEC));
	ck_assert(!fw_vm_resolve(vm, 0x71000, FW_ACCESS_READ));
	ck_assert(!fw_vm_resolve(vm, 0x72000, FW_ACCESS_READ));
	ck_assert(!fw_vm_resolve(vm, 0x40000000000, FW_ACCESS_READ));
	ck_assert(!fw_vm_resolve(vm, FW_SIM_USER_TOP, FW_ACCESS_READ));
	ck_assert_uint_eq(fake_space_count(), 0);
	fw_frame_unref(a);
	fw_frame_unref(b);
}
END_TEST

START_TEST(test_vm_unref_releases_frames_and_tables)
{
	size_t used = fw_frames_used();
	struct fw_vm *v;
	struct fw_frame *f;

	ck_assert_int_eq(fw_vm_new(&v), 0);
	ck_assert_int_eq(fw_frame_alloc(&f), 0);
	ck_assert_int_eq(fw_vm_map(v, fw_uaddr(0x7fe000000000ULL), f, RW), 0);
	ck_assert_int_eq(fw_vm_map(v, fw_uaddr(0x1000), f, RW), 0);
	ck_assert(fw_vm_resolve(v, 0x1000, FW_ACCESS_READ));
	ck_assert_ptr_eq(fw_vm_ref(v), v);
	fw_vm_unref(v);
	ck_assert_uint_eq(refs(f), 3);
	fake_space_reset();
	fw_vm_unref(v);
	/* The space goes first; then its frames need no revoke. */
	ck_assert_uint_eq(fake_space_count(), 1);
	ck_assert_int_eq(fake_space_get(0).op, FAKE_SPACE_FREE);
	ck_assert_uint_eq(refs(f), 1);
	fw_frame_unref(f);
	ck_assert_uint_eq(fw_frames_used(), used);
	fw_vm_unref(NULL);
}
END_TEST

START_TEST(test_vm_new_fails_when_backend_fails)
{
	size_t used = fw_frames_used();
	struct fw_vm *v = NULL;

	fake_space_fail_next(-EAGAIN);
	ck_assert_int_eq(fw_vm_new(&v), -EAGAIN);
	ck_assert_ptr_null(v);
	ck_assert_uint_eq(fw_frames_used(), used);
}
END_TEST

START_TEST(test_vm_heir_has_no_space_until_it_succeeds)
{
	struct fw_uthread *t = (struct fw_uthread *)&t;	/* a token */
	struct fw_frame *old_f = map_new(0x1000, RW), *f;
	struct fw_uthread *ut = NULL;
	struct fw_vm *heir;
	struct fake_space_call c;

	ck_assert(fw_vm_resolve(vm, 0x1000, FW_ACCESS_READ));
	ck_assert_int_eq(fw_vm_new_heir(&heir), 0);
	ck_assert(fw_vm_awaits_space(heir));
	ck_assert(!fw_vm_awaits_space(vm));
	ck_assert_int_eq(fw_uthread_new(heir, &ut), -EINVAL);
	ck_assert_ptr_null(ut);
	/* Filled, resolved and prefaulted: nothing reaches a backend. */
	fake_space_reset();
	ck_assert_int_eq(fw_frame_alloc(&f), 0);
	ck_assert_int_eq(fw_vm_map(heir, fw_uaddr(0x2000), f, RW), 0);
	ck_assert(fw_vm_resolve(heir, 0x2000, FW_ACCESS_WRITE));
	fw_vm_prefault_range(heir, fw_uaddr(0), fw_vm_user_top());
	ck_assert_uint_eq(fake_space_count(), 0);
	/*
	 * The space changes hands, the thread with it, the heir's page goes
	 * to it, and the space is synced: in that order.
	 */
	fw_vm_succeed(heir, vm, t);
	ck_assert(!fw_vm_awaits_space(heir));
	ck_assert(fw_vm_awaits_space(vm));
	ck_assert_uint_eq(fake_space_count(), 4);
	c = fake_space_get(0);
	ck_assert_int_eq(c.op, FAKE_SPACE_ADOPT);
	ck_assert_uint_eq(c.va, (uint64_t)(uintptr_t)heir);
	c = fake_space_get(1);
	ck_assert_int_eq(c.op, FAKE_UTHREAD_ADOPT);
	ck_assert_uint_eq(c.va, (uint64_t)(uintptr_t)t);
	ck_assert_uint_eq(c.pa, (uint64_t)(uintptr_t)heir);
	check_map(2, 0x2000, fw_frame_pa(f), 1, RW);
	ck_assert_ptr_eq(fake_space_get(2).space, fake_space_get(0).space);
	ck_assert_int_eq(fake_space_get(3).op, FAKE_SPACE_SYNC);
	/* The old vm keeps its page but revokes nothing any more. */
	fake_space_reset();
	fw_vm_protect(vm, fw_uaddr(0x1000), PG, FW_PROT_READ);
	fw_vm_unmap(vm, fw_uaddr(0x1000), PG);
	ck_assert_uint_eq(fake_space_count(), 0);
	ck_assert_uint_eq(refs(old_f), 1);
	/* The space is the heir's now: freed with it, not with the old vm. */
	fw_vm_unref(heir);
	ck_assert_uint_eq(fake_space_count_op(FAKE_SPACE_FREE), 1);
	fw_frame_unref(f);
	fw_frame_unref(old_f);
}
END_TEST

START_TEST(test_vm_heir_can_be_given_a_space_of_its_own)
{
	struct fw_frame *f;
	struct fw_vm *heir;

	ck_assert_int_eq(fw_vm_new_heir(&heir), 0);
	ck_assert_int_eq(fw_frame_alloc(&f), 0);
	ck_assert_int_eq(fw_vm_map(heir, fw_uaddr(0x2000), f, RW), 0);
	fake_space_fail_next(-EAGAIN);
	ck_assert_int_eq(fw_vm_give_space(heir), -EAGAIN);
	ck_assert(fw_vm_awaits_space(heir));
	ck_assert_int_eq(fw_vm_give_space(heir), 0);
	ck_assert(!fw_vm_awaits_space(heir));
	ck_assert_int_eq(fw_vm_give_space(heir), 0);	/* has one: no-op */
	fake_space_reset();
	fw_vm_prefault_range(heir, fw_uaddr(0), fw_vm_user_top());
	ck_assert_uint_eq(fake_space_count(), 1);
	check_map(0, 0x2000, fw_frame_pa(f), 1, RW);
	fw_vm_unref(heir);
	fw_frame_unref(f);
}
END_TEST

static Suite *
vm_suite(void)
{
	Suite *s = suite_create("vm");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_vm_map_then_query_returns_frame_and_prot);
	tcase_add_test(tc, test_vm_map_rejects_bad_va);
	tcase_add_test(tc, test_vm_query_reports_x86_prot);
	tcase_add_test(tc, test_vm_map_replaces_and_unrefs_old_frame);
	tcase_add_test(tc, test_vm_map_over_host_mapped_page_remaps_it);
	tcase_add_test(tc, test_vm_map_none_over_host_mapped_page_revokes_it);
	tcase_add_test(tc, test_vm_unmap_without_host_mapping_does_not_revoke);
	tcase_add_test(tc, test_vm_unmap_revokes_host_mapped_span_once);
	tcase_add_test(tc, test_vm_unmap_rounds_to_pages_and_skips_holes);
	tcase_add_test(tc, test_vm_protect_downgrade_revokes_only_host_mapped);
	tcase_add_test(tc, test_vm_protect_upgrade_does_not_revoke);
	tcase_add_test(tc, test_vm_resolve_maps_whole_aligned_window);
	tcase_add_test(tc,
	    test_vm_resolve_maps_the_window_in_runs);
	tcase_add_test(tc,
	    test_vm_prefault_range_maps_what_the_backend_lacks);
	tcase_add_test(tc, test_vm_resolve_refuses_what_the_pte_forbids);
	tcase_add_test(tc, test_vm_unref_releases_frames_and_tables);
	tcase_add_test(tc, test_vm_new_fails_when_backend_fails);
	tcase_add_test(tc, test_vm_query_next_finds_pages_across_holes);
	tcase_add_test(tc, test_vm_heir_has_no_space_until_it_succeeds);
	tcase_add_test(tc, test_vm_heir_can_be_given_a_space_of_its_own);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(vm_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
