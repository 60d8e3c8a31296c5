/*
 * ipc/futex_impl.h: what the parts of the futex service share
 * (services/ipc/futex*.c, sys_futex.c): keys, hash buckets and the waiter
 * record.
 *
 * A waiter record (struct futex_q) lives on the waiting task's stack (or
 * in futex_waitv's vector) and is linked into the bucket of its key while
 * it waits.  Wakers unlink it, mark it woken and wake its sleeper, all
 * under the bucket lock; requeue moves it to another bucket under both
 * locks.  The waiter always takes the lock of the bucket holding its record
 * before it returns (futex_q_lock), so no waker can still be touching the
 * record or its sleeper once it is gone.
 *
 * Locks used to protect fields in this file:
 *	I	immutable while queued
 *	b	the lock of the bucket holding the record (q->bucket)
 *	a	atomic
 * Lock order: svc/futex.h.
 */
#ifndef IPC_FUTEX_IMPL_H
#define IPC_FUTEX_IMPL_H

#include <fw/mutex.h>
#include <fw/types.h>
#include <fw/waitq.h>
#include <stdatomic.h>

struct fw_frame;
struct fw_vm;
struct proc;
struct thread;

enum futex_key_kind {
	FUTEX_KEY_PRIVATE = 1,	/* (vm, address): FUTEX_PRIVATE_FLAG */
	FUTEX_KEY_MM,		/* (vm, address): shared, private mapping */
	FUTEX_KEY_FRAME,	/* (frame, offset): shared, MAP_SHARED */
};

/* Which futex: compared by futex_key_eq, never dereferenced. */
struct futex_key {
	enum futex_key_kind	 kind;
	const struct fw_vm	*vm;		/* PRIVATE and MM */
	struct fw_frame		*frame;		/* FRAME: counted */
	uint64_t		 addr;		/* the address, or the offset */
};

struct futex_q;

struct futex_bucket {
	struct fw_mutex		 lock;
	struct futex_q		*head, *tail;	/* [lock] oldest first */
};

/* What a waiting task sleeps on; futex_waitv's records share one. */
struct futex_sleeper {
	struct fw_waitq		 wq;
	atomic_bool		 woken;		/* [a] some record was woken */
};

struct futex_q {
	struct futex_q		*next, *prev;	/* [b] */
	_Atomic(struct futex_bucket *) bucket;	/* [b] set under both locks
						   when requeued */
	struct futex_key	 key;		/* [b] requeue changes it */
	bool			 queued;	/* [b] */
	bool			 woken;		/* [b] a waker unlinked it */
	uint32_t		 bitset;	/* [I] */
	int			 index;		/* [I] futex_waitv's entry */
	struct futex_sleeper	*sleeper;	/* [I] */
	/*
	 * A PI waiter (futex_pi.c) waits for pi_owner to hand it the lock;
	 * pi_fixup says the owner died and the waiter writes its own TID.
	 */
	bool			 pi;		/* [I] */
	int			 tid;		/* [I] the waiting thread's */
	int			 pi_owner;	/* [b] */
	bool			 pi_fixup;	/* [b] */
	/*
	 * FUTEX_WAIT_REQUEUE_PI: a non-PI waiter that FUTEX_CMP_REQUEUE_PI
	 * turns into a PI waiter on rq_key (counted, the waiter's to put),
	 * or wakes as the owner of it.
	 */
	bool			 requeue_pi;	/* [I] */
	struct futex_key	 rq_key;	/* [I] */
};

#define FUTEX_NBUCKETS	256

/*
 * The key of the word at uaddr for p: -EINVAL when uaddr is not 4-byte
 * aligned, -EFAULT when it is outside user space or (shared) outside any
 * mapping, or a shared futex on a private read-only mapping.  A FRAME key
 * holds a frame reference: futex_key_put drops it.
 */
FW_MUST_CHECK int	futex_key_get(struct proc *p, uint64_t uaddr,
			    bool shared, struct futex_key *k);
void			futex_key_put(struct futex_key *k);
bool			futex_key_eq(const struct futex_key *a,
			    const struct futex_key *b);
/* k's copy into dst, with its own frame reference. */
void			futex_key_copy(struct futex_key *dst,
			    const struct futex_key *k);
struct futex_bucket	*futex_bucket_of(const struct futex_key *k);
/* Bucket i (< FUTEX_NBUCKETS), for scans of them all. */
struct futex_bucket	*futex_bucket_at(unsigned int i);

/* Locks two buckets (the same one once), in address order. */
void	futex_lock2(struct futex_bucket *a, struct futex_bucket *b)
	    FW_ACQUIRES(&a->lock, &b->lock);
void	futex_unlock2(struct futex_bucket *a, struct futex_bucket *b)
	    FW_RELEASES(&a->lock, &b->lock);

/* An empty record sleeping on s; the caller fills in its key. */
void	futex_q_init(struct futex_q *q, struct futex_sleeper *s,
	    uint32_t bitset);
void	futex_queue_locked(struct futex_bucket *b, struct futex_q *q)
	    FW_REQUIRES(&b->lock);
void	futex_unqueue_locked(struct futex_bucket *b, struct futex_q *q)
	    FW_REQUIRES(&b->lock);
/* Unlinks q, marks it woken and wakes its sleeper. */
void	futex_wake_q_locked(struct futex_bucket *b, struct futex_q *q)
	    FW_REQUIRES(&b->lock);
/* Moves q from b1 to b2 with key k2 (borrowed). */
void	futex_requeue_q_locked(struct futex_bucket *b1,
	    struct futex_bucket *b2, struct futex_q *q,
	    const struct futex_key *k2) FW_REQUIRES(&b1->lock, &b2->lock);
/*
 * Wakes up to nr (at least one, as Linux's loop counts) non-PI waiters of k
 * whose bitset meets bitset.  How many; -EINVAL when a PI waiter is found
 * first.
 */
int	futex_wake_key_locked(struct futex_bucket *b,
	    const struct futex_key *k, int nr, uint32_t bitset)
	    FW_REQUIRES(&b->lock);
/*
 * The waiter's end: takes the lock of the bucket holding q, unlinks q if
 * still queued, and returns whether it had been woken.
 */
bool	futex_q_finish(struct futex_q *q);
/*
 * The sleep of a waiter until its sleeper is woken, the monotonic deadline
 * passes (-ETIMEDOUT) or a signal is to be delivered (-EINTR); an interrupt
 * with no signal pending is dropped.
 */
FW_MUST_CHECK int	futex_sleep(struct thread *t,
			    struct futex_sleeper *s, uint64_t deadline);

/* Reads the word at uaddr in p's memory: 0 or -EFAULT. */
FW_MUST_CHECK int	futex_get_word(struct proc *p, uint64_t uaddr,
			    uint32_t *val);

/* futex(2)'s operations, after decoding (sys_futex.c). */
long	futex_wait(struct thread *t, uint64_t uaddr, bool shared,
	    uint32_t val, uint64_t deadline, bool timed, uint32_t bitset);
long	futex_wake(struct proc *p, uint64_t uaddr, bool shared, int nr,
	    uint32_t bitset);
long	futex_requeue(struct thread *t, uint64_t uaddr, uint64_t uaddr2,
	    bool shared, int nr_wake, int nr_requeue, const uint32_t *cmpval);
long	futex_wake_op(struct thread *t, uint64_t uaddr, uint64_t uaddr2,
	    bool shared, int nr_wake, int nr_wake2, uint32_t encoded);
long	futex_lock_pi(struct thread *t, uint64_t uaddr, bool shared,
	    uint64_t deadline, bool trylock);
long	futex_unlock_pi(struct thread *t, uint64_t uaddr, bool shared);
/* Hands each PI futex dying t owns to its first waiter (futex_pi.c). */
void	futex_pi_exit(struct thread *t);
long	futex_wait_requeue_pi(struct thread *t, uint64_t uaddr,
	    uint64_t uaddr2, bool shared, uint32_t val, uint64_t deadline,
	    bool timed);
long	futex_cmp_requeue_pi(struct thread *t, uint64_t uaddr,
	    uint64_t uaddr2, bool shared, int nr_wake, int nr_requeue,
	    uint32_t cmpval);

/*
 * The monotonic deadline of the timespec at utime: relative to now, or
 * absolute on the real-time or the monotonic clock.  -EFAULT, -EINVAL.
 */
FW_MUST_CHECK int	futex_deadline(struct proc *p, uint64_t utime,
			    bool relative, bool realtime, uint64_t *deadline);

/*
 * The PI machinery shared with requeue-PI (futex_pi.c).  An attempt to take
 * the PI futex k (word at uaddr in p's memory) for thread tid
 * (futex_lock_pi_atomic): 1 when taken (with FUTEX_WAITERS if set_waiters),
 * 0 when it must wait for *owner (FUTEX_WAITERS is then set), or
 * FUTEX_PI_RETRY when the owner is exiting (drop the locks, pause, retry),
 * -EDEADLK, -ESRCH, -EINVAL (the word disagrees with the waiters), -EFAULT.
 */
#define FUTEX_PI_RETRY		(-4097)	/* below every errno */
#define FUTEX_PI_EXIT_POLL_NS	1000000ULL
FW_MUST_CHECK int	futex_pi_atomic_locked(struct proc *p,
			    struct futex_bucket *b, const struct futex_key *k,
			    uint64_t uaddr, uint32_t tid, bool set_waiters,
			    int *owner) FW_REQUIRES(&b->lock);
/* The oldest waiter of k, or NULL. */
struct futex_q		*futex_top_waiter_locked(struct futex_bucket *b,
			    const struct futex_key *k) FW_REQUIRES(&b->lock);
/* A dying owner handed t the futex: t writes its TID (0, -EFAULT). */
FW_MUST_CHECK int	futex_pi_fixup(struct thread *t, uint64_t uaddr);
/* Counts PI waiters (and would-be ones) for futex_pi_exit. */
void			futex_pi_count(int delta);
/* Sleeps FUTEX_PI_EXIT_POLL_NS while an owner finishes exiting. */
void			futex_pi_retry_pause(void);

#endif
