/*
 * mm/sys_brk.c: brk(2).  The break moves within a VMA_HEAP area that
 * starts at mm->brk_start (the page after the program's highest segment).
 * Linux's raw syscall returns the new break, or the old one on failure.
 * Locks: mm->lock.
 */
#include <fw/vm.h>
#include <svc/lib.h>
#include <svc/mm.h>
#include <svc/proc.h>
#include <svc/syscall.h>
#include <uapi/mman.h>

/*
 * Moves the break to newbrk; returns the break afterwards.  A grown break
 * gets its first fault window backed at once, host mapping included:
 * malloc writes its top chunk's header there as soon as brk returns, and
 * the fault would map the same pages a round trip later.  A page that
 * cannot be had now is left to the fault handler.
 */
static uint64_t
mm_brk_locked(struct mm *mm, uint64_t newbrk) FW_REQUIRES(&mm->lock)
{
	uint64_t oldp, newp;

	if (newbrk < mm->brk_start || newbrk > mm->mmap_base)
		return mm->brk;
	oldp = fw_page_up(mm->brk);
	newp = fw_page_up(newbrk);
	if (newp < oldp && mm_remove_locked(mm, newp, oldp) < 0)
		return mm->brk;
	if (newp > oldp && mm_insert_locked(mm, oldp, newp,
	    LINUX_PROT_READ | LINUX_PROT_WRITE, VMA_ANON | VMA_HEAP) < 0)
		return mm->brk;
	mm->brk = newbrk;
	if (newp > oldp) {
		newp = MIN(newp, oldp + MM_FAULT_WINDOW * FW_PAGE_SIZE);
		mm_prepopulate_locked(mm, oldp, newp);
		fw_vm_prefault_range(mm->vm, fw_uaddr(oldp), newp - oldp);
	}
	return newbrk;
}

SYSCALL(brk)
{
	struct mm *mm = t->proc->mm;
	uint64_t cur;

	fw_mutex_lock(&mm->lock);
	cur = mm_brk_locked(mm, a->a[0]);
	fw_mutex_unlock(&mm->lock);
	return (long)cur;
}
