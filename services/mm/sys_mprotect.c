/*
 * mm/sys_mprotect.c: mprotect(2).  Splits and merges VMAs and changes the
 * pages already present; absent ones get the new prot when they fault.
 * PROT_SEM is accepted and ignored; PROT_GROWSDOWN/GROWSUP are accepted
 * but do not extend the range yet.  Locks: mm->lock.
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
	err = mm_protect_locked(mm, start, end,
	    (unsigned int)(prot & MPROTECT_RWX));
	fw_mutex_unlock(&mm->lock);
	return err;
}
