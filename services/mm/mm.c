/*
 * mm/mm.c: a process's memory map: creation, the page-fault handler that
 * backs VMAs with zeroed frames on first touch and grows VMA_GROWSDOWN
 * areas down to a fault just below them, and eager population.
 *
 * Interface: mm_new, mm_free, mm_fault, mm_has_vma, mm_find_locked,
 * mm_set_stack_rlimit, mm_populate_locked (svc/mm.h); copy-on-write pages
 * are mm/cow.c's.  Locks: mm->lock, taken by mm_fault, mm_has_vma and
 * mm_set_stack_rlimit; the framework calls mm_fault without the
 * vm's lock.
 */
#include <fw/alloc.h>
#include <fw/errno.h>
#include <fw/frame.h>
#include <fw/vm.h>
#include <svc/lib.h>
#include <svc/file.h>
#include <svc/mm.h>
#include <uapi/mman.h>
#include <uapi/resource.h>
#include "mm_impl.h"

/* The stack's top sits this far below the end of user space. */
#define MM_STACK_TOP_GAP	(4ULL << 30)
/* Linux's smallest gap between the stack and mmap_base (mm/util.c). */
#define MM_MMAP_GAP		(128ULL << 20)

int
mm_new(struct fw_vm *vm, struct mm **out)
{
	struct mm *mm;

	if ((mm = fw_zalloc(1, sizeof(*mm))) == NULL)
		return -ENOMEM;
	fw_mutex_init(&mm->lock);
	atomic_store(&mm->nref, 1);
	mm->vm = fw_vm_ref(vm);
	mm->stack_top = fw_page_down(fw_vm_user_top() - MM_STACK_TOP_GAP);
	mm->mmap_base = mm->stack_top - MM_MMAP_GAP;
	mm->stack_rlimit = MM_STACK_RLIMIT;
	mm->as_rlimit = LINUX_RLIM_INFINITY;
	fw_vm_set_fault_handler(vm, mm_fault, mm);
	*out = mm;
	return 0;
}

/*
 * Frees mm and drops its vm reference.  The threads of the vm must be
 * gone: the vm's fault handler still names mm.
 */
struct mm *
mm_ref(struct mm *mm)
{
	atomic_fetch_add(&mm->nref, 1);
	return mm;
}

bool
mm_shared(struct mm *mm)
{
	return atomic_load(&mm->nref) > 1;
}

void
mm_free(struct mm *mm)
{
	size_t i;

	if (mm == NULL || atomic_fetch_sub(&mm->nref, 1) != 1)
		return;
	/* Others may still hold the vm: its faults must not reach a freed mm. */
	fw_vm_set_fault_handler(mm->vm, NULL, NULL);
	fw_vm_unref(mm->vm);
	for (i = 0; i < mm->nvma; i++)
		vma_file_drop(&mm->vmas[i]);
	fw_free(mm->vmas);
	fw_free(mm);
}

struct vma *
mm_find_locked(struct mm *mm, uint64_t addr)
{
	size_t i = vma_lower_bound(mm, addr);

	if (i < mm->nvma && mm->vmas[i].start <= addr)
		return &mm->vmas[i];
	return NULL;
}

void
mm_set_stack_rlimit(struct mm *mm, uint64_t lim)
{
	fw_mutex_lock(&mm->lock);
	mm->stack_rlimit = lim;
	fw_mutex_unlock(&mm->lock);
}

void
mm_set_as_rlimit(struct mm *mm, uint64_t lim)
{
	fw_mutex_lock(&mm->lock);
	mm->as_rlimit = lim;
	fw_mutex_unlock(&mm->lock);
}

/*
 * A fault at page below every VMA that holds it: grows the VMA_GROWSDOWN
 * area just above down to page, as Linux's expand_downwards() does, unless
 * that passes mmap_min_addr or RLIMIT_STACK or comes closer than
 * stack_guard_gap to an accessible mapping below.  The grown VMA, or NULL.
 */
static struct vma *
mm_grow_stack_locked(struct mm *mm, uint64_t page) FW_REQUIRES(&mm->lock)
{
	size_t i = vma_lower_bound(mm, page);
	const struct vma *prev = i > 0 ? &mm->vmas[i - 1] : NULL;
	struct vma *v = i < mm->nvma ? &mm->vmas[i] : NULL;

	if (v == NULL || !(v->flags & VMA_GROWSDOWN) || page < MM_MIN_ADDR ||
	    v->end - page > mm->stack_rlimit ||
	    !mm_may_expand_locked(mm, page, v->start))
		return NULL;
	if (prev != NULL && !(prev->flags & VMA_GROWSDOWN) &&
	    prev->prot != LINUX_PROT_NONE &&
	    page - prev->end < MM_STACK_GUARD_GAP)
		return NULL;
	v->start = page;
	mm_merge_locked(mm);
	return mm_find_locked(mm, page);
}

bool
mm_has_vma(struct mm *mm, uint64_t addr)
{
	bool found;

	fw_mutex_lock(&mm->lock);
	found = mm_find_locked(mm, addr) != NULL;
	fw_mutex_unlock(&mm->lock);
	return found;
}

/*
 * Whether prot allows access.  On x86-64 every mapping that can be written
 * or executed can be read too (there is no execute-only page without PKU).
 */
static bool
mm_prot_allows(unsigned int prot, unsigned int access)
{
	if ((access & FW_ACCESS_WRITE) && !(prot & LINUX_PROT_WRITE))
		return false;
	if ((access & FW_ACCESS_EXEC) && !(prot & LINUX_PROT_EXEC))
		return false;
	return (prot & (LINUX_PROT_READ | LINUX_PROT_WRITE |
	    LINUX_PROT_EXEC)) != 0;
}

/* Maps a zeroed frame at va unless something is there: 0 or -ENOMEM. */
static int
mm_map_zero(struct mm *mm, uint64_t va, unsigned int prot)
{
	struct fw_frame *f;
	unsigned int cur;
	int err;

	if (fw_vm_query(mm->vm, fw_uaddr(va), &cur, NULL) == 0)
		return 0;
	if ((err = fw_frame_alloc(&f)) < 0)
		return err;
	err = fw_vm_map(mm->vm, fw_uaddr(va), f, prot);
	fw_frame_unref(f);		/* the mapping holds its own */
	return err;
}

/*
 * The window of an anonymous fault at page of v, [*va, *end): the aligned
 * MM_FAULT_WINDOW pages around it, or, when it lands where the last
 * window ended (a sequential writer), four times the last window's pages
 * from it on, up to MM_FAULT_MAX.  Clipped to v.
 */
static void
mm_fault_window_locked(struct mm *mm, const struct vma *v, uint64_t page,
    uint64_t *va, uint64_t *end) FW_REQUIRES(&mm->lock)
{
	uint64_t win = MM_FAULT_WINDOW * FW_PAGE_SIZE;

	if (page == mm->fault_next && mm->fault_pages >= MM_FAULT_WINDOW) {
		mm->fault_pages = MIN(mm->fault_pages * 4, MM_FAULT_MAX);
		*va = page;
		*end = MIN(page + mm->fault_pages * FW_PAGE_SIZE, v->end);
	} else {
		mm->fault_pages = MM_FAULT_WINDOW;
		*va = MAX(page & ~(win - 1), v->start);
		*end = MIN((page & ~(win - 1)) + win, v->end);
	}
	mm->fault_next = *end;
}

int
mm_fault(void *owner, struct fw_vm *vm, fw_uaddr_t addr, unsigned int access)
{
	struct mm *mm = owner;
	const struct vma *v;
	uint64_t page = fw_page_down(addr.v), pg, va, wend;
	unsigned int cur;
	int err = -EFAULT;

	fw_mutex_lock(&mm->lock);
	if ((v = mm_find_locked(mm, addr.v)) == NULL)
		v = mm_grow_stack_locked(mm, page);
	if (v == NULL || !mm_prot_allows(v->prot, access))
		goto out;
	if (fw_vm_query(mm->vm, fw_uaddr(page), &cur, NULL) == 0) {
		if (v->file != NULL && !(v->flags & VMA_SHARED) &&
		    (err = mm_fault_file_locked(mm, v, page, access,
		    true)) != MM_FAULT_ANON)
			goto out;
		/*
		 * Present: a write to a page that may be shared copies it
		 * (mm/cow.c); otherwise the page was stale and is brought
		 * up to the VMA's prot.
		 */
		if ((access & FW_ACCESS_WRITE) &&
		    mm_page_prot_locked(mm, v) != v->prot)
			err = mm_cow_break_locked(mm, page, v->prot);
		else {
			fw_vm_protect(mm->vm, fw_uaddr(page), FW_PAGE_SIZE,
			    mm_page_prot_locked(mm, v));
			err = 0;
		}
		goto out;
	}
	if (v->file != NULL) {
		err = mm_fault_file_locked(mm, v, page, access, false);
		goto out;
	}
	if (v->flags & VMA_SPECIAL)
		goto out;		/* a page madvise took: gone (EFAULT) */
	if ((err = mm_map_zero(mm, page, v->prot)) < 0)
		goto out;
	/* Neighbours, for locality; failures are fine. */
	mm_fault_window_locked(mm, v, page, &va, &wend);
	for (pg = va; pg < wend; pg += FW_PAGE_SIZE)
		if (pg != page && mm_map_zero(mm, pg, v->prot) < 0)
			break;
	/* A grown window goes to the backend whole, not 16 pages a fault. */
	if (mm->fault_pages > MM_FAULT_WINDOW)
		fw_vm_prefault_range(mm->vm, fw_uaddr(va), pg - va);
out:
	fw_mutex_unlock(&mm->lock);
	return err;
}

int
mm_populate_locked(struct mm *mm, uint64_t start, uint64_t end)
{
	size_t i;
	int err;

	for (i = 0; i < mm->nvma; i++) {
		const struct vma *v = &mm->vmas[i];
		uint64_t va = MAX(v->start, start), vend = MIN(v->end, end);

		if (v->file != NULL || (v->flags & VMA_SPECIAL))
			continue;	/* faulted in from the file as used */
		for (; va < vend; va += FW_PAGE_SIZE)
			if ((err = mm_map_zero(mm, va, v->prot)) < 0)
				return err;
	}
	return 0;
}

void
mm_prepopulate_locked(struct mm *mm, uint64_t start, uint64_t end)
{
	if (mm_populate_locked(mm, start, end) < 0)
		return;			/* the fault handler will try again */
}
