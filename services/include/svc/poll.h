/*
 * svc/poll.h: readiness (services/poll/).  A pollable object embeds a
 * struct pollhead; its file's poll op answers the current event mask
 * (uapi/poll.h: EPOLLIN, OUT, RDNORM, WRNORM, HUP, ERR, RDHUP, PRI) and,
 * given a poll table, hooks the poller on each head that will announce a
 * change.  Whoever changes the object's state calls poll_notify() with
 * the events that changed.  Pollers (poll, select, epoll) own their
 * entries and unhook every one before they go away.
 *
 * Lifetimes: a head must outlive the entries on it.  poll(2) and
 * select(2) hold a reference to each file while hooked; epoll holds none,
 * so file_unref() removes a file's epoll items (epoll_file_release())
 * before the file's release op runs.  An object whose head is not freed
 * with its file must make it immortal or count it (signalfd, pidfd).
 *
 * Locks used to protect fields in this file:
 *	I	immutable once hooked
 *	h	pollhead->lock (a spinlock)
 * Lock order: whatever the waker holds (an object's mutex, proc->lock),
 * then pollhead->lock, then what an entry's wake callback takes (an
 * epoll's ready-list spinlock, a wait queue's lock).  Heads of nested
 * epolls nest inner before outer; the loop check keeps that acyclic.
 */
#ifndef SVC_POLL_H
#define SVC_POLL_H

#include <fw/spinlock.h>
#include <fw/types.h>
#include <uapi/poll.h>

struct file;
struct poll_entry;
struct poll_table;

/*
 * An entry's wake-up: runs under its head's lock, in any context (a task,
 * the console's interrupt), so it must not sleep or take a mutex.  events
 * are what changed (0: anything).  Returns whether it woke a waiter, which
 * ends the walk over exclusive entries.
 */
typedef bool (*poll_wake_fn)(struct poll_entry *e, uint32_t events);

struct poll_entry {
	struct poll_entry	*next, **pprev;	/* [h] */
	struct pollhead		*head;		/* [h] NULL: not hooked */
	poll_wake_fn		 wake;		/* [I] */
	void			*arg;		/* [I] the poller's */
	uint32_t		 key;		/* [I] events of interest; 0: all */
	bool			 exclusive;	/* [I] EPOLLEXCLUSIVE */
};

/* Embeddable; a zeroed head is empty and unlocked. */
struct pollhead {
	struct fw_spinlock	 lock;
	struct poll_entry	*first;		/* [h] non-exclusive first */
};

/*
 * What a poller hands to a poll op: queue() hooks one of its entries on
 * ph (or cannot, out of entries: the poller then learns no change from
 * ph, and says so itself).  key is the events the poller wants.
 */
typedef void (*poll_queue_fn)(struct poll_table *pt, struct pollhead *ph);
struct poll_table {
	poll_queue_fn	 queue;
	uint32_t	 key;
};

/* How many heads one poll op may hook a poller on. */
#define POLL_HEADS_MAX	2

void		pollhead_init(struct pollhead *ph);
/* For poll ops: hooks pt's poller on ph; pt == NULL does nothing. */
void		poll_wait(struct poll_table *pt, struct pollhead *ph);
/*
 * For wakers: calls every hooked entry whose key meets events (0 meets
 * all), but of the exclusive ones only up to the first that woke a
 * waiter.  Never sleeps; any context.
 */
void		poll_notify(struct pollhead *ph, uint32_t events);
/* For pollers: e (wake, arg, key, exclusive set) goes on ph. */
void		poll_entry_add(struct pollhead *ph, struct poll_entry *e);
/*
 * Unhooks e (nothing if it is not hooked); on return its wake callback is
 * not running and will not run.  Never sleeps.
 */
void		poll_entry_del(struct poll_entry *e);

/*
 * f's readiness: its poll op's answer, or LINUX_DEFAULT_POLLMASK for a
 * file without one (regular files, /dev/null), as Linux's vfs_poll().
 * Runs in the polling thread's task with no spinlock held; the op may
 * take mutexes but never waits for an event.
 */
uint32_t	file_poll(struct file *f, struct poll_table *pt);
/* Whether f has a poll op (epoll_ctl(2) refuses others with EPERM). */
bool		file_can_poll(const struct file *f);
/*
 * file_unref()'s hook (Linux's eventpoll_release): removes every epoll
 * item watching f, whose last reference just went.  Takes epoll's locks;
 * call it with none of them held, before f's release op.
 */
void		epoll_file_release(struct file *f);

#endif
