/*
 * core/vm_impl.h: the vm internals the backends use.  Never included by
 * services.
 */
#ifndef FW_VM_IMPL_H
#define FW_VM_IMPL_H

#include <fw/vm.h>

struct hal_space;

/*
 * The backend reports that user code touched va with access and the
 * hardware (or host) mapping did not allow it.  If vm's page table allows
 * it, maps a run of pages around va through hal_space_map() (under the vm
 * lock, so it is ordered before any later revoke) and returns true: the
 * backend resumes the thread.  Otherwise returns false: the fault goes to
 * the services as an exception.
 */
bool			 fw_vm_resolve(struct fw_vm *vm, uint64_t va,
			    unsigned int access);
/*
 * The backend state of vm (set by fw_vm_new() through hal_space_new()):
 * NULL for an heir still waiting, and for a vm whose space went to its
 * heir (fw_vm_succeed()).  Takes no lock.
 */
struct hal_space	*fw_vm_space(struct fw_vm *vm);

/*
 * The physical address of vm's top-level page table, for a backend whose
 * MMU walks the core's tables itself (bare metal).  Fixed for vm's life.
 */
uint64_t		 fw_vm_root(const struct fw_vm *vm);
/*
 * For core/uaccess.c: if va's page allows access to user code (reads need
 * the page present, writes present and writable), *f gets a new reference
 * to its frame and the result is 0; otherwise -EFAULT.
 */
FW_MUST_CHECK int	 fw_vm_user_frame(struct fw_vm *vm, uint64_t va,
			    unsigned int access, struct fw_frame **f);
/*
 * Calls vm's fault handler for (va, access) without the vm lock held: its
 * result, or -EFAULT when there is none.  On success the backend gets the
 * present pages of va's window it lacks (fw_vm_prefault_range()).
 */
FW_MUST_CHECK int	 fw_vm_fault(struct fw_vm *vm, uint64_t va,
			    unsigned int access);

#endif
