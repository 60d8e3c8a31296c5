/*
 * poll/timerfd.c: timerfd_create(2), timerfd_settime(2) and
 * timerfd_gettime(2) (fs/timerfd.c).  A timerfd counts expirations: an
 * alarm (svc/kalarm.h) adds one at the deadline and marks the timer
 * expired; a periodic timer is moved on lazily, when read or queried, by
 * whole intervals past now, each skipped one counting as an expiration
 * (hrtimer_forward_now), and re-armed.  read(2) takes the count (8
 * bytes), waiting while it is 0; the timer is readable (EPOLLIN only, as
 * Linux's) while it is not 0.
 *
 * Clocks: REALTIME, MONOTONIC and BOOTTIME (which is MONOTONIC: the
 * machine never suspends); the *_ALARM ones need CAP_WAKE_ALARM, which no
 * one has here: EPERM.  An absolute REALTIME deadline is converted to the
 * monotonic clock when set.  The real-time clock cannot be set inside
 * Trellis, so TFD_TIMER_CANCEL_ON_SET is accepted and never cancels
 * (read never fails with ECANCELED).
 *
 * Interface: sys_timerfd_create, sys_timerfd_settime, sys_timerfd_gettime.
 * Locks used to protect fields in this file:
 *	I	immutable after creation
 *	s	tfd->mtx: settime, gettime and the moving on of a read
 *	l	tfd->lock (a spinlock, taken by the alarm)
 * Lock order: tfd->mtx, kalarm's lock, tfd->lock, the head.
 */
#include <fw/alloc.h>
#include <fw/errno.h>
#include <fw/string.h>
#include <fw/timer.h>
#include <fw/uaccess.h>
#include <svc/file.h>
#include <svc/kalarm.h>
#include <svc/poll.h>
#include <svc/proc.h>
#include <svc/syscall.h>
#include <svc/time.h>
#include <svc/vfs.h>
#include <uapi/fcntl.h>
#include <uapi/fs.h>
#include "poll_impl.h"

struct timerfd {
	struct fw_mutex		 mtx;
	struct fw_spinlock	 lock;
	struct kalarm		 alarm;
	struct fw_waitq		 wq;		/* readers */
	struct pollhead		 ph;
	int			 clock;		/* [I] */
	uint64_t		 deadline;	/* [s] monotonic; 0: disarmed */
	uint64_t		 interval;	/* [s] */
	uint64_t		 ticks;		/* [l] expirations unread */
	bool			 expired;	/* [l] fired, not moved on */
};

static const struct file_ops timerfd_ops;

static struct timerfd *
tfd_of(struct file *f)
{
	return f->ops == &timerfd_ops ? f->priv : NULL;
}

/* n more expirations: readers and pollers learn. */
static void
tfd_add_ticks(struct timerfd *tf, uint64_t n, bool expired)
{
	fw_spin_lock(&tf->lock);
	tf->ticks += n;
	tf->expired = expired;
	fw_spin_unlock(&tf->lock);
	fw_waitq_wake_all(&tf->wq);
	poll_notify(&tf->ph, LINUX_EPOLLIN);
}

/* timerfd_tmrproc: the deadline came (under kalarm's lock). */
static void
tfd_fire(void *arg)
{
	tfd_add_ticks(arg, 1, true);
}

/* Moves an expired periodic timer past now, counting what it skipped. */
static void
tfd_forward(struct timerfd *tf, uint64_t now) FW_REQUIRES(&tf->mtx)
{
	uint64_t k, step;

	fw_spin_lock(&tf->lock);
	if (!tf->expired || tf->interval == 0) {
		fw_spin_unlock(&tf->lock);
		return;
	}
	k = now > tf->deadline ? (now - tf->deadline) / tf->interval + 1 : 1;
	tf->ticks += k - 1;
	tf->expired = false;
	fw_spin_unlock(&tf->lock);
	if (__builtin_mul_overflow(k, tf->interval, &step) ||
	    __builtin_add_overflow(tf->deadline, step, &tf->deadline))
		tf->deadline = FW_NO_DEADLINE;
	if (kalarm_arm(&tf->alarm, tf->deadline) < 0)
		return;			/* the alarm task runs already */
}

static bool
tfd_has_ticks(void *arg)
{
	struct timerfd *tf = arg;
	bool r;

	fw_spin_lock(&tf->lock);
	r = tf->ticks > 0;
	fw_spin_unlock(&tf->lock);
	return r;
}

static long
tfd_read(struct file *f, void *buf, size_t len, uint64_t *off)
{
	struct timerfd *tf = f->priv;
	uint64_t ticks;

	(void)off;
	if (len < sizeof(ticks))
		return -EINVAL;
	for (;;) {
		fw_mutex_lock(&tf->mtx);
		tfd_forward(tf, fw_clock_monotonic());
		fw_spin_lock(&tf->lock);
		ticks = tf->ticks;
		tf->ticks = 0;
		fw_spin_unlock(&tf->lock);
		fw_mutex_unlock(&tf->mtx);
		if (ticks > 0)
			break;
		if (atomic_load(&f->flags) & LINUX_O_NONBLOCK)
			return -EAGAIN;
		if (fw_waitq_wait(&tf->wq, tfd_has_ticks, tf, FW_NO_DEADLINE,
		    true) < 0)
			return -ERESTARTSYS;
	}
	memcpy(buf, &ticks, sizeof(ticks));
	return sizeof(ticks);
}

static uint32_t
tfd_poll(struct file *f, struct poll_table *pt)
{
	struct timerfd *tf = f->priv;

	poll_wait(pt, &tf->ph);
	return tfd_has_ticks(tf) ? LINUX_EPOLLIN : 0;
}

static void
tfd_stat(struct file *f, struct linux_stat *st)
{
	(void)f;
	anon_file_stat(st);
}

static void
tfd_release(struct file *f)
{
	struct timerfd *tf = f->priv;

	kalarm_cancel(&tf->alarm);
	fw_free(tf);
}

static const struct file_ops timerfd_ops = {
	.anon_name = "timerfd",
	.read = tfd_read,
	.poll = tfd_poll,
	.stat = tfd_stat,
	.release = tfd_release,
};

#define TFD_CREATE_FLAGS	(LINUX_TFD_NONBLOCK | LINUX_TFD_CLOEXEC)
#define TFD_SETTIME_FLAGS	(LINUX_TFD_TIMER_ABSTIME | \
	LINUX_TFD_TIMER_CANCEL_ON_SET)

SYSCALL(timerfd_create)
{
	int clock = (int)a->a[0], fd, err;
	uint64_t flags = (uint32_t)a->a[1];
	struct timerfd *tf;
	struct file *f;

	if ((flags & ~(uint64_t)TFD_CREATE_FLAGS) ||
	    (clock != LINUX_CLOCK_MONOTONIC && clock != LINUX_CLOCK_REALTIME &&
	    clock != LINUX_CLOCK_REALTIME_ALARM &&
	    clock != LINUX_CLOCK_BOOTTIME && clock != LINUX_CLOCK_BOOTTIME_ALARM))
		return -EINVAL;
	if (clock == LINUX_CLOCK_REALTIME_ALARM ||
	    clock == LINUX_CLOCK_BOOTTIME_ALARM)
		return -EPERM;			/* no CAP_WAKE_ALARM */
	if ((tf = fw_zalloc(1, sizeof(*tf))) == NULL)
		return -ENOMEM;
	fw_mutex_init(&tf->mtx);
	fw_spin_init(&tf->lock);
	fw_waitq_init(&tf->wq);
	pollhead_init(&tf->ph);
	kalarm_init(&tf->alarm, tfd_fire, tf);
	tf->clock = clock;
	if ((err = file_alloc(&timerfd_ops, NULL, LINUX_O_RDWR |
	    (flags & LINUX_TFD_NONBLOCK), false, &f)) < 0) {
		fw_free(tf);
		return err;
	}
	f->priv = tf;
	fd = fd_install(t->proc, f, flags & LINUX_TFD_CLOEXEC);
	file_unref(f);
	return fd;
}

/* What is left and the interval, after moving on (timerfd_gettime). */
static void
tfd_get_locked(struct timerfd *tf, uint64_t now, struct linux_itimerspec *it)
	FW_REQUIRES(&tf->mtx)
{
	tfd_forward(tf, now);
	it->it_value = ns_to_timespec(tf->deadline > now ?
	    tf->deadline - now : 0);
	it->it_interval = ns_to_timespec(tf->interval);
}

static uint64_t
tfd_add_sat(uint64_t a, uint64_t b)
{
	return b > FW_NO_DEADLINE - a ? FW_NO_DEADLINE : a + b;
}

/*
 * Starts a new setting (value > 0) at monotonic time now.  The deadline
 * is first taken on the timer's own clock: one already past counts its
 * expirations at once (1, or every interval since it), and the next one
 * is found on that clock too, so a deadline from before the monotonic
 * clock began still counts right.
 */
static int
tfd_start(struct timerfd *tf, int flags, uint64_t value, uint64_t now)
	FW_REQUIRES(&tf->mtx)
{
	uint64_t cnow = now, when = tfd_add_sat(now, value), missed, next;

	if (flags & LINUX_TFD_TIMER_ABSTIME) {
		when = value;
		if (tf->clock == LINUX_CLOCK_REALTIME)
			cnow = fw_clock_realtime();
	}
	if (when > cnow) {
		tf->deadline = tfd_add_sat(now, when - cnow);
		return kalarm_arm(&tf->alarm, tf->deadline);
	}
	missed = tf->interval ? (cnow - when) / tf->interval + 1 : 1;
	tfd_add_ticks(tf, missed, false);
	tf->deadline = now;
	if (tf->interval == 0)
		return 0;
	/* when + missed * interval lies in (cnow, cnow + interval]. */
	if (__builtin_mul_overflow(missed, tf->interval, &next) ||
	    __builtin_add_overflow(next, when, &next)) {
		tf->deadline = FW_NO_DEADLINE;		/* never again */
		return 0;
	}
	tf->deadline = tfd_add_sat(now, next - cnow);
	return kalarm_arm(&tf->alarm, tf->deadline);
}

/* do_timerfd_settime, with old filled. */
static int
tfd_set(struct timerfd *tf, int flags, uint64_t value, uint64_t interval,
    struct linux_itimerspec *old)
{
	uint64_t now = fw_clock_monotonic();
	int err = 0;

	fw_mutex_lock(&tf->mtx);
	tfd_get_locked(tf, now, old);
	kalarm_cancel(&tf->alarm);	/* after the get, which may re-arm */
	fw_spin_lock(&tf->lock);
	tf->ticks = 0;
	tf->expired = false;
	fw_spin_unlock(&tf->lock);
	tf->deadline = 0;
	tf->interval = value == 0 ? 0 : interval;
	if (value != 0)
		err = tfd_start(tf, flags, value, now);
	fw_mutex_unlock(&tf->mtx);
	return err;
}

/* timerfd_settime(fd, flags, new, old). */
SYSCALL(timerfd_settime)
{
	struct linux_itimerspec it, old;
	uint64_t value, interval;
	struct timerfd *tf;
	struct file *f;
	int err;

	if ((err = fw_copy_from_user(t->proc->vm, &it, fw_uaddr(a->a[2]),
	    sizeof(it))) < 0)
		return err;
	if ((a->a[1] & ~(uint64_t)TFD_SETTIME_FLAGS) ||
	    timespec_to_ns(&it.it_value, &value) < 0 ||
	    timespec_to_ns(&it.it_interval, &interval) < 0)
		return -EINVAL;
	if (fd_get(t->proc, (int)a->a[0], &f) < 0)
		return -EBADF;
	if ((tf = tfd_of(f)) == NULL)
		err = -EINVAL;
	else
		err = tfd_set(tf, (int)a->a[1], value, interval, &old);
	file_unref(f);
	if (err == 0 && a->a[3] != 0)
		err = fw_copy_to_user(t->proc->vm, fw_uaddr(a->a[3]), &old,
		    sizeof(old));
	return err;
}

/* timerfd_gettime(fd, cur). */
SYSCALL(timerfd_gettime)
{
	struct linux_itimerspec it;
	struct timerfd *tf;
	struct file *f;

	if (fd_get(t->proc, (int)a->a[0], &f) < 0)
		return -EBADF;
	if ((tf = tfd_of(f)) == NULL) {
		file_unref(f);
		return -EINVAL;
	}
	fw_mutex_lock(&tf->mtx);
	tfd_get_locked(tf, fw_clock_monotonic(), &it);
	fw_mutex_unlock(&tf->mtx);
	file_unref(f);
	return fw_copy_to_user(t->proc->vm, fw_uaddr(a->a[1]), &it,
	    sizeof(it));
}
