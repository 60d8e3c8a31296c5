/*
 * poll/sys_poll.c: poll(2) and ppoll(2) (fs/select.c do_sys_poll).  Each
 * pass asks every descriptor's file for its events; the first pass also
 * hooks the thread on their heads, until one is found ready.  Then the
 * thread sleeps until a head announces a change, the timeout passes or a
 * signal comes, and passes again.  A negative fd is skipped (revents 0),
 * a closed one answers POLLNVAL, and revents only carries the events
 * asked for, plus POLLERR and POLLHUP.
 *
 * Interrupted, poll(2) resumes through restart_syscall(2) with its
 * original deadline (Linux's do_restart_poll); ppoll(2) writes the time
 * left back to its timeout, as Linux does, and restarts from that.
 *
 * Locks: none of its own; the fdtable's inside fd_get, the heads' inside
 * the waiter.
 */
#include <fw/alloc.h>
#include <fw/errno.h>
#include <fw/timer.h>
#include <fw/uaccess.h>
#include <svc/file.h>
#include <svc/proc.h>
#include <svc/signal.h>
#include <svc/syscall.h>
#include <svc/vfs.h>
#include <uapi/resource.h>
#include "poll_impl.h"

/* One descriptor's revents; hooks w's thread on its file if w says so. */
static int16_t
poll_one(struct proc *p, const struct linux_pollfd *pfd,
    struct poll_waiter *w)
{
	struct poll_table *pt = w->pt.queue != NULL ? &w->pt : NULL;
	uint32_t filter, mask;
	struct file *f;

	if (pfd->fd < 0)
		return 0;
	if (fd_get(p, pfd->fd, &f) < 0)
		return LINUX_EPOLLNVAL;
	filter = (uint16_t)pfd->events | LINUX_EPOLLERR | LINUX_EPOLLHUP;
	w->pt.key = filter;
	w->cur = f;
	mask = file_poll(f, pt) & filter;
	w->cur = NULL;
	file_unref(f);
	return (int16_t)mask;
}

/* One pass: how many descriptors have events.  Hooking stops at the
 * first ready one, and after the first pass. */
static int
poll_scan(struct proc *p, struct linux_pollfd *fds, size_t n,
    struct poll_waiter *w)
{
	int count = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		fds[i].revents = poll_one(p, &fds[i], w);
		if (fds[i].revents != 0) {
			count++;
			w->pt.queue = NULL;
		}
	}
	w->pt.queue = NULL;
	return count;
}

struct poll_args {
	struct proc		*p;
	struct linux_pollfd	*fds;
	size_t			 n;
};

static int
poll_scan_fds(void *arg, struct poll_waiter *w)
{
	struct poll_args *pa = arg;

	return poll_scan(pa->p, pa->fds, pa->n, w);
}

/* do_poll: the count, 0 at the deadline, or -ERESTARTNOHAND. */
static int
poll_loop(struct thread *t, struct linux_pollfd *fds, size_t n,
    uint64_t deadline)
{
	struct poll_args pa = { t->proc, fds, n };

	return poll_waiter_run(t, n, deadline, poll_scan_fds, &pa);
}

uint64_t
poll_nofile(struct thread *t)
{
	struct proc *p = t->proc;
	uint64_t cur;

	fw_mutex_lock(&p->lock);
	cur = p->rlim[LINUX_RLIMIT_NOFILE].cur;
	fw_mutex_unlock(&p->lock);
	return cur;
}

/* do_sys_poll: copies the array in, polls, and writes revents back. */
static long
poll_fds(struct thread *t, fw_uaddr_t ufds, uint64_t nfds, uint64_t deadline)
{
	struct linux_pollfd *fds = NULL;
	size_t size = (size_t)nfds * sizeof(*fds);
	long ret;

	if (nfds > poll_nofile(t))
		return -EINVAL;
	if (nfds > 0 && (fds = fw_alloc(size)) == NULL)
		return -ENOMEM;
	if ((ret = fw_copy_from_user(t->proc->vm, fds, ufds, size)) < 0)
		goto out;
	ret = poll_loop(t, fds, (size_t)nfds, deadline);
	if (fw_copy_to_user(t->proc->vm, ufds, fds, size) < 0)
		ret = -EFAULT;
out:
	fw_free(fds);
	return ret;
}

/* poll(2)'s end: an interrupted call resumes with the same deadline. */
static long
poll_restartable(struct thread *t, fw_uaddr_t ufds, uint64_t nfds,
    uint64_t deadline)
{
	long ret = poll_fds(t, ufds, nfds, deadline);

	if (ret != -ERESTARTNOHAND)
		return ret;
	t->restart_fn = poll_restart;
	t->restart_urem = ufds.v;
	t->restart_arg = nfds;
	t->restart_deadline = deadline;
	return -ERESTART_RESTARTBLOCK;
}

long
poll_restart(struct thread *t)
{
	return poll_restartable(t, fw_uaddr(t->restart_urem),
	    t->restart_arg, t->restart_deadline);
}

/* poll(fds, nfds, timeout): milliseconds, negative for none. */
SYSCALL(poll)
{
	int32_t ms = (int32_t)a->a[2];
	struct linux_timespec ts = { ms / 1000, (ms % 1000) * 1000000LL };
	uint64_t deadline = FW_NO_DEADLINE;

	if (ms >= 0 && poll_deadline(&ts, &deadline) < 0)
		return -EINVAL;			/* cannot happen: ms >= 0 */
	return poll_restartable(t, fw_uaddr(a->a[0]), (uint32_t)a->a[1],
	    deadline);
}

/*
 * The temporary mask of ppoll, pselect6 and epoll_pwait
 * (set_user_sigmask): none for a NULL pointer, else it must be 8 bytes.
 */
int
poll_sigmask_begin(struct thread *t, uint64_t umask, uint64_t size)
{
	uint64_t mask;
	int err;

	if (umask == 0)
		return 0;
	if (size != sizeof(mask))
		return -EINVAL;
	if ((err = fw_copy_from_user(t->proc->vm, &mask, fw_uaddr(umask),
	    sizeof(mask))) < 0)
		return err;
	signal_mask_swap(t, mask);
	return 0;
}

/*
 * poll_select_finish for a timespec: the mask back (unless interrupted),
 * and the time left written to uts; if that write faults, the call can
 * no longer restart.
 */
long
poll_finish_ts(struct thread *t, uint64_t uts, uint64_t deadline, long ret)
{
	struct linux_timespec left;

	signal_mask_done(t, ret == -ERESTARTNOHAND);
	if (uts == 0 || deadline == 0)
		return ret;
	left = poll_time_left(deadline);
	if (fw_copy_to_user(t->proc->vm, fw_uaddr(uts), &left,
	    sizeof(left)) < 0 && ret == -ERESTARTNOHAND)
		return -EINTR;
	return ret;
}

/* ppoll(fds, nfds, tsp, sigmask, sigsetsize). */
SYSCALL(ppoll)
{
	struct linux_timespec ts;
	uint64_t deadline = FW_NO_DEADLINE;
	long ret;
	int err;

	if (a->a[2] != 0) {
		if ((err = fw_copy_from_user(t->proc->vm, &ts,
		    fw_uaddr(a->a[2]), sizeof(ts))) < 0)
			return err;
		if ((err = poll_deadline(&ts, &deadline)) < 0)
			return err;
	}
	if ((err = poll_sigmask_begin(t, a->a[3], a->a[4])) < 0)
		return err;
	ret = poll_fds(t, fw_uaddr(a->a[0]), (uint32_t)a->a[1], deadline);
	return poll_finish_ts(t, a->a[2], deadline, ret);
}
