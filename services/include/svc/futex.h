/*
 * svc/futex.h: fast user-space mutexes (services/ipc/futex*.c), as Linux's
 * kernel/futex: futex(2), futex_waitv(2), and what thread exit needs from
 * them.  The system calls themselves are in svc/syscall.h.
 *
 * A futex is a 32-bit user word.  A private futex (FUTEX_PRIVATE_FLAG) is
 * known by its address space and address; a shared one by the frame under
 * it and the offset in it when it lies in a MAP_SHARED mapping (so forked
 * processes meet on it), and otherwise by its address space and address,
 * though never matching private waiters (Linux's FUT_OFF_MMSHARED keys).
 *
 * Locks: each hash bucket of waiters has a mutex, held while the futex word
 * is read (which may fault, so it sleeps).  Lock order: a bucket lock (two
 * at once in address order), then proc_table_lock, then proc->lock, then
 * the memory map's locks (svc/mm.h).  The functions here take what they
 * need; the caller holds none of these.
 */
#ifndef SVC_FUTEX_H
#define SVC_FUTEX_H

#include <fw/types.h>

struct proc;
struct thread;

/*
 * CLONE_CHILD_CLEARTID at thread exit (kernel/fork.c mm_release): wakes up
 * to n waiters on the word at uaddr in p's memory.  Linux wakes with a
 * shared FUTEX_WAKE, and glibc and musl wait on that word with shared
 * waits; those waiters are woken first.  If fewer than n were found,
 * private waiters on the same word are woken too, for the rest of n: a
 * superset of Linux, harmless since a futex waiter must accept a spurious
 * wake-up.  The caller writes the word itself first.  p and its memory are
 * borrowed; p must still have its address space.  Returns how many were
 * woken, -EINVAL for an unaligned uaddr, -EFAULT for a word outside any
 * mapping (then no one was woken).  Sleeps.
 */
FW_MUST_CHECK int	futex_wake_private(struct proc *p, uint64_t uaddr,
			    int n);

/*
 * The robust futexes of a dying thread t (kernel/futex/core.c,
 * exit_robust_list), run by t's own task at its exit, while its process
 * still has its address space, and only once t->exiting or its process's
 * exiting is set (under proc->lock), so no new PI waiter can start waiting
 * for t afterwards.  Walks the list at t->robust_list: at most
 * ROBUST_LIST_LIMIT entries, then the pending one (list_op_pending).  Each
 * word whose TID is t's gets FUTEX_OWNER_DIED (keeping FUTEX_WAITERS, the
 * TID cleared), and one shared waiter is woken when FUTEX_WAITERS was set
 * (not for PI futexes); a pending non-PI word of 0 gets a wake-up alone.
 * User memory is never trusted: a fault or an unaligned word ends the
 * walk.  Then, as exit_pi_state_list, every PI futex t owns in the kernel
 * (one with waiters) is handed to its first waiter, which keeps
 * FUTEX_OWNER_DIED in the word it takes.  Clears t->robust_list.  Never
 * fails; sleeps.
 */
void			futex_exit_robust(struct thread *t);

#endif
