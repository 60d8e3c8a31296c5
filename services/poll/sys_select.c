/*
 * poll/sys_select.c: select(2) and pselect6(2) (fs/select.c
 * core_sys_select, do_select).  The three sets are bitmaps of n bits in
 * 64-bit words; every descriptor named must be open (else EBADF, before
 * any wait).  A descriptor is readable when its file reports any of
 * POLLIN_SET, writable for POLLOUT_SET, exceptional for POLLPRI; the
 * result counts set bits, and the sets are written back (not when the
 * call is interrupted).  The time left is written back to the timeout,
 * as Linux does, so an interrupted call restarts with what remains.
 *
 * Locks: none of its own (see sys_poll.c).
 */
#include <fw/alloc.h>
#include <fw/errno.h>
#include <fw/string.h>
#include <fw/timer.h>
#include <fw/uaccess.h>
#include <svc/file.h>
#include <svc/lib.h>
#include <svc/proc.h>
#include <svc/signal.h>
#include <svc/syscall.h>
#include <svc/time.h>
#include <svc/vfs.h>
#include "poll_impl.h"

#define POLLIN_SET	(LINUX_EPOLLRDNORM | LINUX_EPOLLRDBAND | \
	LINUX_EPOLLIN | LINUX_EPOLLHUP | LINUX_EPOLLERR)
#define POLLOUT_SET	(LINUX_EPOLLWRBAND | LINUX_EPOLLWRNORM | \
	LINUX_EPOLLOUT | LINUX_EPOLLERR)
#define POLLEX_SET	LINUX_EPOLLPRI
#define SELECT_FD_MAX	(1 << 20)

/* The sets in and their results out: 3 + 3 bitmaps of words each. */
struct fdsets {
	size_t		 n, words;
	uint64_t	*buf;
	uint64_t	*in[3], *out[3];
};

static int
fdsets_get(struct thread *t, struct fdsets *s, const uint64_t uset[3])
{
	size_t i, bytes = s->words * sizeof(uint64_t);
	int err;

	if ((s->buf = fw_zalloc(6 * s->words + 1, sizeof(uint64_t))) == NULL)
		return -ENOMEM;
	for (i = 0; i < 3; i++) {
		s->in[i] = s->buf + i * s->words;
		s->out[i] = s->buf + (3 + i) * s->words;
		if (uset[i] != 0 && (err = fw_copy_from_user(t->proc->vm,
		    s->in[i], fw_uaddr(uset[i]), bytes)) < 0)
			return err;
	}
	return 0;
}

static int
fdsets_put(struct thread *t, const struct fdsets *s, const uint64_t uset[3])
{
	size_t i, bytes = s->words * sizeof(uint64_t);

	for (i = 0; i < 3; i++)
		if (uset[i] != 0 && fw_copy_to_user(t->proc->vm,
		    fw_uaddr(uset[i]), s->out[i], bytes) < 0)
			return -EFAULT;
	return 0;
}

/* The bits of word w of set i below n. */
static uint64_t
fdsets_word(const struct fdsets *s, int i, size_t w)
{
	uint64_t v = s->in[i][w];
	size_t rest = s->n - w * 64;

	return rest >= 64 ? v : v & ((1ULL << rest) - 1);
}

/* max_select_fd: every descriptor named must be open.  0, or -EBADF. */
static int
fdsets_check(struct thread *t, const struct fdsets *s)
{
	struct file *f;
	uint64_t all;
	size_t w;
	int b;

	for (w = 0; w < s->words; w++) {
		all = fdsets_word(s, 0, w) | fdsets_word(s, 1, w) |
		    fdsets_word(s, 2, w);
		for (; all != 0; all &= all - 1) {
			b = __builtin_ctzll(all);
			if (fd_get(t->proc, (int)(w * 64) + b, &f) < 0)
				return -EBADF;
			file_unref(f);
		}
	}
	return 0;
}

/* One descriptor: polls it and sets its result bits; their count. */
static int
select_one(struct thread *t, struct fdsets *s, struct poll_waiter *w,
    size_t word, uint64_t bit)
{
	static const uint32_t want[3] = { POLLIN_SET, POLLOUT_SET, POLLEX_SET };
	uint32_t mask;
	struct file *f;
	int i, count = 0;

	if (fd_get(t->proc, (int)(word * 64) + __builtin_ctzll(bit), &f) < 0)
		return 0;			/* closed meanwhile */
	w->pt.key = POLLEX_SET;
	for (i = 0; i < 2; i++)
		if (s->in[i][word] & bit)
			w->pt.key |= want[i];
	w->cur = f;
	mask = file_poll(f, w->pt.queue != NULL ? &w->pt : NULL);
	w->cur = NULL;
	file_unref(f);
	for (i = 0; i < 3; i++) {
		if ((s->in[i][word] & bit) && (mask & want[i])) {
			s->out[i][word] |= bit;
			count++;
		}
	}
	if (count > 0)
		w->pt.queue = NULL;
	return count;
}

static int
select_scan(struct thread *t, struct fdsets *s, struct poll_waiter *w)
{
	uint64_t all;
	int count = 0;
	size_t i;

	for (i = 0; i < s->words; i++) {
		all = fdsets_word(s, 0, i) | fdsets_word(s, 1, i) |
		    fdsets_word(s, 2, i);
		for (; all != 0; all &= all - 1)
			count += select_one(t, s, w, i, all & -all);
	}
	w->pt.queue = NULL;
	return count;
}

struct select_args {
	struct thread	*t;
	struct fdsets	*s;
};

static int
select_scan_sets(void *arg, struct poll_waiter *w)
{
	struct select_args *sa = arg;

	return select_scan(sa->t, sa->s, w);
}

/* do_select: the count of set bits, 0 at the deadline, -ERESTARTNOHAND. */
static int
select_loop(struct thread *t, struct fdsets *s, uint64_t deadline)
{
	struct select_args sa = { t, s };

	return poll_waiter_run(t, s->n, deadline, select_scan_sets, &sa);
}

/* core_sys_select(n, in, out, ex) with a monotonic deadline. */
static long
select_core(struct thread *t, int n, const uint64_t uset[3],
    uint64_t deadline)
{
	struct fdsets s = { 0 };
	uint64_t max = poll_nofile(t);
	long ret;

	if (n < 0)
		return -EINVAL;
	/* No descriptor lies past the limit (nor past 2^20, fdtable.c). */
	max = MIN(max, (uint64_t)SELECT_FD_MAX);
	s.n = (uint64_t)n > max ? (size_t)max : (size_t)n;
	s.words = (s.n + 63) / 64;
	if ((ret = fdsets_get(t, &s, uset)) < 0 ||
	    (ret = fdsets_check(t, &s)) < 0)
		goto out;
	if ((ret = select_loop(t, &s, deadline)) < 0)
		goto out;
	if (fdsets_put(t, &s, uset) < 0)
		ret = -EFAULT;
out:
	fw_free(s.buf);
	return ret;
}

/* select(n, in, out, ex, timeval): the time left goes back to timeval. */
SYSCALL(select)
{
	const uint64_t uset[3] = { a->a[1], a->a[2], a->a[3] };
	struct linux_timeval tv;
	struct linux_timespec ts;
	uint64_t deadline = FW_NO_DEADLINE;
	long ret;
	int err;

	if (a->a[4] != 0) {
		if ((err = fw_copy_from_user(t->proc->vm, &tv,
		    fw_uaddr(a->a[4]), sizeof(tv))) < 0)
			return err;
		ts.tv_sec = tv.tv_sec + tv.tv_usec / 1000000;
		ts.tv_nsec = (tv.tv_usec % 1000000) * 1000;
		if ((err = poll_deadline(&ts, &deadline)) < 0)
			return err;
	}
	ret = select_core(t, (int)a->a[0], uset, deadline);
	if (a->a[4] == 0 || deadline == 0)
		return ret;
	ts = poll_time_left(deadline);
	tv.tv_sec = ts.tv_sec;
	tv.tv_usec = ts.tv_nsec / 1000;
	if (fw_copy_to_user(t->proc->vm, fw_uaddr(a->a[4]), &tv,
	    sizeof(tv)) < 0 && ret == -ERESTARTNOHAND)
		return -EINTR;
	return ret;
}

/* pselect6(n, in, out, ex, timespec, { sigmask, size }). */
SYSCALL(pselect6)
{
	const uint64_t uset[3] = { a->a[1], a->a[2], a->a[3] };
	struct linux_timespec ts;
	uint64_t pack[2] = { 0, 0 }, deadline = FW_NO_DEADLINE;
	long ret;
	int err;

	if (a->a[5] != 0 && (err = fw_copy_from_user(t->proc->vm, pack,
	    fw_uaddr(a->a[5]), sizeof(pack))) < 0)
		return err;
	if (a->a[4] != 0) {
		if ((err = fw_copy_from_user(t->proc->vm, &ts,
		    fw_uaddr(a->a[4]), sizeof(ts))) < 0)
			return err;
		if ((err = poll_deadline(&ts, &deadline)) < 0)
			return err;
	}
	if ((err = poll_sigmask_begin(t, pack[0], pack[1])) < 0)
		return err;
	ret = select_core(t, (int)a->a[0], uset, deadline);
	return poll_finish_ts(t, a->a[4], deadline, ret);
}
