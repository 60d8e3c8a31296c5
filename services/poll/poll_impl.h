/*
 * poll/poll_impl.h: what the files of services/poll share and no one else
 * needs: the waiter poll(2) and select(2) sleep in, timeouts, the stat of
 * anonymous files, and the epoll file's ops.
 *
 * Locks used to protect fields in this file:
 *	t	only the polling thread touches it
 *	a	atomic
 */
#ifndef POLL_POLL_IMPL_H
#define POLL_POLL_IMPL_H

#include <fw/types.h>
#include <fw/waitq.h>
#include <stdatomic.h>
#include <svc/poll.h>
#include <uapi/time.h>

struct thread;
struct linux_stat;

/*
 * A poll(2) or select(2) call's waiter (fs/select.c poll_wqueues): entries
 * from a pool sized for the files, one flag their wake-ups raise, and a
 * wait queue for the thread.  Lives on the caller's stack.
 */
struct poll_slot {
	struct poll_entry	 e;
	struct file		*file;		/* counted: keeps the head */
};
struct poll_waiter {
	struct poll_table	 pt;		/* [t] queue is NULL once done */
	struct file		*cur;		/* [t] the file being polled */
	struct poll_slot	*pool;		/* [t] */
	size_t			 npool, nused;	/* [t] */
	atomic_bool		 triggered;	/* [a] */
	struct fw_waitq		 wq;
};

/*
 * Room for nfiles files' entries: 0, or -ENOMEM.  Before each poll op
 * the caller sets pt.key and cur; each hooked entry takes a reference to
 * cur, so the head stays while hooked (svc/poll.h).
 */
FW_MUST_CHECK int	poll_waiter_init(struct poll_waiter *w, size_t nfiles);
/* Unhooks every entry, drops the files and frees the pool. */
void			poll_waiter_fini(struct poll_waiter *w);
/*
 * Sleeps until an entry fires (0, the flag cleared), the monotonic
 * deadline passes (-ETIMEDOUT) or t has a signal to take (-EINTR); a
 * stale interrupt does not end it.
 */
FW_MUST_CHECK int	poll_waiter_sleep(struct poll_waiter *w,
			    struct thread *t, uint64_t deadline);
/*
 * The wait of poll and select (do_poll, do_select): scan(arg, w) checks
 * every file, hooking w on them the first time, until it counts one
 * ready, a signal comes (-ERESTARTNOHAND) or the monotonic deadline
 * passes (0: do not wait); nfiles sizes the entry pool.  The count, or
 * -errno.
 */
typedef int (*poll_scan_fn)(void *arg, struct poll_waiter *w);
FW_MUST_CHECK int	poll_waiter_run(struct thread *t, size_t nfiles,
			    uint64_t deadline, poll_scan_fn scan, void *arg);

/*
 * A relative timeout as a monotonic deadline (fs/select.c
 * poll_select_set_timeout): 0 stays 0 (do not wait), anything else is
 * now + ts, saturated.  -EINVAL for a negative or unnormalised ts.
 */
FW_MUST_CHECK int	poll_deadline(const struct linux_timespec *ts,
			    uint64_t *deadline);
/* The time left until deadline (0 if past), as a timespec. */
struct linux_timespec	poll_time_left(uint64_t deadline);

/*
 * The temporary signal mask of ppoll, pselect6 and epoll_pwait
 * (sys_poll.c): none for umask 0, else size must be 8: 0, -EINVAL,
 * -EFAULT.  poll_finish_ts() ends the call: the mask back (unless ret is
 * -ERESTARTNOHAND) and, for a timeout at uts (not 0 and not a zero
 * timeout), the time left written back; the call's result.
 */
FW_MUST_CHECK int	poll_sigmask_begin(struct thread *t, uint64_t umask,
			    uint64_t size);
FW_MUST_CHECK long	poll_finish_ts(struct thread *t, uint64_t uts,
			    uint64_t deadline, long ret);
/* restart_syscall(2)'s resumption of poll(2) (thread's restart_*). */
FW_MUST_CHECK long	poll_restart(struct thread *t);
/* RLIMIT_NOFILE's soft limit of t's process. */
uint64_t		poll_nofile(struct thread *t);

/* What fstat(2) shows of an anonymous-inode file (eventfd, epoll...). */
void			anon_file_stat(struct linux_stat *st);

/* The epoll file (epoll.c): whether f is one, and its readiness. */
bool			file_is_epoll(const struct file *f);

#endif
