/*
 * ipc/futex_op.c: the futex operations on two words (kernel/futex/
 * requeue.c and waitwake.c): FUTEX_REQUEUE and FUTEX_CMP_REQUEUE, which
 * wake some waiters of one futex and move others to a second, and
 * FUTEX_WAKE_OP, which changes the second word atomically and wakes the
 * waiters of the first, and of the second if the old value passes a test.
 *
 * Interface: futex_requeue, futex_wake_op (ipc/futex_impl.h).
 * Locks: both buckets' mutexes, taken together by futex_lock2.
 */
#include <fw/errno.h>
#include <fw/uaccess.h>
#include <svc/proc.h>
#include <uapi/futex.h>
#include "futex_impl.h"

/*
 * Wakes up to nr_wake waiters of k1 in b1 and moves the next nr_requeue to
 * k2 in b2 (futex_requeue's loop): how many of both, or -EINVAL when a PI
 * waiter is met.
 */
static int
futex_requeue_locked(struct futex_bucket *b1, struct futex_bucket *b2,
    const struct futex_key *k1, const struct futex_key *k2, int nr_wake,
    int nr_requeue) FW_REQUIRES(&b1->lock, &b2->lock)
{
	struct futex_q *q, *next;
	int count = 0;

	for (q = b1->head; q != NULL; q = next) {
		next = q->next;
		if (count - nr_wake >= nr_requeue)
			break;
		if (!futex_key_eq(&q->key, k1))
			continue;
		if (q->pi || q->requeue_pi)
			return -EINVAL;
		if (++count <= nr_wake) {
			futex_wake_q_locked(b1, q);
			continue;
		}
		futex_requeue_q_locked(b1, b2, q, k2);
	}
	return count;
}

long
futex_requeue(struct thread *t, uint64_t uaddr, uint64_t uaddr2,
    bool shared, int nr_wake, int nr_requeue, const uint32_t *cmpval)
{
	struct proc *p = t->proc;
	struct futex_bucket *b1, *b2;
	struct futex_key k1, k2;
	uint32_t cur;
	int err;

	if (nr_wake < 0 || nr_requeue < 0)
		return -EINVAL;
	if ((err = futex_key_get(p, uaddr, shared, &k1)) < 0)
		return err;
	if ((err = futex_key_get(p, uaddr2, shared, &k2)) < 0)
		goto out_k1;
	b1 = futex_bucket_of(&k1);
	b2 = futex_bucket_of(&k2);
	futex_lock2(b1, b2);
	if (cmpval != NULL && (err = futex_get_word(p, uaddr, &cur)) == 0 &&
	    cur != *cmpval)
		err = -EAGAIN;
	if (err == 0)
		err = futex_requeue_locked(b1, b2, &k1, &k2, nr_wake,
		    nr_requeue);
	futex_unlock2(b1, b2);
	futex_key_put(&k2);
out_k1:
	futex_key_put(&k1);
	return err;
}

/* Sign-extends the 12-bit field v. */
static int32_t
futex_sext12(uint32_t v)
{
	return (v & 0x800u) ? (int32_t)(v | 0xfffff000u) : (int32_t)v;
}

/*
 * The new value FUTEX_WAKE_OP's op makes of old: 0, or -ENOSYS for an
 * unknown op (arch_futex_atomic_op_inuser).
 */
static int
futex_op_apply(unsigned int op, uint32_t oparg, uint32_t old, uint32_t *new)
{
	switch (op) {
	case LINUX_FUTEX_OP_SET:
		*new = oparg;
		return 0;
	case LINUX_FUTEX_OP_ADD:
		*new = old + oparg;
		return 0;
	case LINUX_FUTEX_OP_OR:
		*new = old | oparg;
		return 0;
	case LINUX_FUTEX_OP_ANDN:
		*new = old & ~oparg;
		return 0;
	case LINUX_FUTEX_OP_XOR:
		*new = old ^ oparg;
		return 0;
	default:
		return -ENOSYS;
	}
}

/*
 * futex_atomic_op_inuser: applies the op of encoded to the word at uaddr
 * atomically (a compare-and-swap loop) and tests its old value: 1 or 0,
 * -EFAULT, or -ENOSYS for an unknown op or comparison; as on Linux, an
 * unknown comparison is found only after the word has changed.  A shift
 * past 31 is masked, as Linux does after a warning.
 */
static int
futex_atomic_op(struct proc *p, uint64_t uaddr, uint32_t encoded)
{
	unsigned int op = (encoded >> 28) & 7, cmp = (encoded >> 24) & 15;
	int32_t oparg = futex_sext12((encoded >> 12) & 0xfff);
	int32_t cmparg = futex_sext12(encoded & 0xfff), old;
	uint32_t cur, want, arg = (uint32_t)oparg;
	int err;

	if (encoded & ((uint32_t)LINUX_FUTEX_OP_OPARG_SHIFT << 28))
		arg = 1u << ((uint32_t)oparg & 31);
	if ((err = futex_op_apply(op, arg, 0, &want)) < 0)
		return err;
	if ((err = futex_get_word(p, uaddr, &cur)) < 0)
		return err;
	for (;;) {
		(void)futex_op_apply(op, arg, cur, &want);
		old = (int32_t)cur;
		if ((err = fw_user_cmpxchg32(p->vm, fw_uaddr(uaddr), cur, want,
		    &cur)) < 0)
			return err;
		if ((uint32_t)old == cur)
			break;
	}
	switch (cmp) {
	case LINUX_FUTEX_OP_CMP_EQ:
		return old == cmparg;
	case LINUX_FUTEX_OP_CMP_NE:
		return old != cmparg;
	case LINUX_FUTEX_OP_CMP_LT:
		return old < cmparg;
	case LINUX_FUTEX_OP_CMP_GE:
		return old >= cmparg;
	case LINUX_FUTEX_OP_CMP_LE:
		return old <= cmparg;
	case LINUX_FUTEX_OP_CMP_GT:
		return old > cmparg;
	default:
		return -ENOSYS;
	}
}

/*
 * FUTEX_WAKE_OP (futex_wake_op in waitwake.c): how many were woken on
 * both words, -EFAULT, -ENOSYS, or -EINVAL when a PI waiter is met.
 */
long
futex_wake_op(struct thread *t, uint64_t uaddr, uint64_t uaddr2,
    bool shared, int nr_wake, int nr_wake2, uint32_t encoded)
{
	struct proc *p = t->proc;
	struct futex_bucket *b1, *b2;
	struct futex_key k1, k2;
	int err, op_ret, n;

	if ((err = futex_key_get(p, uaddr, shared, &k1)) < 0)
		return err;
	if ((err = futex_key_get(p, uaddr2, shared, &k2)) < 0)
		goto out_k1;
	b1 = futex_bucket_of(&k1);
	b2 = futex_bucket_of(&k2);
	futex_lock2(b1, b2);
	if ((err = op_ret = futex_atomic_op(p, uaddr2, encoded)) >= 0 &&
	    (err = futex_wake_key_locked(b1, &k1, nr_wake,
	    LINUX_FUTEX_BITSET_MATCH_ANY)) >= 0 && op_ret > 0) {
		n = futex_wake_key_locked(b2, &k2, nr_wake2,
		    LINUX_FUTEX_BITSET_MATCH_ANY);
		err = n < 0 ? n : err + n;
	}
	futex_unlock2(b1, b2);
	futex_key_put(&k2);
out_k1:
	futex_key_put(&k1);
	return err;
}
