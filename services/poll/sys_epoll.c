/*
 * poll/sys_epoll.c: epoll_create(2), epoll_create1(2), epoll_ctl(2),
 * epoll_wait(2), epoll_pwait(2) and epoll_pwait2(2), with Linux's checks
 * in Linux's order (fs/eventpoll.c), and the collection of events: the
 * ready list is taken whole, each item polled again (a level-triggered
 * item that has events goes back on the list, an edge-triggered one only
 * if woken meanwhile, a one-shot one is disabled until EPOLL_CTL_MOD),
 * and what was not reached goes back in front.  epoll_wait(2) is never
 * restarted: a signal makes it fail with EINTR.
 *
 * Locks: ep->mtx around a collection, ep->lock for the lists (epoll.h).
 */
#include <fw/errno.h>
#include <fw/task.h>
#include <fw/timer.h>
#include <fw/uaccess.h>
#include <fw/vm.h>
#include <svc/file.h>
#include <svc/proc.h>
#include <svc/signal.h>
#include <svc/syscall.h>
#include <svc/vfs.h>
#include "epoll.h"
#include "poll_impl.h"

#define EP_EVENT_SIZE	sizeof(struct linux_epoll_event)
#define EP_MAX_EVENTS	(int)(0x7fffffff / EP_EVENT_SIZE)

/* What becomes of an item after a collection looked at it. */
static void
ep_settle(struct eventpoll *ep, struct eplist *scan, struct epitem *epi,
    uint32_t revents)
{
	bool requeue;

	fw_spin_lock(&ep->lock);
	eplist_remove(scan, epi);
	requeue = epi->again && (epi->events & ~EP_PRIVATE_BITS);
	if (revents != 0) {
		if (epi->events & LINUX_EPOLLONESHOT)
			epi->events &= EP_PRIVATE_BITS;
		else if (!(epi->events & LINUX_EPOLLET))
			requeue = true;
	}
	epi->again = false;
	epi->state = requeue ? EPI_READY : EPI_IDLE;
	if (requeue)
		eplist_append(&ep->ready, epi);
	fw_spin_unlock(&ep->lock);
}

/* The unreached items of scan go back in front of the ready list. */
static bool
ep_scan_done(struct eventpoll *ep, struct eplist *scan)
{
	struct epitem *epi;
	bool more;

	fw_spin_lock(&ep->lock);
	while ((epi = scan->tail) != NULL) {
		eplist_remove(scan, epi);
		epi->state = EPI_READY;
		epi->again = false;
		epi->rprev = NULL;
		epi->rnext = ep->ready.head;
		if (ep->ready.head != NULL)
			ep->ready.head->rprev = epi;
		else
			ep->ready.tail = epi;
		ep->ready.head = epi;
	}
	more = ep->ready.head != NULL;
	fw_spin_unlock(&ep->lock);
	return more;
}

/* ep_send_events: up to max events to uev; their count, or -EFAULT. */
static int
ep_send_events(struct eventpoll *ep, struct fw_vm *vm, fw_uaddr_t uev,
    int max)
{
	struct linux_epoll_event ev;
	struct eplist scan;
	struct epitem *epi;
	uint32_t revents;
	int res = 0;

	fw_mutex_lock(&ep->mtx);
	fw_spin_lock(&ep->lock);
	scan = ep->ready;
	ep->ready.head = ep->ready.tail = NULL;
	for (epi = scan.head; epi != NULL; epi = epi->rnext)
		epi->state = EPI_SCAN;
	fw_spin_unlock(&ep->lock);
	while (res < max && (epi = scan.head) != NULL) {
		if ((revents = ep_item_poll(epi)) != 0) {
			ev.events = revents;
			ev.data = epi->data;
			if (fw_copy_to_user(vm, fw_uaddr_add(uev,
			    (uint64_t)res * EP_EVENT_SIZE), &ev,
			    EP_EVENT_SIZE) < 0) {
				res = res > 0 ? res : -EFAULT;
				break;
			}
			res++;
		}
		ep_settle(ep, &scan, epi, revents);
	}
	if (ep_scan_done(ep, &scan) && atomic_load(&ep->nwaiters) > 0)
		fw_waitq_wake_one(&ep->wq);	/* the next waiter's turn */
	fw_mutex_unlock(&ep->mtx);
	return res;
}

static bool
ep_ready_cond(void *arg)
{
	return ep_has_ready(arg);
}

/* ep_poll: events, 0 at the deadline (0: do not wait), or -EINTR. */
static int
ep_wait(struct eventpoll *ep, struct thread *t, fw_uaddr_t uev, int max,
    uint64_t deadline)
{
	bool timed_out = deadline == 0;
	int res, err;

	for (;;) {
		if (ep_has_ready(ep) &&
		    (res = ep_send_events(ep, t->proc->vm, uev, max)) != 0)
			return res;
		if (timed_out)
			break;
		if (signal_pending(t)) {
			res = -EINTR;
			goto leave;
		}
		atomic_fetch_add(&ep->nwaiters, 1);
		err = fw_waitq_wait(&ep->wq, ep_ready_cond, ep, deadline, true);
		atomic_fetch_sub(&ep->nwaiters, 1);
		if (err == -ETIMEDOUT)
			timed_out = true;
		else if (err == -EINTR)
			(void)fw_task_clear_interrupt();	/* looked at above */
	}
	res = 0;
leave:
	/* A wake-up meant for us may have come as we left: pass it on. */
	if (ep_has_ready(ep) && atomic_load(&ep->nwaiters) > 0)
		fw_waitq_wake_one(&ep->wq);
	return res;
}

/* do_epoll_wait's checks (Linux 6.18's order: the fd first), the wait. */
static long
epoll_wait_fd(struct thread *t, int epfd, uint64_t uev, int max,
    uint64_t deadline)
{
	struct eventpoll *ep;
	struct file *f;
	long res;

	if (fd_get(t->proc, epfd, &f) < 0)
		return -EBADF;
	ep = ep_of(f);
	if (max <= 0 || max > EP_MAX_EVENTS)
		res = -EINVAL;
	else if (uev + (uint64_t)max * EP_EVENT_SIZE < uev ||
	    uev + (uint64_t)max * EP_EVENT_SIZE > fw_vm_user_top())
		res = -EFAULT;			/* access_ok */
	else
		res = ep != NULL ? ep_wait(ep, t, fw_uaddr(uev), max,
		    deadline) : -EINVAL;
	file_unref(f);
	return res;
}

/* A timeout in milliseconds (negative: none) as a deadline. */
static uint64_t
epoll_ms_deadline(int32_t ms)
{
	struct linux_timespec ts = { ms / 1000, (ms % 1000) * 1000000LL };
	uint64_t deadline = FW_NO_DEADLINE;

	if (ms >= 0 && poll_deadline(&ts, &deadline) < 0)
		return FW_NO_DEADLINE;		/* cannot happen: ms >= 0 */
	return deadline;
}

/* epoll_wait(epfd, events, maxevents, timeout). */
SYSCALL(epoll_wait)
{
	return epoll_wait_fd(t, (int)a->a[0], a->a[1], (int)a->a[2],
	    epoll_ms_deadline((int32_t)a->a[3]));
}

/* The sigmask variants: a temporary mask kept for the handler on EINTR. */
static long
epoll_pwait_common(struct thread *t, const struct syscall_args *a,
    uint64_t deadline)
{
	long res;
	int err;

	if ((err = poll_sigmask_begin(t, a->a[4], a->a[5])) < 0)
		return err;
	res = epoll_wait_fd(t, (int)a->a[0], a->a[1], (int)a->a[2], deadline);
	signal_mask_done(t, res == -EINTR);
	return res;
}

/* epoll_pwait(epfd, events, maxevents, timeout, sigmask, sigsetsize). */
SYSCALL(epoll_pwait)
{
	return epoll_pwait_common(t, a, epoll_ms_deadline((int32_t)a->a[3]));
}

/* epoll_pwait2: the timeout a timespec (NULL: none). */
SYSCALL(epoll_pwait2)
{
	struct linux_timespec ts;
	uint64_t deadline = FW_NO_DEADLINE;
	int err;

	if (a->a[3] != 0) {
		if ((err = fw_copy_from_user(t->proc->vm, &ts,
		    fw_uaddr(a->a[3]), sizeof(ts))) < 0)
			return err;
		if ((err = poll_deadline(&ts, &deadline)) < 0)
			return err;
	}
	return epoll_pwait_common(t, a, deadline);
}

/* do_epoll_create: an eventpoll on a new descriptor. */
static long
epoll_create_fd(struct thread *t, uint64_t flags)
{
	struct file *f;
	int fd, err;

	if (flags & ~(uint64_t)LINUX_EPOLL_CLOEXEC)
		return -EINVAL;
	if ((err = ep_create(&f)) < 0)
		return err;
	fd = fd_install(t->proc, f, flags & LINUX_EPOLL_CLOEXEC);
	file_unref(f);
	return fd;
}

SYSCALL(epoll_create)
{
	if ((int32_t)a->a[0] <= 0)
		return -EINVAL;
	return epoll_create_fd(t, 0);
}

SYSCALL(epoll_create1)
{
	return epoll_create_fd(t, (uint32_t)a->a[0]);
}

/* EPOLLEXCLUSIVE goes with these bits only (EPOLLEXCLUSIVE_OK_BITS). */
#define EP_EXCLUSIVE_OK	(LINUX_EPOLLIN | LINUX_EPOLLOUT | LINUX_EPOLLERR | \
	LINUX_EPOLLHUP | LINUX_EPOLLWAKEUP | LINUX_EPOLLET | LINUX_EPOLLEXCLUSIVE)

/* do_epoll_ctl's checks of the two files and the event. */
static int
epoll_ctl_check(struct file *f, struct file *tf, int op, uint32_t events)
{
	bool has_event = op != LINUX_EPOLL_CTL_DEL;

	if (!file_can_poll(tf))
		return -EPERM;
	if (f == tf || ep_of(f) == NULL)
		return -EINVAL;
	if (has_event && (events & LINUX_EPOLLEXCLUSIVE)) {
		if (op == LINUX_EPOLL_CTL_MOD)
			return -EINVAL;
		if (op == LINUX_EPOLL_CTL_ADD && (file_is_epoll(tf) ||
		    (events & ~EP_EXCLUSIVE_OK)))
			return -EINVAL;
	}
	if (op != LINUX_EPOLL_CTL_ADD && op != LINUX_EPOLL_CTL_DEL &&
	    op != LINUX_EPOLL_CTL_MOD)
		return -EINVAL;
	return 0;
}

/* epoll_ctl(epfd, op, fd, event). */
SYSCALL(epoll_ctl)
{
	struct linux_epoll_event ev = { 0, 0 };
	int op = (int)a->a[1], fd = (int)a->a[2];
	struct file *f, *tf;
	long err;

	if (op != LINUX_EPOLL_CTL_DEL && (err = fw_copy_from_user(t->proc->vm,
	    &ev, fw_uaddr(a->a[3]), sizeof(ev))) < 0)
		return err;
	if (fd_get(t->proc, (int)a->a[0], &f) < 0)
		return -EBADF;
	if (fd_get(t->proc, fd, &tf) < 0) {
		file_unref(f);
		return -EBADF;
	}
	/* EPOLLWAKEUP needs CAP_BLOCK_SUSPEND and means nothing here. */
	ev.events &= ~LINUX_EPOLLWAKEUP;
	if ((err = epoll_ctl_check(f, tf, op, ev.events)) == 0)
		err = ep_ctl(ep_of(f), op, tf, fd,
		    ev.events | LINUX_EPOLLERR | LINUX_EPOLLHUP, ev.data);
	file_unref(tf);
	file_unref(f);
	return err;
}
