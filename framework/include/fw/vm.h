/*
 * fw/vm.h: user address spaces.  A struct fw_vm is a page table in the
 * x86-64 format (the same code on every backend) plus whatever the backend
 * needs to make it real: on the simulator a host stub process whose host
 * mappings cache the table.  Mapping a page takes a reference to its frame;
 * unmapping drops it only after the hardware (or the host) can no longer
 * reach the page, so an unmap or downgrade is complete when the call returns.
 * New mappings and upgrades may reach the hardware lazily.
 *
 * Locks: each vm has an internal lock; every call may come from any task.
 * The fault handler is called without that lock held.
 */
#ifndef FW_VM_H
#define FW_VM_H

#include <fw/types.h>

struct fw_vm;					/* opaque, counted */
struct fw_frame;
struct fw_uthread;

#define FW_PROT_READ	0x1u
#define FW_PROT_WRITE	0x2u
#define FW_PROT_EXEC	0x4u

/* Kinds of access, for fault handlers. */
#define FW_ACCESS_READ	0x1u
#define FW_ACCESS_WRITE	0x2u
#define FW_ACCESS_EXEC	0x4u

/*
 * The services' page-fault handler: makes addr accessible for access (maps a
 * frame, copies on write) and returns 0, or returns -EFAULT (or another
 * -errno) when the access is invalid.  May sleep.  owner is the pointer
 * given to fw_vm_set_fault_handler().
 */
typedef int (*fw_fault_fn)(void *owner, struct fw_vm *vm, fw_uaddr_t addr,
    unsigned int access);

/* Creates an empty address space; *out gets the only reference.  -ENOMEM. */
FW_MUST_CHECK int	 fw_vm_new(struct fw_vm **out);
struct fw_vm		*fw_vm_ref(struct fw_vm *vm);		/* +1 */
void			 fw_vm_unref(struct fw_vm *vm);		/* -1, NULL ok */
/*
 * Exec's vm, to replace one that no other process uses.  Where the backend
 * reuses address spaces (the simulator: each is a host process), it has
 * none of its own and fw_vm_succeed() later hands it the old vm's; until
 * then it can be filled, read and written as any vm, but no thread can be
 * made in it.  Elsewhere it is fw_vm_new()'s.  *out gets the only
 * reference.  -ENOMEM.
 */
FW_MUST_CHECK int	 fw_vm_new_heir(struct fw_vm **out);
/* Whether vm is an heir still waiting for a space (fw_vm_new_heir()). */
bool			 fw_vm_awaits_space(struct fw_vm *vm);
/*
 * An heir whose old vm turned out to be shared gets a space of its own:
 * 0 (also when it has one), -ENOMEM, -EAGAIN.
 */
FW_MUST_CHECK int	 fw_vm_give_space(struct fw_vm *vm);
/*
 * The point of no return of an exec: heir (waiting for a space) takes
 * old's, and t, the one user thread left in it, runs heir from now on.
 * Before this returns, nothing old mapped is reachable through the space
 * any more and heir's present pages are handed to it.  old keeps its pages,
 * reached through its table only (user copies work; no thread can run in
 * it).  The caller guarantees that no other thread runs in old, and resets
 * t's registers and FP state.  Cannot fail.
 */
void			 fw_vm_succeed(struct fw_vm *heir, struct fw_vm *old,
			    struct fw_uthread *t);
/*
 * Injects the fault handler used by fw/uaccess.h copies and by the backend;
 * NULL removes it (faults then fail with -EFAULT).  owner is borrowed: the
 * caller keeps it alive until it removes the handler.
 */
void			 fw_vm_set_fault_handler(struct fw_vm *vm,
			    fw_fault_fn fn, void *owner);
/* The first address above user space (TASK_SIZE); user space starts at 0. */
uint64_t		 fw_vm_user_top(void);
/*
 * Maps frame f at the page va with prot, replacing (and unreferencing) what
 * was there.  Takes its own reference to f.  -EINVAL for an unaligned or
 * out-of-range va, -ENOMEM when page-table frames run out.
 */
FW_MUST_CHECK int	 fw_vm_map(struct fw_vm *vm, fw_uaddr_t va,
			    struct fw_frame *f, unsigned int prot);
/* Unmaps every page in [va, va+len) (page-rounded); absent pages are skipped. */
void			 fw_vm_unmap(struct fw_vm *vm, fw_uaddr_t va,
			    uint64_t len);
/*
 * After the fault handler mapped the page at va for access: makes the
 * backend map it (and its neighbours, as a retried access would) before
 * the thread next runs, which spares the thread that second fault.  A
 * hint: nothing happens if the page table does not allow access.  Takes
 * vm's lock.
 */
void			 fw_vm_prefault(struct fw_vm *vm, fw_uaddr_t va,
			    unsigned int access);
/*
 * Makes the backend map every present page of [va, va+len) it does not
 * map yet, before vm's threads next run: for a vm just filled with pages
 * its threads will touch at once (a forked child), where each page left
 * out would cost a fault.  Moves no page and changes no right.  Takes
 * vm's lock.
 */
void			 fw_vm_prefault_range(struct fw_vm *vm, fw_uaddr_t va,
			    uint64_t len);
/* Sets prot on every present page in [va, va+len). */
void			 fw_vm_protect(struct fw_vm *vm, fw_uaddr_t va,
			    uint64_t len, unsigned int prot);
/*
 * The pages mapped in vm now, and the most it has had mapped at once (the
 * resident set and its high-water mark, as Linux counts them: a frame
 * mapped in two spaces counts in both).  Takes vm's lock.
 */
void			 fw_vm_resident(struct fw_vm *vm, uint64_t *pages,
			    uint64_t *peak);
/*
 * Looks up the page holding va: 0 with *prot set and, if frame is not NULL,
 * *frame holding a new reference; -ENOENT when nothing is mapped there.
 */
FW_MUST_CHECK int	 fw_vm_query(struct fw_vm *vm, fw_uaddr_t va,
			    unsigned int *prot, struct fw_frame **frame);
/*
 * The first page in [va, va + len) that holds a frame: its address, with
 * *prot and (if frame is not NULL) a new reference in *frame as
 * fw_vm_query() gives them; va + len when there is none.  A walk of a
 * sparse range costs what is mapped there, not its size: missing tables
 * are skipped whole.  Takes vm's lock.
 */
fw_uaddr_t		 fw_vm_query_next(struct fw_vm *vm, fw_uaddr_t va,
			    uint64_t len, unsigned int *prot,
			    struct fw_frame **frame);

#endif
