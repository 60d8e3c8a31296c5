/*
 * ipc/futex_robust.c: robust futexes at thread exit (kernel/futex/core.c,
 * exit_robust_list and handle_futex_death).  User space keeps, per thread,
 * a list of the robust locks it holds plus the one it is about to take or
 * release (list_op_pending); when the thread dies, each word it still owns
 * gets FUTEX_OWNER_DIED and a waiter is woken, so the next locker learns
 * of it (EOWNERDEAD).  The list is user memory: every read may fail, and
 * a failure only ends the walk.
 *
 * Interface: futex_exit_robust (svc/futex.h).  Locks: none held; the wakes
 * take bucket locks.
 */
#include <fw/errno.h>
#include <fw/uaccess.h>
#include <svc/futex.h>
#include <svc/proc.h>
#include <uapi/futex.h>
#include "futex_impl.h"

/* An entry pointer from user memory; bit 0 marks a PI futex. */
static int
futex_robust_fetch(struct proc *p, uint64_t at, uint64_t *entry, bool *pi)
{
	uint64_t v;
	int err;

	if ((err = fw_copy_from_user(p->vm, &v, fw_uaddr(at),
	    sizeof(v))) < 0)
		return err;
	*entry = v & ~1ULL;
	*pi = (v & 1) != 0;
	return 0;
}

/*
 * handle_futex_death: the word at uaddr of dying t.  0 to go on, -1 to stop
 * the walk (an unaligned or unreadable word).
 */
static int
futex_robust_death(struct thread *t, uint64_t uaddr, bool pi, bool pending)
{
	struct proc *p = t->proc;
	uint32_t uval, mval, cur;

	if (uaddr & 3)
		return -1;
	for (;;) {
		if (futex_get_word(p, uaddr, &uval) < 0)
			return -1;
		/*
		 * A non-PI lock released (or never taken) while pending: its
		 * waiters may have missed their wake-up; the word is left as
		 * it is, since OWNER_DIED would confuse its next owner.
		 */
		if (pending && !pi && uval == 0) {
			(void)futex_wake(p, uaddr, true, 1,
			    LINUX_FUTEX_BITSET_MATCH_ANY);
			return 0;
		}
		if ((uval & LINUX_FUTEX_TID_MASK) != (uint32_t)t->tid)
			return 0;
		mval = (uval & LINUX_FUTEX_WAITERS) | LINUX_FUTEX_OWNER_DIED;
		if (fw_user_cmpxchg32(p->vm, fw_uaddr(uaddr), uval, mval,
		    &cur) < 0)
			return -1;
		if (cur == uval)
			break;
	}
	/* PI futexes are handed on by futex_pi_exit. */
	if (!pi && (uval & LINUX_FUTEX_WAITERS))
		(void)futex_wake(p, uaddr, true, 1,
		    LINUX_FUTEX_BITSET_MATCH_ANY);
	return 0;
}

/* exit_robust_list: the walk of t's list, bounded by ROBUST_LIST_LIMIT. */
static void
futex_robust_walk(struct thread *t, uint64_t head)
{
	struct proc *p = t->proc;
	uint64_t entry, next, pending, off;
	unsigned int limit = LINUX_ROBUST_LIST_LIMIT;
	bool pi, next_pi, pending_pi;
	int rc;

	if (futex_robust_fetch(p, head + LINUX_ROBUST_OFF_NEXT, &entry,
	    &pi) < 0)
		return;
	if (fw_copy_from_user(p->vm, &off, fw_uaddr(head +
	    LINUX_ROBUST_OFF_OFFSET), sizeof(off)) < 0)
		return;
	if (futex_robust_fetch(p, head + LINUX_ROBUST_OFF_PENDING, &pending,
	    &pending_pi) < 0)
		return;
	while (entry != head) {
		/* The next entry is read first: the death may free this one. */
		rc = futex_robust_fetch(p, entry + LINUX_ROBUST_OFF_NEXT,
		    &next, &next_pi);
		if (entry != pending &&
		    futex_robust_death(t, entry + off, pi, false) < 0)
			return;
		if (rc < 0)
			return;
		entry = next;
		pi = next_pi;
		if (--limit == 0)
			break;
	}
	if (pending != 0)
		(void)futex_robust_death(t, pending + off, pending_pi, true);
}

void
futex_exit_robust(struct thread *t)
{
	if (t->robust_list != 0) {
		futex_robust_walk(t, t->robust_list);
		t->robust_list = 0;
	}
	futex_pi_exit(t);
}
