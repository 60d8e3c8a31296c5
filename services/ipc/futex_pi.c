/*
 * ipc/futex_pi.c: priority-inheritance futexes (kernel/futex/pi.c):
 * FUTEX_LOCK_PI, FUTEX_LOCK_PI2, FUTEX_TRYLOCK_PI and FUTEX_UNLOCK_PI.  The
 * word holds the owner's TID, FUTEX_WAITERS while the kernel has waiters,
 * and FUTEX_OWNER_DIED after a robust owner's death.
 *
 * The kernel's state of a contended PI futex is its queue of PI waiters in
 * the bucket, each knowing the owner (pi_owner), in arrival order.  Unlock
 * hands the lock to the first waiter directly: the owner writes the
 * waiter's TID with FUTEX_WAITERS into the word and wakes it, so the lock
 * is never free in between.  When an owner dies, futex_pi_exit hands the
 * lock to the first waiter the same way, and that waiter writes its own
 * TID, keeping FUTEX_OWNER_DIED.  There is no priority boosting: Trellis
 * schedules without priorities, so the hand-off order (first come) is all
 * that PI means here.
 *
 * Interface: futex_lock_pi, futex_unlock_pi, futex_pi_exit
 * (ipc/futex_impl.h).  Locks: the bucket mutex, then proc_table_lock and a
 * proc->lock to find an owner by TID.
 */
#include <fw/errno.h>
#include <fw/timer.h>
#include <fw/uaccess.h>
#include <svc/proc.h>
#include <uapi/futex.h>
#include "futex_impl.h"

/* PI waiters queued anywhere: thread exits skip the scan while 0. */
static atomic_int futex_pi_waiters;

void
futex_pi_count(int delta)
{
	atomic_fetch_add(&futex_pi_waiters, delta);
}

void
futex_pi_retry_pause(void)
{
	/* An interrupt ends the pause early; the caller looks again anyway. */
	if (fw_sleep_until(fw_clock_monotonic() + FUTEX_PI_EXIT_POLL_NS) < 0)
		return;
}

enum futex_owner_state { OWNER_NONE, OWNER_ALIVE, OWNER_EXITING };

struct futex_tid_find {
	int			tid;
	enum futex_owner_state	state;
};

static bool
futex_tid_match(struct proc *p, void *arg)
{
	struct futex_tid_find *f = arg;
	struct thread *th;

	fw_mutex_lock(&p->lock);
	for (th = p->threads; th != NULL; th = th->next_thread) {
		if (th->tid != f->tid)
			continue;
		f->state = p->exiting || th->exiting ? OWNER_EXITING :
		    OWNER_ALIVE;
		break;
	}
	fw_mutex_unlock(&p->lock);
	return f->state != OWNER_NONE;
}

/*
 * Whether thread tid exists and has not begun to exit (Linux's
 * FUTEX_STATE_OK): a thread that has begun may be past its futex_pi_exit.
 */
static enum futex_owner_state
futex_owner_state(int tid)
{
	struct futex_tid_find f = { tid, OWNER_NONE };

	fw_mutex_lock(&proc_table_lock);
	(void)proc_search_locked(futex_tid_match, &f);
	fw_mutex_unlock(&proc_table_lock);
	return f.state;
}

struct futex_q *
futex_top_waiter_locked(struct futex_bucket *b, const struct futex_key *k)
{
	struct futex_q *q;

	for (q = b->head; q != NULL; q = q->next)
		if (futex_key_eq(&q->key, k))
			return q;
	return NULL;
}

/*
 * Joins the waiters of a futex that already has kernel state, if the word
 * agrees with it (attach_to_pi_state): a word without FUTEX_OWNER_DIED
 * must name the owner the waiters know; with it, a TID of 0 means the
 * owner died and the hand-off is under way.  0 with *owner, or -EINVAL.
 */
static int
futex_pi_attach(const struct futex_q *top, uint32_t uval, int *owner)
{
	int pid = (int)(uval & LINUX_FUTEX_TID_MASK);

	if (!top->pi)
		return -EINVAL;		/* a non-PI waiter: user confusion */
	if (pid != top->pi_owner && !((uval & LINUX_FUTEX_OWNER_DIED) &&
	    pid == 0))
		return -EINVAL;
	*owner = top->pi_owner;
	return 0;
}

int
futex_pi_atomic_locked(struct proc *p, struct futex_bucket *b,
    const struct futex_key *k, uint64_t uaddr, uint32_t tid,
    bool set_waiters, int *owner)
{
	uint32_t uval, cur, newval;
	struct futex_q *top;
	enum futex_owner_state st;
	int err;

	for (;;) {
		if ((err = futex_get_word(p, uaddr, &uval)) < 0)
			return err;
		if ((uval & LINUX_FUTEX_TID_MASK) == tid)
			return -EDEADLK;
		if ((top = futex_top_waiter_locked(b, k)) != NULL)
			return futex_pi_attach(top, uval, owner);
		if ((uval & LINUX_FUTEX_TID_MASK) == 0)
			newval = (uval & LINUX_FUTEX_OWNER_DIED) | tid |
			    (set_waiters ? LINUX_FUTEX_WAITERS : 0);
		else
			newval = uval | LINUX_FUTEX_WAITERS;
		if ((err = fw_user_cmpxchg32(p->vm, fw_uaddr(uaddr), uval,
		    newval, &cur)) < 0)
			return err;
		if (cur != uval)
			continue;
		if ((uval & LINUX_FUTEX_TID_MASK) == 0)
			return 1;
		break;
	}
	st = futex_owner_state((int)(uval & LINUX_FUTEX_TID_MASK));
	if (st == OWNER_EXITING)
		return FUTEX_PI_RETRY;
	if (st == OWNER_NONE) {
		/* handle_exit_race: a changed word is worth another look. */
		if ((err = futex_get_word(p, uaddr, &cur)) < 0)
			return err;
		return cur != newval ? FUTEX_PI_RETRY : -ESRCH;
	}
	*owner = (int)(uval & LINUX_FUTEX_TID_MASK);
	return 0;
}

/*
 * The lock was handed to us by a dying owner: write our TID, keeping
 * FUTEX_OWNER_DIED (fixup_pi_state_owner).  0 or -EFAULT.
 */
int
futex_pi_fixup(struct thread *t, uint64_t uaddr)
{
	uint32_t uval, cur, newval;
	int err;

	if ((err = futex_get_word(t->proc, uaddr, &uval)) < 0)
		return err;
	for (;;) {
		newval = (uval & LINUX_FUTEX_OWNER_DIED) | LINUX_FUTEX_WAITERS |
		    (uint32_t)t->tid;
		if ((err = fw_user_cmpxchg32(t->proc->vm, fw_uaddr(uaddr),
		    uval, newval, &cur)) < 0)
			return err;
		if (cur == uval)
			return 0;
		uval = cur;
	}
}

/* Takes the bucket lock, retrying while the owner is exiting. */
static int
futex_lock_pi_try(struct thread *t, struct futex_bucket *b,
    struct futex_q *q, uint64_t uaddr, bool trylock)
{
	int err;

	for (;;) {
		fw_mutex_lock(&b->lock);
		err = futex_pi_atomic_locked(t->proc, b, &q->key, uaddr,
		    (uint32_t)t->tid, false, &q->pi_owner);
		if (err == 0 && !trylock) {
			futex_queue_locked(b, q);
			fw_mutex_unlock(&b->lock);
			return 0;
		}
		fw_mutex_unlock(&b->lock);
		if (err != FUTEX_PI_RETRY)
			return err == 0 ? -EAGAIN : err;
		futex_pi_retry_pause();
	}
}

/*
 * FUTEX_LOCK_PI, LOCK_PI2 and TRYLOCK_PI (futex_lock_pi): 0 once t owns
 * the futex; TRYLOCK_PI fails with EAGAIN (EWOULDBLOCK) rather than wait.
 * An interrupted wait restarts even after a handler (ERESTARTNOINTR), as
 * on Linux.
 */
long
futex_lock_pi(struct thread *t, uint64_t uaddr, bool shared,
    uint64_t deadline, bool trylock)
{
	struct futex_sleeper s = { 0 };
	struct futex_q q;
	int err;

	futex_q_init(&q, &s, LINUX_FUTEX_BITSET_MATCH_ANY);
	q.pi = true;
	q.tid = t->tid;
	if ((err = futex_key_get(t->proc, uaddr, shared, &q.key)) < 0)
		return err;
	futex_pi_count(1);
	err = futex_lock_pi_try(t, futex_bucket_of(&q.key), &q, uaddr,
	    trylock);
	if (err == 1) {
		err = 0;
	} else if (err == 0) {
		err = futex_sleep(t, &s, deadline);
		if (futex_q_finish(&q))
			err = q.pi_fixup ? futex_pi_fixup(t, uaddr) : 0;
		else if (err == -EINTR)
			err = -ERESTARTNOINTR;
	}
	futex_pi_count(-1);
	futex_key_put(&q.key);
	return err;
}

/*
 * Hands the futex of top to it: every other waiter now waits for it.  The
 * caller has written the word, or set top->pi_fixup for top to write it.
 */
static void
futex_pi_handoff_locked(struct futex_bucket *b, struct futex_q *top)
	FW_REQUIRES(&b->lock)
{
	struct futex_q *q;

	for (q = top->next; q != NULL; q = q->next)
		if (futex_key_eq(&q->key, &top->key))
			q->pi_owner = top->tid;
	futex_wake_q_locked(b, top);
}

/*
 * The unlock with the bucket locked (futex_unlock_pi, wake_futex_pi): 0,
 * FUTEX_PI_RETRY when the word changed under us, -EAGAIN when it changed
 * with no waiters (user space deals with it), -EINVAL, -EFAULT.
 */
static int
futex_unlock_pi_locked(struct thread *t, struct futex_bucket *b,
    const struct futex_key *k, uint64_t uaddr, uint32_t uval)
	FW_REQUIRES(&b->lock)
{
	uint32_t cur, newval = 0;
	struct futex_q *top;
	int err;

	if ((top = futex_top_waiter_locked(b, k)) != NULL) {
		if (!top->pi || top->pi_owner != t->tid)
			return -EINVAL;
		newval = LINUX_FUTEX_WAITERS | (uint32_t)top->tid;
	}
	if ((err = fw_user_cmpxchg32(t->proc->vm, fw_uaddr(uaddr), uval,
	    newval, &cur)) < 0)
		return err;
	if (cur != uval) {
		if (top == NULL)
			return -EAGAIN;
		return (cur & LINUX_FUTEX_TID_MASK) == (uint32_t)t->tid ?
		    FUTEX_PI_RETRY : -EINVAL;
	}
	if (top != NULL)
		futex_pi_handoff_locked(b, top);
	return 0;
}

/* FUTEX_UNLOCK_PI: 0, -EPERM when t does not own it, -EINVAL, -EFAULT. */
long
futex_unlock_pi(struct thread *t, uint64_t uaddr, bool shared)
{
	struct futex_bucket *b;
	struct futex_key k;
	uint32_t uval;
	int err;

	do {
		if ((err = futex_get_word(t->proc, uaddr, &uval)) < 0)
			return err;
		if ((uval & LINUX_FUTEX_TID_MASK) != (uint32_t)t->tid)
			return -EPERM;
		if ((err = futex_key_get(t->proc, uaddr, shared, &k)) < 0)
			return err;
		b = futex_bucket_of(&k);
		fw_mutex_lock(&b->lock);
		err = futex_unlock_pi_locked(t, b, &k, uaddr, uval);
		fw_mutex_unlock(&b->lock);
		futex_key_put(&k);
	} while (err == FUTEX_PI_RETRY);
	return err;
}

/* Hands t's first PI futex in b to its first waiter: whether one was. */
static bool
futex_pi_exit_one_locked(struct futex_bucket *b, int tid)
	FW_REQUIRES(&b->lock)
{
	struct futex_q *q;

	for (q = b->head; q != NULL; q = q->next) {
		if (q->pi && q->pi_owner == tid) {
			q->pi_fixup = true;
			futex_pi_handoff_locked(b, q);
			return true;
		}
	}
	return false;
}

/*
 * exit_pi_state_list: t is exiting, so no waiter starts waiting for it
 * any more (futex_owner_state); each futex it owns goes to its first
 * waiter.  The first queued record naming t is the oldest of its futex.
 */
void
futex_pi_exit(struct thread *t)
{
	struct futex_bucket *b;
	unsigned int i;

	if (atomic_load(&futex_pi_waiters) == 0)
		return;
	for (i = 0; i < FUTEX_NBUCKETS; i++) {
		b = futex_bucket_at(i);
		fw_mutex_lock(&b->lock);
		while (futex_pi_exit_one_locked(b, t->tid))
			continue;
		fw_mutex_unlock(&b->lock);
	}
}
