/*
 * ipc/futex_waitv.c: futex_waitv(2) (kernel/futex/syscalls.c and
 * waitwake.c, futex_wait_multiple): one sleep on up to 128 futexes, each a
 * 32-bit word with its own FUTEX2_PRIVATE flag, until one of them is woken;
 * it returns that entry's index.  The timeout is absolute, on
 * CLOCK_MONOTONIC or CLOCK_REALTIME.  The records live in a heap vector
 * (too big for a kernel stack) and share one sleeper.
 *
 * Interface: sys_futex_waitv (svc/syscall.h).  Locks: one bucket mutex at a
 * time.
 */
#include <fw/alloc.h>
#include <fw/errno.h>
#include <fw/uaccess.h>
#include <fw/waitq.h>
#include <svc/proc.h>
#include <svc/syscall.h>
#include <uapi/futex.h>
#include <uapi/time.h>
#include "futex_impl.h"

struct futex_waitv_slot {
	struct futex_q	q;
	uint64_t	uaddr;
	uint32_t	val;
	bool		shared;
};

/*
 * futex_parse_waitv: reads the entries.  -EFAULT, or -EINVAL for unknown
 * flags, a size other than 32 bits, a reserved word that is not 0, or a
 * value that does not fit in 32 bits.
 */
static int
futex_waitv_parse(struct proc *p, uint64_t uw, unsigned int nr,
    struct futex_waitv_slot *v, struct futex_sleeper *s)
{
	struct linux_futex_waitv w;
	unsigned int i;
	int err;

	for (i = 0; i < nr; i++) {
		if ((err = fw_copy_from_user(p->vm, &w, fw_uaddr(uw + i *
		    sizeof(w)), sizeof(w))) < 0)
			return err;
		if ((w.flags & ~(uint32_t)(LINUX_FUTEX2_SIZE_MASK |
		    LINUX_FUTEX2_PRIVATE)) || w.reserved != 0)
			return -EINVAL;
		if ((w.flags & LINUX_FUTEX2_SIZE_MASK) != LINUX_FUTEX2_SIZE_U32)
			return -EINVAL;
		if (w.val > UINT32_MAX)
			return -EINVAL;
		futex_q_init(&v[i].q, s, LINUX_FUTEX_BITSET_MATCH_ANY);
		v[i].q.index = (int)i;
		v[i].uaddr = w.uaddr;
		v[i].val = (uint32_t)w.val;
		v[i].shared = !(w.flags & LINUX_FUTEX2_PRIVATE);
	}
	return 0;
}

/* futex_unqueue_multiple: the last of the first n that was woken, or -1. */
static int
futex_waitv_unqueue(struct futex_waitv_slot *v, unsigned int n)
{
	unsigned int i;
	int woken = -1;

	for (i = 0; i < n; i++)
		if (futex_q_finish(&v[i].q))
			woken = (int)i;
	return woken;
}

/*
 * futex_wait_multiple_setup: queues every record whose word holds its
 * value.  0 when all are queued; else an index already woken (>= 0 through
 * *woken, returning 1), or -EAGAIN, -EFAULT, with nothing queued.
 */
static int
futex_waitv_setup(struct proc *p, struct futex_waitv_slot *v,
    unsigned int nr, int *woken)
{
	struct futex_bucket *b;
	unsigned int i;
	uint32_t cur;
	int err;

	for (i = 0; i < nr; i++) {
		b = futex_bucket_of(&v[i].q.key);
		fw_mutex_lock(&b->lock);
		if ((err = futex_get_word(p, v[i].uaddr, &cur)) == 0 &&
		    cur == v[i].val) {
			futex_queue_locked(b, &v[i].q);
			fw_mutex_unlock(&b->lock);
			continue;
		}
		fw_mutex_unlock(&b->lock);
		if ((*woken = futex_waitv_unqueue(v, i)) >= 0)
			return 1;
		return err < 0 ? err : -EAGAIN;
	}
	return 0;
}

/* The keys, the setup and the sleep: the index woken, or -errno. */
static long
futex_waitv_run(struct thread *t, struct futex_waitv_slot *v,
    unsigned int nr, struct futex_sleeper *s, uint64_t deadline)
{
	unsigned int i, nkeys;
	int err = 0, woken = -1;

	for (nkeys = 0; nkeys < nr; nkeys++)
		if ((err = futex_key_get(t->proc, v[nkeys].uaddr,
		    v[nkeys].shared, &v[nkeys].q.key)) < 0)
			break;
	if (err == 0 && (err = futex_waitv_setup(t->proc, v, nr,
	    &woken)) == 0) {
		err = futex_sleep(t, s, deadline);
		woken = futex_waitv_unqueue(v, nr);
	}
	for (i = 0; i < nkeys; i++)
		futex_key_put(&v[i].q.key);
	if (woken >= 0)
		return woken;
	return err == -EINTR ? -ERESTARTSYS : err;
}

/* futex_waitv(waiters, nr_futexes, flags, timeout, clockid). */
SYSCALL(futex_waitv)
{
	unsigned int nr = (unsigned int)a->a[1];
	int clockid = (int)a->a[4];
	struct futex_sleeper s = { 0 };
	struct futex_waitv_slot *v;
	uint64_t deadline = FW_NO_DEADLINE;
	long err;

	if ((unsigned int)a->a[2] != 0)
		return -EINVAL;
	if (nr == 0 || nr > LINUX_FUTEX_WAITV_MAX || a->a[0] == 0)
		return -EINVAL;
	if (a->a[3] != 0) {
		if (clockid != LINUX_CLOCK_REALTIME &&
		    clockid != LINUX_CLOCK_MONOTONIC)
			return -EINVAL;
		if ((err = futex_deadline(t->proc, a->a[3], false,
		    clockid == LINUX_CLOCK_REALTIME, &deadline)) < 0)
			return err;
	}
	if ((v = fw_zalloc(nr, sizeof(*v))) == NULL)
		return -ENOMEM;
	if ((err = futex_waitv_parse(t->proc, a->a[0], nr, v, &s)) == 0)
		err = futex_waitv_run(t, v, nr, &s, deadline);
	fw_free(v);
	return err;
}
