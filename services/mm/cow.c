/*
 * mm/cow.c: copy-on-write fork.  mm_fork gives the child a new vm with the
 * parent's VMAs.  The first MM_FORK_COPY_PAGES present pages the parent
 * may write are copied for the child at once: sharing such a page costs a
 * host revoke in the parent now and a copy-on-write fault in whichever
 * writes it first, each a round trip to a stub's mm thread (tens of
 * microseconds in the simulator), where a copy costs about one; so a small
 * process (a shell, a static program) forks without either, and a large
 * one shares the rest.  Another present page of a private VMA is mapped
 * read-only in both and its frame's metadata word counts the vms that
 * share it this way (0: one vm, the frame was never shared; n >= 2: at
 * most n vms).  A write fault on such a page (mm_cow_break_locked) takes
 * the frame over when the count says no other vm maps it, and otherwise
 * copies it and lowers the count.  The count may only be too high, never
 * too low: a vm that drops a shared frame by munmap, exec or exit leaves
 * it as it is, which costs a needless copy later but never lets two vms
 * write one frame.  Pages of shared VMAs are populated in the parent first
 * and mapped as they are, so both see one frame per page, writable, and
 * never copy it.  The child gets no VMA_DONTFORK area, and a
 * VMA_WIPEONFORK one without its pages.
 *
 * Interface: mm_fork, mm_cow_break_locked, mm_page_prot_locked (svc/mm.h).
 * Locks: mm->lock of the vm that faults or forks, then mm_cow_lock (a
 * spinlock, innermost: it guards the read-modify-write of every frame's
 * metadata word, since frames cross mms).  Nothing sleeps under it.
 */
#include <fw/alloc.h>
#include <fw/errno.h>
#include <fw/frame.h>
#include <fw/spinlock.h>
#include <fw/vm.h>
#include <svc/file.h>
#include <svc/lib.h>
#include <svc/mm.h>
#include <uapi/mman.h>
#include "mm_impl.h"

static struct fw_spinlock mm_cow_lock = FW_SPINLOCK_INIT;

unsigned int
mm_page_prot_locked(const struct mm *mm, const struct vma *v)
{
	if ((mm->forked || v->file != NULL) && !(v->flags & VMA_SHARED))
		return v->prot & ~LINUX_PROT_WRITE;
	return v->prot;
}

/* One more vm maps f copy-on-write. */
static void
mm_cow_share(struct fw_frame *f)
{
	uint64_t n;

	fw_spin_lock(&mm_cow_lock);
	n = fw_frame_meta(f);
	fw_frame_set_meta(f, n == 0 ? 2 : n + 1);
	fw_spin_unlock(&mm_cow_lock);
}

/* Takes f over if no other vm shares it: whether it did. */
static bool
mm_cow_take(struct fw_frame *f)
{
	bool mine;

	fw_spin_lock(&mm_cow_lock);
	if ((mine = fw_frame_meta(f) <= 1))
		fw_frame_set_meta(f, 0);
	fw_spin_unlock(&mm_cow_lock);
	return mine;
}

/* One vm fewer maps f. */
static void
mm_cow_drop(struct fw_frame *f)
{
	uint64_t n;

	fw_spin_lock(&mm_cow_lock);
	if ((n = fw_frame_meta(f)) > 0)
		fw_frame_set_meta(f, n - 1);
	fw_spin_unlock(&mm_cow_lock);
}

int
mm_cow_break_locked(struct mm *mm, uint64_t va, unsigned int prot)
{
	struct fw_frame *f, *copy;
	unsigned int cur;
	int err;

	if (fw_vm_query(mm->vm, fw_uaddr(va), &cur, &f) < 0)
		return -EFAULT;			/* the caller saw it present */
	if (mm_cow_take(f)) {
		fw_vm_protect(mm->vm, fw_uaddr(va), FW_PAGE_SIZE, prot);
		fw_frame_unref(f);
		return 0;
	}
	if ((err = fw_frame_alloc(&copy)) < 0)
		goto out;
	fw_frame_copy(copy, f);
	err = fw_vm_map(mm->vm, fw_uaddr(va), copy, prot);
	fw_frame_unref(copy);			/* the mapping holds its own */
	if (err == 0)
		mm_cow_drop(f);			/* only now: never too low */
out:
	fw_frame_unref(f);
	return err;
}

/*
 * Gives the child c its own copy of the parent's page f at va: 0 or
 * -errno.
 */
static int
mm_fork_copy(struct mm *c, uint64_t va, struct fw_frame *f, unsigned int prot)
{
	struct fw_frame *copy;
	int err;

	if ((err = fw_frame_alloc(&copy)) < 0)
		return err;
	fw_frame_copy(copy, f);
	err = fw_vm_map(c->vm, fw_uaddr(va), copy, prot);
	fw_frame_unref(copy);			/* the mapping holds its own */
	return err;
}

/*
 * Gives the child c the present pages of the parent's VMA v: the pages
 * the parent may write (its own) are copied while *budget lasts, the rest
 * of a private VMA is shared copy-on-write, and a shared VMA's pages are
 * mapped as they are.  Only pages the parent could write and now shares
 * are write-protected in it.
 */
static int
mm_fork_vma_locked(struct mm *pm, struct mm *c, const struct vma *v,
    unsigned int *budget) FW_REQUIRES(&pm->lock)
{
	bool shared = v->flags & VMA_SHARED;
	uint64_t va, lo = UINT64_MAX, hi = 0;
	struct fw_frame *f;
	unsigned int prot;
	int err;

	if (v->flags & VMA_WIPEONFORK)
		return 0;		/* the child faults in zeroed frames */
	/*
	 * Both must see one page from now on, even one never touched (a
	 * shared file mapping's pages are the file's: both fault them in).
	 */
	if (shared && v->file == NULL &&
	    (err = mm_populate_locked(pm, v->start, v->end)) < 0)
		return err;
	for (va = v->start; (va = fw_vm_query_next(pm->vm, fw_uaddr(va),
	    v->end - va, &prot, &f).v) < v->end; va += FW_PAGE_SIZE) {
		if (!shared && (prot & LINUX_PROT_WRITE) && *budget > 0) {
			(*budget)--;
			err = mm_fork_copy(c, va, f, prot);
		} else {
			if (!shared) {
				mm_cow_share(f);
				if (prot & LINUX_PROT_WRITE) {
					lo = MIN(lo, va);
					hi = va + FW_PAGE_SIZE;
				}
				prot &= ~LINUX_PROT_WRITE;
			}
			err = fw_vm_map(c->vm, fw_uaddr(va), f, prot);
		}
		fw_frame_unref(f);
		if (err < 0)
			return err;
	}
	/* The child runs at once and touches much of it: map it now. */
	fw_vm_prefault_range(c->vm, fw_uaddr(v->start), v->end - v->start);
	/* The parent is in fork(2): none of its threads writes meanwhile. */
	if (lo < hi)
		fw_vm_protect(pm->vm, fw_uaddr(lo), hi - lo,
		    v->prot & ~LINUX_PROT_WRITE);
	return 0;
}

/* Copies the parent's VMA list but VMA_DONTFORK areas, and its layout. */
static int
mm_fork_layout_locked(struct mm *pm, struct mm *c) FW_REQUIRES(&pm->lock)
{
	size_t cap = MAX(pm->nvma, (size_t)8), i;

	if ((c->vmas = fw_zalloc(cap, sizeof(*c->vmas))) == NULL)
		return -ENOMEM;
	for (i = 0; i < pm->nvma; i++) {
		if (pm->vmas[i].flags & VMA_DONTFORK)
			continue;
		c->vmas[c->nvma] = pm->vmas[i];
		vma_file_hold(&c->vmas[c->nvma]);
		c->nvma++;
	}
	c->cap = cap;
	c->brk_start = pm->brk_start;
	c->arg_start = pm->arg_start;
	c->arg_end = pm->arg_end;
	c->env_start = pm->env_start;
	c->env_end = pm->env_end;
	c->brk = pm->brk;
	c->stack_top = pm->stack_top;
	c->mmap_base = pm->mmap_base;
	c->stack_rlimit = pm->stack_rlimit;
	c->as_rlimit = pm->as_rlimit;
	c->forked = true;
	return 0;
}

int
mm_fork(struct mm *pm, struct mm **out)
{
	unsigned int budget = MM_FORK_COPY_PAGES;
	struct fw_vm *vm;
	struct mm *c;
	size_t i;
	int err;

	if ((err = fw_vm_new(&vm)) < 0)
		return err;
	err = mm_new(vm, &c);
	fw_vm_unref(vm);			/* c holds its own */
	if (err < 0)
		return err;
	fw_mutex_lock(&pm->lock);
	if ((err = mm_fork_layout_locked(pm, c)) == 0) {
		pm->forked = true;
		for (i = 0; i < pm->nvma && err == 0; i++)
			if (!(pm->vmas[i].flags & VMA_DONTFORK))
				err = mm_fork_vma_locked(pm, c, &pm->vmas[i],
				    &budget);
	}
	fw_mutex_unlock(&pm->lock);
	if (err < 0) {
		/* The parent keeps read-only pages and high counts: safe. */
		mm_free(c);
		return err;
	}
	*out = c;
	return 0;
}
