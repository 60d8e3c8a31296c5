/*
 * core/vm.c: user address spaces (fw/vm.h, core/vm_impl.h).  The page
 * table is the truth; the backend's mappings (hal/mmu.h) are a cache of it.
 * A leaf with FW_PTE_H may be cached by the backend, so every unmap or
 * downgrade of such a page revokes it through hal_space_revoke() (a
 * replacement: hal_space_remap()) before the frame reference is dropped or
 * the call returns.  New mappings and upgrades reach the backend lazily: it
 * faults, and fw_vm_resolve() maps a run of pages around the fault with one
 * hal_space_map().  A vm's last reference frees the space before the
 * frames, which then need no revoke.  An exec's vm may start without a
 * space and take over the one of the vm it replaces (fw_vm_succeed()),
 * which then has none: a vm without a space makes no backend calls, and
 * its leaves never get FW_PTE_H.
 *
 * Locks used to protect fields in this file:
 *	I	immutable after fw_vm_new()
 *	s	vm->lock to write, and stored atomically: read under vm->lock, or
 *		atomically (fw_vm_space())
 *	l	vm->lock (also every page-table entry of vm)
 *	a	atomic
 * Lock order: vm->lock, then the frame allocator's lock.  The fault handler
 * runs without vm->lock.
 */
#include <fw/alloc.h>
#include <fw/errno.h>
#include <fw/frame.h>
#include <fw/panic.h>
#include <fw/spinlock.h>
#include <hal/mmu.h>
#include <hal/user.h>
#include <stdatomic.h>

#include "core/frame_impl.h"
#include "core/pt_impl.h"
#include "core/vm_impl.h"

/* Pages fw_vm_resolve() maps at once: an aligned window of this many. */
#define RESOLVE_PAGES	16
/* Frames an unmap releases per revoke. */
#define UNMAP_BATCH	256

struct fw_vm {
	struct fw_spinlock	 lock;
	atomic_uint		 nref;		/* [a] */
	uint64_t		 root;		/* [I] the PML4's address */
	struct hal_space	*space;		/* [s]; NULL for an heir, and
						   once freed or handed on */
	fw_fault_fn		 fault;		/* [l] */
	void			*owner;		/* [l] */
	uint64_t		 resident;	/* [l] pages mapped */
	uint64_t		 resident_peak;	/* [l] its high-water mark */
};

/* Frames unmapped but not yet released, and the span to revoke first. */
struct unmap_batch {
	struct fw_frame	*frames[UNMAP_BATCH];
	size_t		 n;
	uint64_t	 lo, hi;	/* host-mapped span; lo >= hi: none */
};

/* A vm with a space (with_space) or none. */
static int
vm_new(bool with_space, struct fw_vm **out)
{
	struct fw_vm *vm;
	int err;

	if ((vm = fw_zalloc(1, sizeof(*vm))) == NULL)
		return -ENOMEM;
	fw_spin_init(&vm->lock);
	atomic_init(&vm->nref, 1);
	if ((err = fw_pt_new(&vm->root)) < 0)
		goto fail_vm;
	if (with_space && (err = hal_space_new(vm, &vm->space)) < 0)
		goto fail_pt;
	*out = vm;
	return 0;
fail_pt:
	fw_pt_free(vm->root);
fail_vm:
	fw_free(vm);
	return err;
}

int
fw_vm_new(struct fw_vm **out)
{
	return vm_new(true, out);
}

int
fw_vm_new_heir(struct fw_vm **out)
{
	return vm_new(!hal_space_reusable(), out);
}

bool
fw_vm_awaits_space(struct fw_vm *vm)
{
	return fw_vm_space(vm) == NULL;
}

int
fw_vm_give_space(struct fw_vm *vm)
{
	struct hal_space *s;
	int err;

	if (!fw_vm_awaits_space(vm))
		return 0;
	if ((err = hal_space_new(vm, &s)) < 0)
		return err;
	fw_spin_lock(&vm->lock);
	__atomic_store_n(&vm->space, s, __ATOMIC_RELEASE);
	fw_spin_unlock(&vm->lock);
	return 0;
}

struct fw_vm *
fw_vm_ref(struct fw_vm *vm)
{
	if (vm != NULL)
		FW_ASSERT(atomic_fetch_add(&vm->nref, 1) > 0);
	return vm;
}

static void	vm_unmap_locked(struct fw_vm *vm, uint64_t va, uint64_t end)
		    FW_REQUIRES(&vm->lock);

void
fw_vm_unref(struct fw_vm *vm)
{
	unsigned int old;

	if (vm == NULL)
		return;
	old = atomic_fetch_sub(&vm->nref, 1);
	FW_ASSERT(old > 0);
	if (old != 1)
		return;
	/*
	 * The space goes first: once it is freed nothing reaches the frames
	 * through it (the stub is reaped, or CR3 left the table), so the
	 * unmap below drops them without revoking page by page.
	 */
	hal_space_free(vm->space);
	fw_spin_lock(&vm->lock);
	__atomic_store_n(&vm->space, NULL, __ATOMIC_RELEASE);
	vm_unmap_locked(vm, 0, FW_SIM_USER_TOP);
	fw_spin_unlock(&vm->lock);
	fw_pt_free(vm->root);
	fw_free(vm);
}

void
fw_vm_set_fault_handler(struct fw_vm *vm, fw_fault_fn fn, void *owner)
{
	fw_spin_lock(&vm->lock);
	vm->fault = fn;
	vm->owner = owner;
	fw_spin_unlock(&vm->lock);
}

uint64_t
fw_vm_user_top(void)
{
	return FW_SIM_USER_TOP;
}

uint64_t
fw_vm_root(const struct fw_vm *vm)
{
	return vm->root;
}

/* No lock: a user copy asks on every call. */
struct hal_space *
fw_vm_space(struct fw_vm *vm)
{
	return __atomic_load_n(&vm->space, __ATOMIC_ACQUIRE);
}

int
fw_vm_map(struct fw_vm *vm, fw_uaddr_t va, struct fw_frame *f,
    unsigned int prot)
{
	struct fw_frame *old = NULL;
	uint64_t *pte, bits = fw_pt_bits(prot);
	bool host = false;

	if (f == NULL || va.v & (FW_PAGE_SIZE - 1) || va.v >= FW_SIM_USER_TOP)
		return -EINVAL;
	fw_spin_lock(&vm->lock);
	if ((pte = fw_pt_leaf(vm->root, va.v, true)) == NULL) {
		fw_spin_unlock(&vm->lock);
		return -ENOMEM;
	}
	if (*pte & FW_PTE_V) {
		host = *pte & FW_PTE_H;
		old = fw_frame_from_pa(*pte & FW_PTE_ADDR);
	} else if (++vm->resident > vm->resident_peak)
		vm->resident_peak = vm->resident;
	/*
	 * A page the backend maps is replaced there at once (a copy-on-write
	 * break lands here), so the frame goes to the host in the same step;
	 * one that loses every right is revoked instead.
	 */
	if (vm->space == NULL) {
		host = false;
	} else if (host && !(bits & FW_PTE_P)) {
		hal_space_revoke(vm->space, va.v, FW_PAGE_SIZE, 0);
		host = false;
	}
	*pte = fw_frame_pa(fw_frame_ref(f)) | bits | FW_PTE_V |
	    (host || (hal_space_hw_walk() && vm->space != NULL) ?
	    FW_PTE_H : 0);
	if (host)
		hal_space_remap(vm->space, va.v, fw_frame_pa(f), FW_PAGE_SIZE,
		    fw_pt_prot(*pte));
	fw_spin_unlock(&vm->lock);
	fw_frame_unref(old);
	return 0;
}

/* Revokes the batch's host-mapped span, then drops its frames. */
static void
unmap_flush_locked(struct fw_vm *vm, struct unmap_batch *b)
	FW_REQUIRES(&vm->lock)
{
	size_t i;

	if (b->lo < b->hi && vm->space != NULL)
		hal_space_revoke(vm->space, b->lo, b->hi - b->lo, 0);
	for (i = 0; i < b->n; i++)
		fw_frame_unref(b->frames[i]);
	b->n = 0;
	b->lo = UINT64_MAX;
	b->hi = 0;
}

static void
vm_unmap_locked(struct fw_vm *vm, uint64_t va, uint64_t end)
{
	struct unmap_batch b;
	uint64_t *pte;

	b.n = 0;
	b.lo = UINT64_MAX;
	b.hi = 0;
	while ((va = fw_pt_next(vm->root, va, end, &pte)) < end) {
		if (*pte & FW_PTE_H) {
			if (va < b.lo)
				b.lo = va;
			b.hi = va + FW_PAGE_SIZE;
		}
		b.frames[b.n++] = fw_frame_from_pa(*pte & FW_PTE_ADDR);
		*pte = 0;
		vm->resident--;
		if (b.n == UNMAP_BATCH)
			unmap_flush_locked(vm, &b);
		va += FW_PAGE_SIZE;
	}
	unmap_flush_locked(vm, &b);
}

/* Page-rounds [va, va+len) and clips it to user space; false if empty. */
static bool
vm_range(fw_uaddr_t va, uint64_t len, uint64_t *start, uint64_t *end)
{
	if (len == 0 || va.v >= FW_SIM_USER_TOP)
		return false;
	*start = fw_page_down(va.v);
	if (len > FW_SIM_USER_TOP - va.v)
		*end = FW_SIM_USER_TOP;
	else
		*end = fw_page_up(va.v + len);
	return true;
}

void
fw_vm_unmap(struct fw_vm *vm, fw_uaddr_t va, uint64_t len)
{
	uint64_t start, end;

	if (!vm_range(va, len, &start, &end))
		return;
	fw_spin_lock(&vm->lock);
	vm_unmap_locked(vm, start, end);
	fw_spin_unlock(&vm->lock);
}

/*
 * Whether every page of [lo, hi) is present with FW_PTE_H: a span the
 * backend can downgrade in one call (a host mprotect(2) stops at the
 * first page it has no mapping for and leaves the rest as they were).
 */
static bool
span_all_host_mapped(struct fw_vm *vm, uint64_t lo, uint64_t hi)
	FW_REQUIRES(&vm->lock)
{
	uint64_t va = lo, *pte;

	while ((va = fw_pt_next(vm->root, va, hi, &pte)) < hi) {
		if (va != lo || !(*pte & FW_PTE_H))
			return false;
		lo = va += FW_PAGE_SIZE;
	}
	return lo == hi;
}

/* Clears FW_PTE_H in [lo, hi): the backend unmapped the span. */
static void
span_clear_host(struct fw_vm *vm, uint64_t lo, uint64_t hi)
	FW_REQUIRES(&vm->lock)
{
	uint64_t *pte;

	while ((lo = fw_pt_next(vm->root, lo, hi, &pte)) < hi) {
		*pte &= ~FW_PTE_H;
		lo += FW_PAGE_SIZE;
	}
}

/*
 * Rewrites the leaves' rights.  A page that loses a right and may be
 * host-mapped is revoked down to prot, in one call spanning all such pages;
 * if the span has a page the host does not map, the whole span is unmapped
 * instead (and loses H), to be faulted back in with its new rights.  A page
 * that only gains rights keeps its (weaker) host mapping and its H bit: the
 * backend faults on the new right and fw_vm_resolve() remaps it.
 */
void
fw_vm_protect(struct fw_vm *vm, fw_uaddr_t va, uint64_t len,
    unsigned int prot)
{
	uint64_t start, end, lo = UINT64_MAX, hi = 0, bits, *pte;
	unsigned int newprot;

	if (!vm_range(va, len, &start, &end))
		return;
	bits = fw_pt_bits(prot);
	newprot = fw_pt_prot(bits);
	fw_spin_lock(&vm->lock);
	while ((start = fw_pt_next(vm->root, start, end, &pte)) < end) {
		if ((*pte & FW_PTE_H) && (fw_pt_prot(*pte) & ~newprot)) {
			if (start < lo)
				lo = start;
			hi = start + FW_PAGE_SIZE;
		}
		*pte = (*pte & ~FW_PTE_PROT) | bits;
		start += FW_PAGE_SIZE;
	}
	if (vm->space == NULL) {
		/* no backend: nothing to revoke */
	} else if (lo < hi && span_all_host_mapped(vm, lo, hi)) {
		hal_space_revoke(vm->space, lo, hi - lo, newprot);
	} else if (lo < hi) {
		hal_space_revoke(vm->space, lo, hi - lo, 0);
		span_clear_host(vm, lo, hi);
	}
	fw_spin_unlock(&vm->lock);
}

void
fw_vm_resident(struct fw_vm *vm, uint64_t *pages, uint64_t *peak)
{
	fw_spin_lock(&vm->lock);
	*pages = vm->resident;
	*peak = vm->resident_peak;
	fw_spin_unlock(&vm->lock);
}

int
fw_vm_query(struct fw_vm *vm, fw_uaddr_t va, unsigned int *prot,
    struct fw_frame **frame)
{
	uint64_t *pte;
	int err = -ENOENT;

	if (va.v >= FW_SIM_USER_TOP)
		return -ENOENT;
	fw_spin_lock(&vm->lock);
	pte = fw_pt_leaf(vm->root, va.v, false);
	if (pte != NULL && (*pte & FW_PTE_V)) {
		*prot = fw_pt_prot(*pte);
		if (frame != NULL)
			*frame = fw_frame_ref(fw_frame_from_pa(*pte &
			    FW_PTE_ADDR));
		err = 0;
	}
	fw_spin_unlock(&vm->lock);
	return err;
}

fw_uaddr_t
fw_vm_query_next(struct fw_vm *vm, fw_uaddr_t va, uint64_t len,
    unsigned int *prot, struct fw_frame **frame)
{
	uint64_t start, end, *pte;

	if (!vm_range(va, len, &start, &end))
		return fw_uaddr(va.v + len);
	fw_spin_lock(&vm->lock);
	while ((start = fw_pt_next(vm->root, start, end, &pte)) < end &&
	    !(*pte & FW_PTE_V))
		start += FW_PAGE_SIZE;
	if (start < end) {
		*prot = fw_pt_prot(*pte);
		if (frame != NULL)
			*frame = fw_frame_ref(fw_frame_from_pa(*pte &
			    FW_PTE_ADDR));
	}
	fw_spin_unlock(&vm->lock);
	return fw_uaddr(start < end ? start : va.v + len);
}

/* Whether a leaf lets user code make access (FW_ACCESS_*). */
static bool
pte_allows(uint64_t pte, unsigned int access)
{
	if (!(pte & FW_PTE_V) || !(pte & FW_PTE_P))
		return false;
	if ((access & FW_ACCESS_WRITE) && !(pte & FW_PTE_RW))
		return false;
	if ((access & FW_ACCESS_EXEC) && (pte & FW_PTE_NX))
		return false;
	return true;
}

/* Whether the leaf k pages from base continues base's run. */
static bool
pte_continues(const uint64_t *base, long k)
{
	uint64_t want = (base[0] & FW_PTE_ADDR) + (uint64_t)k * FW_PAGE_SIZE;

	return (base[k] & FW_PTE_V) &&
	    (base[k] & FW_PTE_PROT) == (base[0] & FW_PTE_PROT) &&
	    (base[k] & FW_PTE_ADDR) == want;
}

/* Hands the backend the run of n leaves from pte, at va; marks them H. */
static void
map_run(struct fw_vm *vm, uint64_t va, uint64_t *pte, long n)
	FW_REQUIRES(&vm->lock)
{
	if (vm->space == NULL)
		return;
	for (long k = 0; k < n; k++)
		pte[k] |= FW_PTE_H;
	hal_space_map(vm->space, va, *pte & FW_PTE_ADDR,
	    (uint64_t)n * FW_PAGE_SIZE, fw_pt_prot(*pte));
}

/*
 * Hands the backend, in runs, every present page among the n leaves from
 * pte (at va, in one table) that it was never given (no H).
 */
static void
map_lacking(struct fw_vm *vm, uint64_t va, uint64_t *pte, long n)
	FW_REQUIRES(&vm->lock)
{
	long i, run;

	for (i = 0; i < n; i += run) {
		run = 1;
		if ((pte[i] & (FW_PTE_V | FW_PTE_P | FW_PTE_H)) !=
		    (FW_PTE_V | FW_PTE_P))
			continue;
		while (i + run < n && !(pte[i + run] & FW_PTE_H) &&
		    pte_continues(pte + i, run))
			run++;
		map_run(vm, va + (uint64_t)i * FW_PAGE_SIZE, pte + i, run);
	}
}

/*
 * The window is va's aligned run of RESOLVE_PAGES pages, which lies inside
 * one page table (512 entries), so its leaves are adjacent in memory.  The
 * run of physically contiguous pages around va goes to the backend even if
 * marked H (a stale mapping is why it faulted); so does every other
 * present page of the window the backend was never given (no H), in runs:
 * the services' fault-around filled the window, and a page left to fault
 * on its own costs a round trip each.
 */
bool
fw_vm_resolve(struct fw_vm *vm, uint64_t va, unsigned int access)
{
	uint64_t *pte, win;
	long idx, lo, hi;

	if (va >= FW_SIM_USER_TOP)
		return false;
	va = fw_page_down(va);
	fw_spin_lock(&vm->lock);
	pte = fw_pt_leaf(vm->root, va, false);
	if (pte == NULL || !pte_allows(*pte, access)) {
		fw_spin_unlock(&vm->lock);
		return false;
	}
	win = va & ~(RESOLVE_PAGES * FW_PAGE_SIZE - 1);
	idx = (long)((va - win) >> FW_PAGE_SHIFT);
	for (lo = 0; lo > -idx && pte_continues(pte, lo - 1); lo--)
		;
	for (hi = 1; hi < RESOLVE_PAGES - idx && pte_continues(pte, hi); hi++)
		;
	map_run(vm, va + (uint64_t)lo * FW_PAGE_SIZE, pte + lo, hi - lo);
	map_lacking(vm, win, pte - idx, RESOLVE_PAGES);
	fw_spin_unlock(&vm->lock);
	return true;
}

void
fw_vm_prefault(struct fw_vm *vm, fw_uaddr_t va, unsigned int access)
{
	(void)fw_vm_resolve(vm, va.v, access);
}

/* Pages per page table: a table's leaves are adjacent in memory. */
#define TABLE_PAGES	512

void
fw_vm_prefault_range(struct fw_vm *vm, fw_uaddr_t va, uint64_t len)
{
	uint64_t start, end, next, *pte;

	if (!vm_range(va, len, &start, &end))
		return;
	fw_spin_lock(&vm->lock);
	/* Table by table, from each one's first leaf: missing tables are
	 * skipped whole. */
	for (; (start = fw_pt_next(vm->root, start, end, &pte)) < end;
	    start = next) {
		next = (start | (TABLE_PAGES * FW_PAGE_SIZE - 1)) + 1;
		if (next > end)
			next = end;
		map_lacking(vm, start, pte,
		    (long)((next - start) >> FW_PAGE_SHIFT));
	}
	fw_spin_unlock(&vm->lock);
}

/*
 * The old vm's leaves keep FW_PTE_H but lose the space: its later unmaps
 * revoke nothing, as after its last reference.  That is safe because the
 * space is synced here, before the caller can drop a frame of old.
 */
void
fw_vm_succeed(struct fw_vm *heir, struct fw_vm *old, struct fw_uthread *t)
{
	struct hal_space *s;

	fw_spin_lock(&old->lock);
	s = old->space;
	__atomic_store_n(&old->space, NULL, __ATOMIC_RELEASE);
	fw_spin_unlock(&old->lock);
	FW_ASSERT(s != NULL && hal_space_reusable());
	fw_spin_lock(&heir->lock);
	FW_ASSERT(heir->space == NULL);
	hal_space_adopt(s, heir);
	__atomic_store_n(&heir->space, s, __ATOMIC_RELEASE);
	fw_spin_unlock(&heir->lock);
	hal_uthread_adopt(t, heir);
	fw_vm_prefault_range(heir, fw_uaddr(0), FW_SIM_USER_TOP);
	hal_space_sync(s);
}

int
fw_vm_user_frame(struct fw_vm *vm, uint64_t va, unsigned int access,
    struct fw_frame **f)
{
	uint64_t *pte;
	int err = -EFAULT;

	if (va >= FW_SIM_USER_TOP)
		return -EFAULT;
	fw_spin_lock(&vm->lock);
	pte = fw_pt_leaf(vm->root, va, false);
	if (pte != NULL && pte_allows(*pte, access & ~FW_ACCESS_EXEC)) {
		*f = fw_frame_ref(fw_frame_from_pa(*pte & FW_PTE_ADDR));
		err = 0;
	}
	fw_spin_unlock(&vm->lock);
	return err;
}

/*
 * A fault the kernel takes on the user's behalf (a user copy) hands the
 * backend what the handler filled around va, as a user's own fault does
 * (fw_vm_resolve()): else the user's first touch of a page the kernel
 * filled (read(2) into a fresh buffer) would fault again in the backend.
 */
int
fw_vm_fault(struct fw_vm *vm, uint64_t va, unsigned int access)
{
	fw_fault_fn fn;
	void *owner;
	int err;

	fw_spin_lock(&vm->lock);
	fn = vm->fault;
	owner = vm->owner;
	fw_spin_unlock(&vm->lock);
	if (fn == NULL)
		return -EFAULT;
	if ((err = fn(owner, vm, fw_uaddr(va), access)) == 0)
		fw_vm_prefault_range(vm, fw_uaddr(va & ~(RESOLVE_PAGES *
		    FW_PAGE_SIZE - 1)), RESOLVE_PAGES * FW_PAGE_SIZE);
	return err;
}
