/*
 * poll/eventfd.c: eventfd(2) and eventfd2(2) (fs/eventfd.c).  An eventfd
 * is a 64-bit counter: a write of 8 bytes adds to it, waiting while the
 * sum would pass 0xfffffffffffffffe (writing 2^64-1 itself is EINVAL); a
 * read of 8 bytes waits for it to be non-zero and takes all of it, or 1
 * with EFD_SEMAPHORE.  EPOLLIN while non-zero, EPOLLOUT while below the
 * maximum, and EPOLLERR at 2^64-1 (only reachable by Linux's kernel-side
 * overflow); no RDNORM or WRNORM, as Linux's eventfd_poll.  A blocked read or write is restarted after a handler with
 * SA_RESTART (ERESTARTSYS), as Linux's.
 *
 * Interface: sys_eventfd, sys_eventfd2.
 * Locks used to protect fields in this file:
 *	I	immutable after creation
 *	l	efd->lock (a spinlock; never held across a sleep or a copy)
 */
#include <fw/alloc.h>
#include <fw/errno.h>
#include <fw/string.h>
#include <svc/file.h>
#include <svc/poll.h>
#include <svc/proc.h>
#include <svc/syscall.h>
#include <svc/vfs.h>
#include <uapi/fcntl.h>
#include <uapi/fs.h>
#include "poll_impl.h"

#define EFD_MAX		UINT64_MAX

struct eventfd {
	struct fw_spinlock	 lock;
	uint64_t		 count;		/* [l] */
	bool			 semaphore;	/* [I] */
	struct fw_waitq		 wq;		/* readers and writers */
	struct pollhead		 ph;
};

static struct eventfd *
efd_of(struct file *f)
{
	return f->priv;
}

static bool
efd_readable(void *arg)
{
	struct eventfd *e = arg;
	bool r;

	fw_spin_lock(&e->lock);
	r = e->count > 0;
	fw_spin_unlock(&e->lock);
	return r;
}

struct efd_space {
	struct eventfd	*e;
	uint64_t	 n;
};

static bool
efd_fits(void *arg)
{
	struct efd_space *s = arg;
	bool r;

	fw_spin_lock(&s->e->lock);
	r = EFD_MAX - s->e->count > s->n;
	fw_spin_unlock(&s->e->lock);
	return r;
}

/* Wakes the waiters of the other kind and the pollers. */
static void
efd_changed(struct eventfd *e, uint32_t events)
{
	fw_waitq_wake_all(&e->wq);
	poll_notify(&e->ph, events);
}

static long
efd_read(struct file *f, void *buf, size_t len, uint64_t *off)
{
	struct eventfd *e = efd_of(f);
	uint64_t v;

	(void)off;
	if (len < sizeof(v))
		return -EINVAL;
	for (;;) {
		fw_spin_lock(&e->lock);
		if (e->count > 0)
			break;
		fw_spin_unlock(&e->lock);
		if (atomic_load(&f->flags) & LINUX_O_NONBLOCK)
			return -EAGAIN;
		if (fw_waitq_wait(&e->wq, efd_readable, e, FW_NO_DEADLINE,
		    true) < 0)
			return -ERESTARTSYS;
	}
	v = e->semaphore ? 1 : e->count;
	e->count -= v;
	fw_spin_unlock(&e->lock);
	memcpy(buf, &v, sizeof(v));
	efd_changed(e, LINUX_EPOLLOUT);
	return sizeof(v);
}

static long
efd_write(struct file *f, const void *buf, size_t len, uint64_t *off)
{
	struct efd_space s = { efd_of(f), 0 };

	(void)off;
	if (len < sizeof(s.n))
		return -EINVAL;
	memcpy(&s.n, buf, sizeof(s.n));
	if (s.n == EFD_MAX)
		return -EINVAL;
	for (;;) {
		fw_spin_lock(&s.e->lock);
		if (EFD_MAX - s.e->count > s.n)
			break;
		fw_spin_unlock(&s.e->lock);
		if (atomic_load(&f->flags) & LINUX_O_NONBLOCK)
			return -EAGAIN;
		if (fw_waitq_wait(&s.e->wq, efd_fits, &s, FW_NO_DEADLINE,
		    true) < 0)
			return -ERESTARTSYS;
	}
	s.e->count += s.n;
	fw_spin_unlock(&s.e->lock);
	/* Even a write of 0 wakes (an edge for EPOLLET), as Linux's. */
	efd_changed(s.e, LINUX_EPOLLIN);
	return sizeof(s.n);
}

static uint32_t
efd_poll(struct file *f, struct poll_table *pt)
{
	struct eventfd *e = efd_of(f);
	uint32_t events = 0;
	uint64_t n;

	poll_wait(pt, &e->ph);
	fw_spin_lock(&e->lock);
	n = e->count;
	fw_spin_unlock(&e->lock);
	if (n > 0)
		events |= LINUX_EPOLLIN;
	if (n == EFD_MAX)
		events |= LINUX_EPOLLERR;
	if (EFD_MAX - 1 > n)
		events |= LINUX_EPOLLOUT;
	return events;
}

static void
efd_stat(struct file *f, struct linux_stat *st)
{
	(void)f;
	anon_file_stat(st);
}

static void
efd_release(struct file *f)
{
	fw_free(efd_of(f));
}

static const struct file_ops eventfd_ops = {
	.anon_name = "eventfd",
	.read = efd_read,
	.write = efd_write,
	.poll = efd_poll,
	.stat = efd_stat,
	.release = efd_release,
};

#define EFD_FLAGS	(LINUX_EFD_SEMAPHORE | LINUX_EFD_NONBLOCK | \
	LINUX_EFD_CLOEXEC)

/* do_eventfd: a counter at initval on a new descriptor. */
static long
eventfd_new(struct thread *t, uint32_t initval, uint64_t flags)
{
	struct eventfd *e;
	struct file *f;
	int fd, err;

	if (flags & ~(uint64_t)EFD_FLAGS)
		return -EINVAL;
	if ((e = fw_zalloc(1, sizeof(*e))) == NULL)
		return -ENOMEM;
	fw_spin_init(&e->lock);
	fw_waitq_init(&e->wq);
	pollhead_init(&e->ph);
	e->count = initval;
	e->semaphore = flags & LINUX_EFD_SEMAPHORE;
	if ((err = file_alloc(&eventfd_ops, NULL, LINUX_O_RDWR |
	    (flags & LINUX_EFD_NONBLOCK), false, &f)) < 0) {
		fw_free(e);
		return err;
	}
	f->priv = e;
	fd = fd_install(t->proc, f, flags & LINUX_EFD_CLOEXEC);
	file_unref(f);
	return fd;
}

SYSCALL(eventfd)
{
	return eventfd_new(t, (uint32_t)a->a[0], 0);
}

SYSCALL(eventfd2)
{
	return eventfd_new(t, (uint32_t)a->a[0], (uint32_t)a->a[1]);
}
