/*
 * mm/vma.c: the VMA list of a struct mm, a sorted array of disjoint
 * page-aligned ranges.  Every operation reserves the slots it may need
 * before it changes anything, so an error leaves the list as it was, and
 * adjacent VMAs with equal prot and flags are merged after each change.
 *
 * Interface: mm_insert_locked, mm_remove_locked, mm_protect_locked,
 * mm_busy_locked, mm_covers_locked, mm_find_free_locked,
 * mm_copy_vmas_locked, mm_set_flags_locked, mm_merge_locked (svc/mm.h).
 * Placement keeps Linux's stack_guard_gap free below VMA_GROWSDOWN areas.
 * Locks: every function here requires mm->lock.
 */
#include <fw/alloc.h>
#include <fw/errno.h>
#include <fw/panic.h>
#include <fw/string.h>
#include <fw/vm.h>
#include <svc/file.h>
#include <svc/lib.h>
#include <svc/mm.h>
#include <uapi/mman.h>
#include <uapi/resource.h>
#include "mm_impl.h"

size_t
vma_lower_bound(const struct mm *mm, uint64_t addr)
{
	size_t lo = 0, hi = mm->nvma;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (mm->vmas[mid].end <= addr)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Makes room for extra more VMAs: 0, or -ENOMEM. */
static int
vma_reserve(struct mm *mm, size_t extra)
{
	struct vma *nv;
	size_t cap;

	if (mm->nvma + extra <= mm->cap)
		return 0;
	if (mm->nvma + extra > MM_MAX_VMAS)
		return -ENOMEM;
	cap = MAX(mm->cap * 2, mm->nvma + extra);
	cap = MAX(cap, (size_t)8);
	if ((nv = fw_realloc(mm->vmas, cap * sizeof(*nv))) == NULL)
		return -ENOMEM;
	mm->vmas = nv;
	mm->cap = cap;
	return 0;
}

/* What a VMA holds on its file: a reference, and a shared-write count. */
void
vma_file_hold(const struct vma *v)
{
	if (v->file == NULL)
		return;
	file_ref(v->file);
	file_maps_get(v->file, (v->flags & (VMA_SHARED | VMA_MAYWRITE)) ==
	    (VMA_SHARED | VMA_MAYWRITE));
}

void
vma_file_drop(const struct vma *v)
{
	if (v->file == NULL)
		return;
	file_maps_put(v->file, (v->flags & (VMA_SHARED | VMA_MAYWRITE)) ==
	    (VMA_SHARED | VMA_MAYWRITE));
	file_unref(v->file);
}

/* Inserts v at index i (a new hold on its file); slot reserved. */
static void
vma_insert_at(struct mm *mm, size_t i, const struct vma *v)
{
	memmove(&mm->vmas[i + 1], &mm->vmas[i],
	    (mm->nvma - i) * sizeof(*v));
	mm->vmas[i] = *v;
	vma_file_hold(v);
	mm->nvma++;
}

/* Drops the VMAs [i, i + n), and their holds on files. */
static void
vma_delete_at(struct mm *mm, size_t i, size_t n)
{
	size_t k;

	for (k = i; k < i + n; k++)
		vma_file_drop(&mm->vmas[k]);
	memmove(&mm->vmas[i], &mm->vmas[i + n],
	    (mm->nvma - i - n) * sizeof(struct vma));
	mm->nvma -= n;
}

/* Splits the VMA at index i at addr (strictly inside it); slot reserved. */
static void
vma_split(struct mm *mm, size_t i, uint64_t addr)
{
	struct vma hi = mm->vmas[i];

	if (hi.file != NULL)
		hi.pgoff += (addr - hi.start) / FW_PAGE_SIZE;
	hi.start = addr;
	mm->vmas[i].end = addr;
	vma_insert_at(mm, i + 1, &hi);
}

void
mm_merge_locked(struct mm *mm)
{
	size_t i = 0;

	while (i + 1 < mm->nvma) {
		struct vma *a = &mm->vmas[i], *b = &mm->vmas[i + 1];

		if (a->end == b->start && a->prot == b->prot &&
		    a->flags == b->flags && a->file == b->file &&
		    (a->file == NULL || a->pgoff + (a->end - a->start) /
		    FW_PAGE_SIZE == b->pgoff)) {
			a->end = b->end;
			vma_delete_at(mm, i + 1, 1);
		} else
			i++;
	}
}

bool
mm_busy_locked(struct mm *mm, uint64_t start, uint64_t end)
{
	size_t i = vma_lower_bound(mm, start);

	return i < mm->nvma && mm->vmas[i].start < end;
}

bool
mm_may_expand_locked(struct mm *mm, uint64_t start, uint64_t end)
{
	uint64_t total = 0, lo, hi;
	size_t i;

	if (mm->as_rlimit == LINUX_RLIM_INFINITY)
		return true;
	for (i = 0; i < mm->nvma; i++) {
		total += mm->vmas[i].end - mm->vmas[i].start;
		lo = MAX(mm->vmas[i].start, start);
		hi = MIN(mm->vmas[i].end, end);
		if (lo < hi)
			total -= hi - lo;	/* replaced, not added */
	}
	return total + (end - start) <= mm->as_rlimit;
}

int
mm_insert_locked(struct mm *mm, uint64_t start, uint64_t end,
    unsigned int prot, unsigned int flags)
{
	return mm_insert_file_locked(mm, start, end, prot, flags, NULL, 0);
}

int
mm_insert_file_locked(struct mm *mm, uint64_t start, uint64_t end,
    unsigned int prot, unsigned int flags, struct file *f, uint64_t pgoff)
{
	struct vma v = { start, end, prot, flags, f, pgoff };
	int err;

	FW_ASSERT(start < end && (start | end) % FW_PAGE_SIZE == 0);
	if (mm_busy_locked(mm, start, end))
		return -EEXIST;
	if (!mm_may_expand_locked(mm, start, end))
		return -ENOMEM;		/* RLIMIT_AS */
	if ((err = vma_reserve(mm, 1)) < 0)
		return err;
	vma_insert_at(mm, vma_lower_bound(mm, start), &v);
	mm_merge_locked(mm);
	return 0;
}

int
mm_remove_locked(struct mm *mm, uint64_t start, uint64_t end)
{
	size_t i, j;
	int err;

	FW_ASSERT(start < end && (start | end) % FW_PAGE_SIZE == 0);
	if ((err = vma_reserve(mm, 1)) < 0)
		return err;
	i = vma_lower_bound(mm, start);
	if (i < mm->nvma && mm->vmas[i].start < start) {
		if (mm->vmas[i].end > end)
			vma_split(mm, i, end);	/* a hole in one VMA */
		mm->vmas[i].end = start;
		i++;
	}
	for (j = i; j < mm->nvma && mm->vmas[j].end <= end; j++)
		continue;
	vma_delete_at(mm, i, j - i);
	if (i < mm->nvma && mm->vmas[i].start < end) {
		if (mm->vmas[i].file != NULL)
			mm->vmas[i].pgoff += (end - mm->vmas[i].start) /
			    FW_PAGE_SIZE;
		mm->vmas[i].start = end;
	}
	fw_vm_unmap(mm->vm, fw_uaddr(start), end - start);
	return 0;
}

bool
mm_covers_locked(struct mm *mm, uint64_t start, uint64_t end)
{
	size_t i = vma_lower_bound(mm, start);
	uint64_t at = start;

	for (; i < mm->nvma && at < end; i++) {
		if (mm->vmas[i].start > at)
			return false;
		at = mm->vmas[i].end;
	}
	return at >= end;
}

int
mm_protect_locked(struct mm *mm, uint64_t start, uint64_t end,
    unsigned int prot)
{
	size_t i;
	int err;

	FW_ASSERT(start < end && (start | end) % FW_PAGE_SIZE == 0);
	if (!mm_covers_locked(mm, start, end))
		return -ENOMEM;
	/*
	 * A shared mapping of a file opened read-only stays so (EACCES), and
	 * so do the vDSO and the time page, whose frames every process shares.
	 */
	for (i = vma_lower_bound(mm, start); (prot & LINUX_PROT_WRITE) &&
	    i < mm->nvma && mm->vmas[i].start < end; i++) {
		if ((mm->vmas[i].file != NULL &&
		    (mm->vmas[i].flags & VMA_SHARED) &&
		    !(mm->vmas[i].flags & VMA_MAYWRITE)) ||
		    (mm->vmas[i].flags & VMA_SPECIAL))
			return -EACCES;
	}
	if ((err = vma_reserve(mm, 2)) < 0)
		return err;
	i = vma_lower_bound(mm, start);
	if (mm->vmas[i].start < start)
		vma_split(mm, i++, start);
	for (; i < mm->nvma && mm->vmas[i].start < end; i++) {
		if (mm->vmas[i].end > end)
			vma_split(mm, i, end);
		mm->vmas[i].prot = prot;
		/* Pages that may be shared copy-on-write stay read-only. */
		fw_vm_protect(mm->vm, fw_uaddr(mm->vmas[i].start),
		    mm->vmas[i].end - mm->vmas[i].start,
		    mm_page_prot_locked(mm, &mm->vmas[i]));
	}
	mm_merge_locked(mm);
	return 0;
}

int
mm_copy_vmas_locked(struct mm *mm, uint64_t old, uint64_t olen, uint64_t new,
    uint64_t nlen)
{
	size_t i = vma_lower_bound(mm, old), j, k, n;
	uint64_t oend = old + olen;
	int err;

	for (k = 0; i + k < mm->nvma && mm->vmas[i + k].start < oend; k++)
		continue;
	FW_ASSERT(k > 0 && nlen >= olen &&
	    !mm_busy_locked(mm, new, new + nlen));
	if ((err = vma_reserve(mm, k + 1)) < 0)
		return err;
	/* The copies go in as one block where new sorts; originals may move. */
	j = vma_lower_bound(mm, new);
	memmove(&mm->vmas[j + k], &mm->vmas[j],
	    (mm->nvma - j) * sizeof(struct vma));
	mm->nvma += k;
	if (i >= j)
		i += k;
	for (n = 0; n < k; n++) {
		struct vma v = mm->vmas[i + n];

		if (v.file != NULL)
			v.pgoff += (MAX(v.start, old) - v.start) / FW_PAGE_SIZE;
		vma_file_hold(&v);
		v.start = MAX(v.start, old) - old + new;
		v.end = MIN(v.end, oend) - old + new;
		v.flags &= ~(VMA_HEAP | VMA_STACK);
		mm->vmas[j + n] = v;
	}
	mm->vmas[j + k - 1].end = new + nlen;
	return 0;
}

int
mm_set_flags_locked(struct mm *mm, uint64_t start, uint64_t end,
    unsigned int set, unsigned int clear)
{
	size_t i;
	int err;

	FW_ASSERT(start < end && (start | end) % FW_PAGE_SIZE == 0);
	if ((err = vma_reserve(mm, 2)) < 0)
		return err;
	i = vma_lower_bound(mm, start);
	if (i < mm->nvma && mm->vmas[i].start < start)
		vma_split(mm, i++, start);
	for (; i < mm->nvma && mm->vmas[i].start < end; i++) {
		if (mm->vmas[i].end > end)
			vma_split(mm, i, end);
		mm->vmas[i].flags = (mm->vmas[i].flags | set) & ~clear;
	}
	mm_merge_locked(mm);
	return 0;
}

/*
 * Where v's room starts for placing others: a VMA_GROWSDOWN area keeps
 * stack_guard_gap below it free (Linux's vm_start_gap()).
 */
static uint64_t
vma_start_gap(const struct vma *v)
{
	if (!(v->flags & VMA_GROWSDOWN))
		return v->start;
	if (v->start <= MM_STACK_GUARD_GAP)
		return 0;
	return v->start - MM_STACK_GUARD_GAP;
}

/* Whether [start, end) is free, guard gaps included. */
static bool
vma_room(const struct mm *mm, uint64_t start, uint64_t end)
{
	size_t i = vma_lower_bound(mm, start);

	return i == mm->nvma || vma_start_gap(&mm->vmas[i]) >= end;
}

/* The highest free gap of len bytes within [lo, hi): 0 and *addr, or -ENOMEM. */
static int
vma_gap_topdown(const struct mm *mm, uint64_t lo, uint64_t hi, uint64_t len,
    uint64_t *addr)
{
	size_t i;

	for (i = mm->nvma + 1; i-- > 0;) {
		uint64_t gs = i == 0 ? lo : MAX(mm->vmas[i - 1].end, lo);
		uint64_t ge = i == mm->nvma ? hi :
		    MIN(vma_start_gap(&mm->vmas[i]), hi);

		if (ge > gs && ge - gs >= len) {
			*addr = ge - len;
			return 0;
		}
	}
	return -ENOMEM;
}

/* The lowest free gap of len bytes within [lo, hi). */
static int
vma_gap_bottomup(const struct mm *mm, uint64_t lo, uint64_t hi, uint64_t len,
    uint64_t *addr)
{
	size_t i;

	for (i = 0; i <= mm->nvma; i++) {
		uint64_t gs = i == 0 ? lo : MAX(mm->vmas[i - 1].end, lo);
		uint64_t ge = i == mm->nvma ? hi :
		    MIN(vma_start_gap(&mm->vmas[i]), hi);

		if (ge > gs && ge - gs >= len) {
			*addr = gs;
			return 0;
		}
	}
	return -ENOMEM;
}

int
mm_find_free_locked(struct mm *mm, uint64_t hint, uint64_t len,
    uint64_t *addr)
{
	uint64_t top = fw_vm_user_top();

	if (len == 0 || len > top - MM_MIN_ADDR)
		return -ENOMEM;
	if (hint != 0 && hint <= top - len) {
		hint = MAX(fw_page_up(hint), MM_MIN_ADDR);
		if (hint <= top - len && vma_room(mm, hint, hint + len)) {
			*addr = hint;
			return 0;
		}
	}
	if (vma_gap_topdown(mm, MM_MIN_ADDR, mm->mmap_base, len, addr) == 0)
		return 0;
	return vma_gap_bottomup(mm, MM_MIN_ADDR, top, len, addr);
}
