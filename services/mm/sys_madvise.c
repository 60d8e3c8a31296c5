/*
 * mm/sys_madvise.c: madvise(2).  Hints about access patterns, huge pages,
 * merging, dumps and page-out are accepted and do nothing.  MADV_DONTNEED
 * and MADV_FREE drop the pages of private anonymous memory, which reads
 * zero afterwards; shared memory keeps its frames, as shmem keeps its
 * pages, and so do ELF segments (Linux would re-read the file).
 * MADV_REMOVE zeroes shared memory for every process mapping it.
 * MADV_DONTFORK/DOFORK and WIPEONFORK/KEEPONFORK set VMA flags that fork
 * (mm/cow.c) obeys, and MADV_POPULATE_READ/WRITE fault pages in.  As in
 * Linux, unmapped parts of the range are skipped and earn -ENOMEM at the
 * end; a VMA the advice does not fit earns -EINVAL (-EACCES for REMOVE of
 * a read-only mapping), checked before anything is done.
 * Locks: mm->lock.
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

/* What an advice does. */
enum madv_kind {
	MADV_K_INVALID,
	MADV_K_HINT,		/* nothing */
	MADV_K_DROP,		/* DONTNEED, DONTNEED_LOCKED, FREE */
	MADV_K_REMOVE,
	MADV_K_FLAGS,		/* DONTFORK, DOFORK, WIPEONFORK, KEEPONFORK */
	MADV_K_POPULATE,	/* POPULATE_READ, POPULATE_WRITE */
};

static enum madv_kind
madv_kind(uint64_t advice)
{
	switch (advice) {
	case LINUX_MADV_NORMAL: case LINUX_MADV_RANDOM:
	case LINUX_MADV_SEQUENTIAL: case LINUX_MADV_WILLNEED:
	case LINUX_MADV_MERGEABLE: case LINUX_MADV_UNMERGEABLE:
	case LINUX_MADV_HUGEPAGE: case LINUX_MADV_NOHUGEPAGE:
	case LINUX_MADV_DONTDUMP: case LINUX_MADV_DODUMP:
	case LINUX_MADV_COLD: case LINUX_MADV_PAGEOUT:
		return MADV_K_HINT;
	case LINUX_MADV_DONTNEED: case LINUX_MADV_DONTNEED_LOCKED:
	case LINUX_MADV_FREE:
		return MADV_K_DROP;
	case LINUX_MADV_REMOVE:
		return MADV_K_REMOVE;
	case LINUX_MADV_DONTFORK: case LINUX_MADV_DOFORK:
	case LINUX_MADV_WIPEONFORK: case LINUX_MADV_KEEPONFORK:
		return MADV_K_FLAGS;
	case LINUX_MADV_POPULATE_READ: case LINUX_MADV_POPULATE_WRITE:
		return MADV_K_POPULATE;
	default:
		return MADV_K_INVALID;
	}
}

/* Whether advice fits v: 0, -EINVAL or -EACCES (madvise_vma_behavior()). */
static int
madv_check(const struct vma *v, uint64_t advice)
{
	bool priv_anon = !(v->flags & (VMA_SHARED | VMA_IMAGE));

	switch (advice) {
	case LINUX_MADV_FREE:
	case LINUX_MADV_WIPEONFORK:
		return priv_anon ? 0 : -EINVAL;
	case LINUX_MADV_REMOVE:
		if (!(v->flags & VMA_SHARED))
			return -EINVAL;
		return (v->prot & LINUX_PROT_WRITE) ? 0 : -EACCES;
	case LINUX_MADV_POPULATE_READ:
		return v->prot != LINUX_PROT_NONE ? 0 : -EINVAL;
	case LINUX_MADV_POPULATE_WRITE:
		return (v->prot & LINUX_PROT_WRITE) ? 0 : -EINVAL;
	default:
		return 0;
	}
}

/* Zeroes the frames present in [s, e) of a shared VMA (MADV_REMOVE). */
static void
madv_zero_locked(struct mm *mm, uint64_t s, uint64_t e)
	FW_REQUIRES(&mm->lock)
{
	struct fw_frame *f;
	unsigned int prot;

	for (; s < e; s += FW_PAGE_SIZE) {
		if (fw_vm_query(mm->vm, fw_uaddr(s), &prot, &f) < 0)
			continue;
		if (fw_frame_zero(f, 0, FW_PAGE_SIZE) < 0)
			fw_panic("madvise: a frame is a page");
		fw_frame_unref(f);
	}
}

/*
 * Faults in [s, e) of v: absent pages get zeroed frames, and for a write
 * the present read-only ones of a private VMA are copied or taken over.
 */
static int
madv_populate_locked(struct mm *mm, const struct vma *v, uint64_t s,
    uint64_t e, bool write) FW_REQUIRES(&mm->lock)
{
	unsigned int prot;
	int err;

	if ((err = mm_populate_locked(mm, s, e)) < 0)
		return err;
	for (; write && s < e; s += FW_PAGE_SIZE)
		if (fw_vm_query(mm->vm, fw_uaddr(s), &prot, NULL) == 0 &&
		    !(prot & LINUX_PROT_WRITE) &&
		    (err = mm_cow_break_locked(mm, s, v->prot)) < 0)
			return err;
	return 0;
}

/* Does advice to the part [s, e) of v. */
static int
madv_apply_locked(struct mm *mm, const struct vma *v, uint64_t s, uint64_t e,
    uint64_t advice) FW_REQUIRES(&mm->lock)
{
	switch (madv_kind(advice)) {
	case MADV_K_DROP:
		if (!(v->flags & (VMA_SHARED | VMA_IMAGE)))
			fw_vm_unmap(mm->vm, fw_uaddr(s), e - s);
		return 0;
	case MADV_K_REMOVE:
		madv_zero_locked(mm, s, e);
		return 0;
	case MADV_K_POPULATE:
		return madv_populate_locked(mm, v, s, e,
		    advice == LINUX_MADV_POPULATE_WRITE);
	default:
		return 0;
	}
}

/* The VMA_* bits advice sets and clears. */
static void
madv_flags(uint64_t advice, unsigned int *set, unsigned int *clear)
{
	*set = *clear = 0;
	if (advice == LINUX_MADV_DONTFORK)
		*set = VMA_DONTFORK;
	else if (advice == LINUX_MADV_DOFORK)
		*clear = VMA_DONTFORK;
	else if (advice == LINUX_MADV_WIPEONFORK)
		*set = VMA_WIPEONFORK;
	else
		*clear = VMA_WIPEONFORK;
}

static int
madvise_locked(struct mm *mm, uint64_t start, uint64_t end, uint64_t advice)
	FW_REQUIRES(&mm->lock)
{
	unsigned int set, clear;
	size_t i;
	int err;

	for (i = vma_lower_bound(mm, start);
	    i < mm->nvma && mm->vmas[i].start < end; i++)
		if ((err = madv_check(&mm->vmas[i], advice)) < 0)
			return err;
	if (madv_kind(advice) == MADV_K_FLAGS) {
		madv_flags(advice, &set, &clear);
		if ((err = mm_set_flags_locked(mm, start, end, set, clear)) < 0)
			return err;
	}
	for (i = vma_lower_bound(mm, start);
	    i < mm->nvma && mm->vmas[i].start < end; i++) {
		const struct vma *v = &mm->vmas[i];

		if ((err = madv_apply_locked(mm, v, MAX(v->start, start),
		    MIN(v->end, end), advice)) < 0)
			return err;
	}
	return mm_covers_locked(mm, start, end) ? 0 : -ENOMEM;
}

SYSCALL(madvise)
{
	struct mm *mm = t->proc->mm;
	uint64_t start = a->a[0], len = a->a[1], advice = a->a[2], end;
	int err;

	if (madv_kind(advice) == MADV_K_INVALID)
		return -EINVAL;
	if (start % FW_PAGE_SIZE != 0)
		return -EINVAL;
	end = start + fw_page_up(len);
	if ((len != 0 && fw_page_up(len) == 0) || end < start)
		return -EINVAL;
	if (end == start)
		return 0;
	fw_mutex_lock(&mm->lock);
	err = madvise_locked(mm, start, end, advice);
	fw_mutex_unlock(&mm->lock);
	return err;
}
