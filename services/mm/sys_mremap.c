/*
 * mm/sys_mremap.c: mremap(2).  A mapping shrinks by unmapping its tail,
 * grows in place when the room after it is free, and otherwise moves
 * (MREMAP_MAYMOVE) to a free range or to new_address (MREMAP_FIXED, which
 * unmaps what was there).  A move hands the frames over page by page,
 * prot and all, so nothing is copied and pages shared copy-on-write stay
 * read-only and counted as before.  MREMAP_DONTUNMAP leaves the old VMAs
 * in place: a private page reads zero there afterwards, a shared one is
 * the same frame in both places.  A shared mapping with old_size 0 is
 * duplicated.  Like Linux 6.17 and later, MREMAP_FIXED without a change of
 * size moves every VMA in the range, holes kept, and like 6.18 even a
 * shrink needs a mapping at old_address (EFAULT).  Checks follow
 * mm/mremap.c's order.  Locks: mm->lock.
 */
#include <fw/errno.h>
#include <fw/frame.h>
#include <fw/panic.h>
#include <fw/vm.h>
#include <svc/lib.h>
#include <svc/mm.h>
#include <svc/proc.h>
#include <svc/syscall.h>
#include <uapi/mman.h>

#define MREMAP_FLAGS	(LINUX_MREMAP_MAYMOVE | LINUX_MREMAP_FIXED | \
			 LINUX_MREMAP_DONTUNMAP)
#define MREMAP_NEWADDR	(LINUX_MREMAP_FIXED | LINUX_MREMAP_DONTUNMAP)

struct mremap_req {
	uint64_t	addr, old_len, new_len, new_addr;
	unsigned int	flags;
};

/* Decodes and validates mremap's arguments into r: 0 or -EINVAL. */
static int
mremap_decode(const struct syscall_args *a, struct mremap_req *r)
{
	uint64_t top = fw_vm_user_top();

	r->addr = a->a[0];
	r->new_addr = a->a[4];
	if ((a->a[3] & ~(uint64_t)MREMAP_FLAGS) != 0)
		return -EINVAL;
	r->flags = (unsigned int)a->a[3];
	if (r->addr % FW_PAGE_SIZE != 0)
		return -EINVAL;
	if (a->a[1] > top || a->a[2] > top)
		return -EINVAL;
	r->old_len = fw_page_up(a->a[1]);
	r->new_len = fw_page_up(a->a[2]);
	if (r->new_len == 0)
		return -EINVAL;
	if (!(r->flags & MREMAP_NEWADDR))
		return 0;
	if (r->new_addr % FW_PAGE_SIZE != 0)
		return -EINVAL;
	if (!(r->flags & LINUX_MREMAP_MAYMOVE))
		return -EINVAL;
	if ((r->flags & LINUX_MREMAP_DONTUNMAP) && r->old_len != r->new_len)
		return -EINVAL;
	if (r->new_addr > top - r->new_len)
		return -EINVAL;
	/* The old and new ranges must not overlap. */
	if (r->addr + r->old_len > r->new_addr &&
	    r->new_addr + r->new_len > r->addr)
		return -EINVAL;
	return 0;
}

/*
 * Maps each present page of the VMAs in [old, old + len) at the same
 * offset from new, with its prot; the old mappings stay for the caller to
 * drop.  0, or -ENOMEM.
 */
static int
mremap_move_pages_locked(struct mm *mm, uint64_t old, uint64_t len,
    uint64_t new) FW_REQUIRES(&mm->lock)
{
	uint64_t at = old, end = old + len, va;
	struct fw_frame *f;
	unsigned int prot;
	size_t i;
	int err;

	while (at < end) {
		i = vma_lower_bound(mm, at);
		if (i == mm->nvma || mm->vmas[i].start >= end)
			break;
		va = MAX(mm->vmas[i].start, at);
		at = MIN(mm->vmas[i].end, end);
		for (; va < at; va += FW_PAGE_SIZE) {
			if (fw_vm_query(mm->vm, fw_uaddr(va), &prot, &f) < 0)
				continue;
			err = fw_vm_map(mm->vm, fw_uaddr(va - old + new), f,
			    prot);
			fw_frame_unref(f);
			if (err < 0)
				return err;
		}
	}
	return 0;
}

/*
 * Populates (populate) or unmaps the pages of each part of [start, end) a
 * VMA covers whose VMA_SHARED bit equals shared: 0, or the first -ENOMEM.
 */
static int
mremap_each_locked(struct mm *mm, uint64_t start, uint64_t end, bool shared,
    bool populate) FW_REQUIRES(&mm->lock)
{
	size_t i;
	int err;

	for (i = vma_lower_bound(mm, start);
	    i < mm->nvma && mm->vmas[i].start < end; i++) {
		uint64_t s = MAX(mm->vmas[i].start, start);
		uint64_t e = MIN(mm->vmas[i].end, end);

		if (((mm->vmas[i].flags & VMA_SHARED) != 0) != shared)
			continue;
		if (!populate)
			fw_vm_unmap(mm->vm, fw_uaddr(s), e - s);
		else if ((err = mm_populate_locked(mm, s, e)) < 0)
			return err;
	}
	return 0;
}

/*
 * Moves the VMAs in [old, old + olen) and their frames to the free range
 * [new, new + nlen), nlen >= olen.  keep (MREMAP_DONTUNMAP, or the
 * duplication of a shared mapping) leaves the old VMAs: their private
 * pages go, their shared ones are populated first and then mapped in both
 * places.  new, or -ENOMEM with the map as it was.
 */
static long
mremap_move_locked(struct mm *mm, uint64_t old, uint64_t olen, uint64_t new,
    uint64_t nlen, bool keep) FW_REQUIRES(&mm->lock)
{
	int err;

	if (keep && (err = mremap_each_locked(mm, old, old + olen, true,
	    true)) < 0)
		return err;
	if ((err = mm_copy_vmas_locked(mm, old, olen, new, nlen)) < 0)
		return err;
	if ((err = mremap_move_pages_locked(mm, old, olen, new)) < 0) {
		/* The slot mm_copy_vmas_locked reserved: this cannot fail. */
		if (mm_remove_locked(mm, new, new + nlen) < 0)
			fw_panic("mremap: undo failed");
		mm_merge_locked(mm);
		return err;
	}
	if (!keep && mm_remove_locked(mm, old, old + olen) < 0)
		fw_panic("mremap: reserved slot missing");
	if (keep)
		(void)mremap_each_locked(mm, old, old + olen, false, false);
	mm_merge_locked(mm);
	return (long)new;
}

/*
 * MREMAP_FIXED without a change of size (Linux 6.17's move of several
 * VMAs): the range must start inside a VMA.
 */
static long
mremap_move_range_locked(struct mm *mm, const struct mremap_req *r)
	FW_REQUIRES(&mm->lock)
{
	int err;

	if (mm_find_locked(mm, r->addr) == NULL)
		return -EFAULT;
	if ((err = mm_remove_locked(mm, r->new_addr,
	    r->new_addr + r->new_len)) < 0)
		return err;
	return mremap_move_locked(mm, r->addr, r->old_len, r->new_addr,
	    r->new_len, r->flags & LINUX_MREMAP_DONTUNMAP);
}

/*
 * A move to a chosen or a free place (MREMAP_FIXED with a new size, or
 * MREMAP_DONTUNMAP) of the range starting in v: the target is cleared
 * first and a shrinking range loses its tail, as mremap_to() does; then
 * one VMA must hold the old range.
 */
static long
mremap_to_locked(struct mm *mm, struct mremap_req *r) FW_REQUIRES(&mm->lock)
{
	uint64_t new = r->new_addr;
	const struct vma *v;
	int err;

	if ((v = mm_find_locked(mm, r->addr)) == NULL)
		return -EFAULT;
	if (r->old_len == 0 && !(v->flags & VMA_SHARED))
		return -EINVAL;
	if (r->flags & LINUX_MREMAP_FIXED) {
		if ((err = mm_remove_locked(mm, new, new + r->new_len)) < 0)
			return err;
		if (r->old_len > r->new_len) {
			if ((err = mm_remove_locked(mm, r->addr + r->new_len,
			    r->addr + r->old_len)) < 0)
				return err;
			r->old_len = r->new_len;
		}
	}
	/* The removals may have moved v in the list. */
	if ((v = mm_find_locked(mm, r->addr)) == NULL ||
	    r->old_len > v->end - r->addr)
		return -EFAULT;
	if (!(r->flags & LINUX_MREMAP_FIXED) &&
	    (err = mm_find_free_locked(mm, new, r->new_len, &new)) < 0)
		return err;
	/* v and the cleared target are disjoint, so the copy is too. */
	if (r->old_len == 0)
		return mremap_move_locked(mm, r->addr,
		    MIN(r->new_len, v->end - r->addr), new, r->new_len, true);
	return mremap_move_locked(mm, r->addr, r->old_len, new, r->new_len,
	    r->flags & LINUX_MREMAP_DONTUNMAP);
}

/* Grows in place if the room after v is free, else moves if allowed. */
static long
mremap_grow_locked(struct mm *mm, const struct mremap_req *r,
    const struct vma *v) FW_REQUIRES(&mm->lock)
{
	uint64_t end = r->addr + r->new_len, olen = r->old_len, new;
	unsigned int prot = v->prot, flags = v->flags;
	int err;

	if (r->addr + olen == v->end && end <= fw_vm_user_top() &&
	    !mm_busy_locked(mm, v->end, end)) {
		if ((err = mm_insert_locked(mm, v->end, end, prot, flags)) < 0)
			return err;
		return (long)r->addr;
	}
	if (!(r->flags & LINUX_MREMAP_MAYMOVE))
		return -ENOMEM;
	/* RLIMIT_AS on what the move adds (vma_to_resize). */
	if (!mm_may_expand_locked(mm, r->addr + olen, r->addr + r->new_len))
		return -ENOMEM;
	if ((err = mm_find_free_locked(mm, 0, r->new_len, &new)) < 0)
		return err;
	/* old_size 0 duplicates a shared mapping: copy what overlaps it. */
	if (olen == 0)
		return mremap_move_locked(mm, r->addr,
		    MIN(r->new_len, v->end - r->addr), new, r->new_len, true);
	return mremap_move_locked(mm, r->addr, olen, new, r->new_len, false);
}

static long
mremap_locked(struct mm *mm, struct mremap_req *r) FW_REQUIRES(&mm->lock)
{
	const struct vma *v;
	int err;

	if ((r->flags & LINUX_MREMAP_FIXED) && r->old_len == r->new_len)
		return mremap_move_range_locked(mm, r);
	if (r->flags & MREMAP_NEWADDR)
		return mremap_to_locked(mm, r);
	if ((v = mm_find_locked(mm, r->addr)) == NULL)
		return -EFAULT;
	if (r->old_len == 0 && !(v->flags & VMA_SHARED))
		return -EINVAL;
	/* Shrinking only unmaps the tail, whatever VMAs it spans. */
	if (r->old_len >= r->new_len) {
		if (r->old_len > r->new_len && (err = mm_remove_locked(mm,
		    r->addr + r->new_len, r->addr + r->old_len)) < 0)
			return err;
		return (long)r->addr;
	}
	if (r->old_len > v->end - r->addr)
		return -EFAULT;
	return mremap_grow_locked(mm, r, v);
}

SYSCALL(mremap)
{
	struct mm *mm = t->proc->mm;
	struct mremap_req r;
	long ret;
	int err;

	if ((err = mremap_decode(a, &r)) < 0)
		return err;
	fw_mutex_lock(&mm->lock);
	ret = mremap_locked(mm, &r);
	fw_mutex_unlock(&mm->lock);
	return ret;
}
