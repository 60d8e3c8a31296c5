/*
 * ipc/futex_requeue_pi.c: FUTEX_WAIT_REQUEUE_PI and FUTEX_CMP_REQUEUE_PI
 * (kernel/futex/requeue.c), the pair that lets a condition variable hand
 * its waiters to a PI mutex.  A waiter waits on a non-PI word, naming the
 * PI word it expects to be moved to; the requeue takes the PI futex for
 * the oldest waiter if it is free (waking it as its owner), then moves up
 * to nr_requeue waiters (one more when the futex was not free) onto the
 * PI futex, where they wait like FUTEX_LOCK_PI waiters (futex_pi.c).
 *
 * Interface: futex_wait_requeue_pi, futex_cmp_requeue_pi (futex_impl.h).
 * Locks: one bucket, or two by futex_lock2, then those of futex_pi.c.
 */
#include <fw/errno.h>
#include <svc/proc.h>
#include <uapi/futex.h>
#include "futex_impl.h"

/*
 * futex_wait_requeue_pi: 0 once t owns the PI futex at uaddr2; EAGAIN
 * when the word differs, or when a signal comes after the requeue (Linux
 * would find the word changed on a restart); ETIMEDOUT.  A signal before
 * the requeue restarts the call.
 */
long
futex_wait_requeue_pi(struct thread *t, uint64_t uaddr, uint64_t uaddr2,
    bool shared, uint32_t val, uint64_t deadline, bool timed)
{
	struct proc *p = t->proc;
	struct futex_sleeper s = { 0 };
	struct futex_bucket *b;
	struct futex_q q;
	uint32_t cur;
	int err;

	(void)timed;
	if (uaddr == uaddr2)
		return -EINVAL;
	futex_q_init(&q, &s, LINUX_FUTEX_BITSET_MATCH_ANY);
	q.requeue_pi = true;
	q.tid = t->tid;
	if ((err = futex_key_get(p, uaddr2, shared, &q.rq_key)) < 0)
		return err;
	if ((err = futex_key_get(p, uaddr, shared, &q.key)) < 0)
		goto out_rq;
	b = futex_bucket_of(&q.key);
	fw_mutex_lock(&b->lock);
	if ((err = futex_get_word(p, uaddr, &cur)) == 0 && cur != val)
		err = -EAGAIN;
	if (err == 0 && futex_key_eq(&q.key, &q.rq_key))
		err = -EINVAL;		/* two names of one shared futex */
	if (err < 0) {
		fw_mutex_unlock(&b->lock);
		goto out_key;
	}
	futex_pi_count(1);
	futex_queue_locked(b, &q);
	fw_mutex_unlock(&b->lock);
	err = futex_sleep(t, &s, deadline);
	if (futex_q_finish(&q))
		err = q.pi_fixup ? futex_pi_fixup(t, uaddr2) : 0;
	else if (err == -EINTR)
		err = q.pi ? -EAGAIN : -ERESTARTNOINTR;
	futex_pi_count(-1);
out_key:
	futex_key_put(&q.key);
out_rq:
	futex_key_put(&q.rq_key);
	return err;
}

/* Whether q may be moved to k2 by FUTEX_CMP_REQUEUE_PI. */
static bool
futex_requeue_pi_ok(const struct futex_q *q, const struct futex_key *k2)
{
	return q->requeue_pi && !q->pi && futex_key_eq(&q->rq_key, k2);
}

/*
 * The requeue with both buckets locked: how many waiters were woken or
 * moved; -EAGAIN when the word at uaddr is not cmpval, FUTEX_PI_RETRY, or
 * the errors of futex_pi_atomic_locked; -EINVAL for a waiter that did not
 * come through FUTEX_WAIT_REQUEUE_PI to this futex.
 */
static int
futex_cmp_requeue_pi_locked(struct proc *p, struct futex_bucket *b1,
    struct futex_bucket *b2, const struct futex_key *k1,
    const struct futex_key *k2, uint64_t uaddr, uint64_t uaddr2,
    int nr_requeue, uint32_t cmpval) FW_REQUIRES(&b1->lock, &b2->lock)
{
	struct futex_q *q, *next, *top;
	int err, owner = 0, count = 0;
	uint32_t cur;

	if ((err = futex_get_word(p, uaddr, &cur)) < 0)
		return err;
	if (cur != cmpval)
		return -EAGAIN;
	if ((top = futex_top_waiter_locked(b1, k1)) != NULL) {
		if (!futex_requeue_pi_ok(top, k2))
			return -EINVAL;
		err = futex_pi_atomic_locked(p, b2, k2, uaddr2,
		    (uint32_t)top->tid, true, &owner);
		if (err < 0 || err == FUTEX_PI_RETRY)
			return err;
		if (err == 1) {
			owner = top->tid;
			futex_wake_q_locked(b1, top);
			count = 1;
		}
	}
	for (q = b1->head; q != NULL; q = next) {
		next = q->next;
		if (count - 1 >= nr_requeue)
			break;
		if (!futex_key_eq(&q->key, k1))
			continue;
		if (!futex_requeue_pi_ok(q, k2))
			return -EINVAL;
		q->pi = true;
		q->pi_owner = owner;
		futex_requeue_q_locked(b1, b2, q, k2);
		count++;
	}
	return count;
}

/* futex_requeue with requeue_pi: the checks, then the locked part. */
long
futex_cmp_requeue_pi(struct thread *t, uint64_t uaddr, uint64_t uaddr2,
    bool shared, int nr_wake, int nr_requeue, uint32_t cmpval)
{
	struct proc *p = t->proc;
	struct futex_bucket *b1, *b2;
	struct futex_key k1, k2;
	int err;

	if (nr_wake < 0 || nr_requeue < 0)
		return -EINVAL;
	if (uaddr == uaddr2 || nr_wake != 1)
		return -EINVAL;
	if ((err = futex_key_get(p, uaddr, shared, &k1)) < 0)
		return err;
	if ((err = futex_key_get(p, uaddr2, shared, &k2)) < 0)
		goto out_k1;
	if (futex_key_eq(&k1, &k2)) {
		err = -EINVAL;
		goto out_k2;
	}
	b1 = futex_bucket_of(&k1);
	b2 = futex_bucket_of(&k2);
	for (;;) {
		futex_lock2(b1, b2);
		err = futex_cmp_requeue_pi_locked(p, b1, b2, &k1, &k2, uaddr,
		    uaddr2, nr_requeue, cmpval);
		futex_unlock2(b1, b2);
		if (err != FUTEX_PI_RETRY)
			break;
		futex_pi_retry_pause();
	}
out_k2:
	futex_key_put(&k2);
out_k1:
	futex_key_put(&k1);
	return err;
}
