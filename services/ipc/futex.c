/*
 * ipc/futex.c: the core of the futex service (kernel/futex/core.c and
 * waitwake.c): keys, the hash of waiter buckets, and FUTEX_WAIT and
 * FUTEX_WAKE (with their bitsets), on which the other operations build.
 *
 * A waiter finds its bucket, takes its lock, reads the word and, if it
 * still holds the expected value, queues its record and sleeps; a waker
 * changes the word first, then takes the same lock, so no wake-up falls
 * between the read and the sleep.  Keys are compared by pointer equality
 * and hashed by the address (or, for a frame, the offset in it): pointers
 * never become integers here.
 *
 * Interface: svc/futex.h (futex_wake_private), ipc/futex_impl.h.
 * Locks: the bucket mutexes (futex_impl.h); mm->lock briefly, alone, to
 * find a mapping.
 */
#include <fw/errno.h>
#include <fw/frame.h>
#include <fw/task.h>
#include <fw/uaccess.h>
#include <fw/vm.h>
#include <svc/futex.h>
#include <svc/mm.h>
#include <svc/proc.h>
#include <uapi/futex.h>
#include "futex_impl.h"

static struct futex_bucket futex_buckets[FUTEX_NBUCKETS];

/* Private and shared keys of one word may share a bucket; that is fine. */
struct futex_bucket *
futex_bucket_of(const struct futex_key *k)
{
	uint64_t h = (k->addr >> 2) * 0x9e3779b97f4a7c15ULL;

	return &futex_buckets[h >> 56];
}

struct futex_bucket *
futex_bucket_at(unsigned int i)
{
	return &futex_buckets[i % FUTEX_NBUCKETS];
}

/*
 * A shared futex in a MAP_SHARED mapping is known by its frame, which
 * stays the same across fork (such pages are never copied on write); one in
 * a private mapping by its address space, as Linux keys anonymous pages.
 * Linux refuses a read-only anonymous page (it cannot change), and so do we.
 */
static int
futex_key_shared(struct proc *p, uint64_t uaddr, struct futex_key *k)
{
	struct mm *mm = p->mm;
	const struct vma *v;
	unsigned int flags = 0, prot = 0;
	uint32_t word;
	int err, tries;

	fw_mutex_lock(&mm->lock);
	if ((v = mm_find_locked(mm, uaddr)) != NULL) {
		flags = v->flags;
		prot = v->prot;
	}
	fw_mutex_unlock(&mm->lock);
	if (v == NULL)
		return -EFAULT;
	if (!(flags & VMA_SHARED)) {
		if ((flags & VMA_ANON) && !(prot & FW_PROT_WRITE))
			return -EFAULT;
		k->kind = FUTEX_KEY_MM;
		return 0;
	}
	/* An absent page is faulted in by a read, then looked up again. */
	for (tries = 0; tries < 2; tries++) {
		if (fw_vm_query(p->vm, fw_uaddr(fw_page_down(uaddr)), &prot,
		    &k->frame) == 0) {
			k->kind = FUTEX_KEY_FRAME;
			k->addr = uaddr & (FW_PAGE_SIZE - 1);
			return 0;
		}
		if ((err = futex_get_word(p, uaddr, &word)) < 0)
			return err;
	}
	return -EFAULT;
}

int
futex_key_get(struct proc *p, uint64_t uaddr, bool shared,
    struct futex_key *k)
{
	k->kind = FUTEX_KEY_PRIVATE;
	k->vm = p->vm;
	k->frame = NULL;
	k->addr = uaddr;
	if (uaddr & 3)
		return -EINVAL;
	if (uaddr > fw_vm_user_top() - sizeof(uint32_t))
		return -EFAULT;
	if (!shared)
		return 0;
	return futex_key_shared(p, uaddr, k);
}

void
futex_key_put(struct futex_key *k)
{
	fw_frame_unref(k->frame);
	k->frame = NULL;
}

void
futex_key_copy(struct futex_key *dst, const struct futex_key *k)
{
	*dst = *k;
	if (k->frame != NULL)
		(void)fw_frame_ref(k->frame);
}

bool
futex_key_eq(const struct futex_key *a, const struct futex_key *b)
{
	if (a->kind != b->kind || a->addr != b->addr)
		return false;
	if (a->kind == FUTEX_KEY_FRAME)
		return a->frame == b->frame;
	return a->vm == b->vm;
}

int
futex_get_word(struct proc *p, uint64_t uaddr, uint32_t *val)
{
	return fw_copy_from_user(p->vm, val, fw_uaddr(uaddr), sizeof(*val));
}

/* The analysis cannot follow the order; the declaration states the effect. */
void
futex_lock2(struct futex_bucket *a, struct futex_bucket *b) FW_NO_TSA
{
	if (a == b) {
		fw_mutex_lock(&a->lock);
	} else if (a < b) {
		fw_mutex_lock(&a->lock);
		fw_mutex_lock(&b->lock);
	} else {
		fw_mutex_lock(&b->lock);
		fw_mutex_lock(&a->lock);
	}
}

void
futex_unlock2(struct futex_bucket *a, struct futex_bucket *b) FW_NO_TSA
{
	fw_mutex_unlock(&a->lock);
	if (a != b)
		fw_mutex_unlock(&b->lock);
}

void
futex_q_init(struct futex_q *q, struct futex_sleeper *s, uint32_t bitset)
{
	*q = (struct futex_q){ 0 };
	atomic_init(&q->bucket, NULL);
	q->key.kind = FUTEX_KEY_PRIVATE;
	q->bitset = bitset;
	q->sleeper = s;
}

void
futex_queue_locked(struct futex_bucket *b, struct futex_q *q)
{
	q->next = NULL;
	q->prev = b->tail;
	if (b->tail != NULL)
		b->tail->next = q;
	else
		b->head = q;
	b->tail = q;
	atomic_store(&q->bucket, b);
	q->queued = true;
}

void
futex_unqueue_locked(struct futex_bucket *b, struct futex_q *q)
{
	if (q->prev != NULL)
		q->prev->next = q->next;
	else
		b->head = q->next;
	if (q->next != NULL)
		q->next->prev = q->prev;
	else
		b->tail = q->prev;
	q->next = q->prev = NULL;
	q->queued = false;
}

void
futex_wake_q_locked(struct futex_bucket *b, struct futex_q *q)
{
	futex_unqueue_locked(b, q);
	q->woken = true;
	atomic_store(&q->sleeper->woken, true);
	fw_waitq_wake_all(&q->sleeper->wq);
}

void
futex_requeue_q_locked(struct futex_bucket *b1, struct futex_bucket *b2,
    struct futex_q *q, const struct futex_key *k2)
{
	futex_key_put(&q->key);
	futex_key_copy(&q->key, k2);
	if (b1 == b2)
		return;
	futex_unqueue_locked(b1, q);
	futex_queue_locked(b2, q);
}

int
futex_wake_key_locked(struct futex_bucket *b, const struct futex_key *k,
    int nr, uint32_t bitset)
{
	struct futex_q *q, *next;
	int n = 0;

	for (q = b->head; q != NULL; q = next) {
		next = q->next;
		if (!futex_key_eq(&q->key, k))
			continue;
		if (q->pi || q->requeue_pi)
			return -EINVAL;
		if (!(q->bitset & bitset))
			continue;
		futex_wake_q_locked(b, q);
		if (++n >= nr)
			break;
	}
	return n;
}

/*
 * A requeue may move q while we wait for a bucket's lock, so the bucket is
 * checked again once its lock is held; it cannot move back to one we hold.
 */
bool
futex_q_finish(struct futex_q *q)
{
	struct futex_bucket *b;
	bool woken;

	for (;;) {
		b = atomic_load(&q->bucket);
		fw_mutex_lock(&b->lock);
		if (atomic_load(&q->bucket) == b)
			break;
		fw_mutex_unlock(&b->lock);
	}
	if (q->queued)
		futex_unqueue_locked(b, q);
	woken = q->woken;
	fw_mutex_unlock(&b->lock);
	return woken;
}

static bool
futex_sleeper_woken(void *arg)
{
	struct futex_sleeper *s = arg;

	return atomic_load(&s->woken);
}

/* Whether t has a signal to take, or must stop or leave (sys_sigwait.c). */
static bool
futex_signal_pending(struct thread *t)
{
	struct proc *p = t->proc;
	bool pending;

	fw_mutex_lock(&p->lock);
	pending = p->exiting || t->exiting || p->stop_signal != 0 ||
	    ((t->pending.set | p->shared_pending.set) & ~t->sigmask) != 0;
	fw_mutex_unlock(&p->lock);
	return pending;
}

int
futex_sleep(struct thread *t, struct futex_sleeper *s, uint64_t deadline)
{
	int err;

	/*
	 * A sender queues its signal before it interrupts, and the interrupt
	 * is cleared before the look: none is missed, and a stale one (its
	 * signal already taken) does not end the wait, as Linux retries a
	 * wake-up without a pending signal.
	 */
	for (;;) {
		err = fw_waitq_wait(&s->wq, futex_sleeper_woken, s, deadline,
		    true);
		if (err != -EINTR)
			return err;
		(void)fw_task_clear_interrupt();
		if (futex_signal_pending(t))
			return -EINTR;
	}
}

/*
 * FUTEX_WAIT and FUTEX_WAIT_BITSET (futex_wait in waitwake.c): EAGAIN when
 * the word differs, 0 when woken, ETIMEDOUT.  Interrupted, it restarts
 * (ERESTARTSYS, so SA_RESTART restarts it) without a timeout; with one
 * Linux resumes through restart_syscall with the same absolute expiry,
 * which we approximate with ERESTARTNOHAND: EINTR after a handler, and a
 * restart with the original arguments otherwise.
 */
long
futex_wait(struct thread *t, uint64_t uaddr, bool shared, uint32_t val,
    uint64_t deadline, bool timed, uint32_t bitset)
{
	struct proc *p = t->proc;
	struct futex_sleeper s = { 0 };
	struct futex_bucket *b;
	struct futex_q q;
	uint32_t cur;
	int err;

	if (bitset == 0)
		return -EINVAL;
	futex_q_init(&q, &s, bitset);
	if ((err = futex_key_get(p, uaddr, shared, &q.key)) < 0)
		return err;
	b = futex_bucket_of(&q.key);
	fw_mutex_lock(&b->lock);
	if ((err = futex_get_word(p, uaddr, &cur)) == 0 && cur != val)
		err = -EAGAIN;
	if (err < 0) {
		fw_mutex_unlock(&b->lock);
		futex_key_put(&q.key);
		return err;
	}
	futex_queue_locked(b, &q);
	fw_mutex_unlock(&b->lock);
	err = futex_sleep(t, &s, deadline);
	if (futex_q_finish(&q))
		err = 0;
	futex_key_put(&q.key);
	if (err == -EINTR)
		return timed ? -ERESTARTNOHAND : -ERESTARTSYS;
	return err;
}

/* FUTEX_WAKE and FUTEX_WAKE_BITSET: how many were woken. */
long
futex_wake(struct proc *p, uint64_t uaddr, bool shared, int nr,
    uint32_t bitset)
{
	struct futex_bucket *b;
	struct futex_key k;
	int err, n;

	if (bitset == 0)
		return -EINVAL;
	if ((err = futex_key_get(p, uaddr, shared, &k)) < 0)
		return err;
	b = futex_bucket_of(&k);
	fw_mutex_lock(&b->lock);
	n = futex_wake_key_locked(b, &k, nr, bitset);
	fw_mutex_unlock(&b->lock);
	futex_key_put(&k);
	return n;
}

int
futex_wake_private(struct proc *p, uint64_t uaddr, int n)
{
	long woken, more;

	woken = futex_wake(p, uaddr, true, n, LINUX_FUTEX_BITSET_MATCH_ANY);
	if (woken < 0 || woken >= n)
		return (int)woken;
	more = futex_wake(p, uaddr, false, n - (int)woken,
	    LINUX_FUTEX_BITSET_MATCH_ANY);
	return more < 0 ? (int)woken : (int)(woken + more);
}
