/*
 * mm/sys_mprotect.c: mprotect(2).  Splits and merges VMAs and changes the
 * pages already present; absent ones get the new prot when they fault.
 * PROT_SEM is accepted and ignored; PROT_GROWSDOWN extends the range down
 * to the start of its VMA_GROWSDOWN area; PROT_GROWSUP is accepted (no
 * area grows up on x86-64).  Locks: mm->lock.
 */
#include <fw/errno.h>
#include <fw/vm.h>
#include <svc/mm.h>
#include <svc/proc.h>
#include <svc/syscall.h>
#include <uapi/mman.h>

#define MPROTECT_RWX	(LINUX_PROT_READ | LINUX_PROT_WRITE | LINUX_PROT_EXEC)
#define MPROTECT_VALID	(MPROTECT_RWX | LINUX_PROT_SEM | \
			 LINUX_PROT_GROWSDOWN | LINUX_PROT_GROWSUP)

/*
 * PROT_GROWSDOWN: the range starts where the first VMA ending above start
 * does, which must grow down (mprotect_fixup()'s caller).  0 or -errno.
 */
static int
mprotect_growsdown_locked(struct mm *mm, uint64_t *start, uint64_t end)
	FW_REQUIRES(&mm->lock)
{
	size_t i = vma_lower_bound(mm, *start);

	if (i == mm->nvma || mm->vmas[i].start >= end)
		return -ENOMEM;
	if (!(mm->vmas[i].flags & VMA_GROWSDOWN))
		return -EINVAL;
	*start = mm->vmas[i].start;
	return 0;
}

SYSCALL(mprotect)
{
	struct mm *mm = t->proc->mm;
	uint64_t start = a->a[0], len = a->a[1], prot = a->a[2], end;
	int err;

	if (start % FW_PAGE_SIZE != 0)
		return -EINVAL;
	if ((prot & ~(uint64_t)MPROTECT_VALID) != 0 ||
	    (prot & (LINUX_PROT_GROWSDOWN | LINUX_PROT_GROWSUP)) ==
	    (LINUX_PROT_GROWSDOWN | LINUX_PROT_GROWSUP))
		return -EINVAL;
	if (len == 0)
		return 0;
	len = fw_page_up(len);
	end = start + len;
	if (len == 0 || end <= start || end > fw_vm_user_top())
		return -ENOMEM;
	fw_mutex_lock(&mm->lock);
	err = 0;
	if (prot & LINUX_PROT_GROWSDOWN)
		err = mprotect_growsdown_locked(mm, &start, end);
	if (err == 0)
		err = mm_protect_locked(mm, start, end,
		    (unsigned int)(prot & MPROTECT_RWX));
	fw_mutex_unlock(&mm->lock);
	return err;
}
