/*
 * mm/sys_msync.c: msync(2) (mm/msync.c).  A file's pages are its page
 * cache here and the page cache is the file (ramfs), so a shared mapping
 * is always in sync: what is left are Linux's answers: EINVAL for unknown
 * flags, MS_ASYNC with MS_SYNC, or an unaligned start; ENOMEM when part of
 * the range is not mapped (after the rest is done); 0 for an empty range.
 * Pages locked with mlock(2) would make MS_INVALIDATE EBUSY; nothing locks
 * pages here.
 *
 * Locks: mm->lock to look at the VMAs.
 */
#include <fw/errno.h>
#include <svc/mm.h>
#include <svc/proc.h>
#include <svc/syscall.h>
#include <uapi/mman.h>

SYSCALL(msync)
{
	uint64_t start = a->a[0], len = a->a[1], end;
	uint64_t flags = a->a[2];
	struct mm *mm = t->proc->mm;
	bool covered;

	if (flags & ~(uint64_t)(LINUX_MS_ASYNC | LINUX_MS_INVALIDATE |
	    LINUX_MS_SYNC))
		return -EINVAL;
	if (start % FW_PAGE_SIZE != 0)
		return -EINVAL;
	if ((flags & LINUX_MS_ASYNC) && (flags & LINUX_MS_SYNC))
		return -EINVAL;
	/* PAGE_ALIGN wraps for a huge len, as Linux's does. */
	end = start + ((len + FW_PAGE_SIZE - 1) & ~(uint64_t)(FW_PAGE_SIZE - 1));
	if (end < start)
		return -ENOMEM;
	if (end == start)
		return 0;
	fw_mutex_lock(&mm->lock);
	covered = mm_covers_locked(mm, start, end);
	fw_mutex_unlock(&mm->lock);
	return covered ? 0 : -ENOMEM;
}
