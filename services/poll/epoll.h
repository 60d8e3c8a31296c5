/*
 * poll/epoll.h: the epoll object shared by epoll.c (items, wake-ups),
 * epoll_nest.c (nesting checks) and sys_epoll.c (collecting events, the
 * syscalls).
 * An eventpoll holds items, one per (file, fd) watched; an item hooks on
 * the file's heads and, when woken, goes on the ready list, which
 * epoll_wait(2) drains by polling each item again (fs/eventpoll.c).
 *
 * Locks used to protect fields in this file:
 *	I	immutable after creation
 *	E	epoll_mutex: every change to the set of items of any eventpoll,
 *		and the items' links on their files (one global mutex, as
 *		Linux's epnested_mutex, held by ADD, DEL and releases only)
 *	m	ep->mtx: the items' event masks and data, the scans
 *	l	ep->lock (a spinlock): the ready list and each item's state;
 *		the wake-up callback takes it under the watched head's lock
 *	a	atomic
 * Lock order: epoll_mutex, ep->mtx (an outer eventpoll before the ones it
 * watches), the watched files' own locks and heads, ep->lock.
 */
#ifndef POLL_EPOLL_H
#define POLL_EPOLL_H

#include <fw/mutex.h>
#include <fw/spinlock.h>
#include <fw/waitq.h>
#include <stdatomic.h>
#include <svc/poll.h>

struct file;
struct thread;
struct epitem;

/* The flags that are not events (EP_PRIVATE_BITS). */
#define EP_PRIVATE_BITS	(LINUX_EPOLLWAKEUP | LINUX_EPOLLONESHOT | \
	LINUX_EPOLLET | LINUX_EPOLLEXCLUSIVE)
#define EP_MAX_NESTS	4

enum epi_state { EPI_IDLE, EPI_READY, EPI_SCAN };

struct eplist {
	struct epitem	*head, *tail;
};

struct eventpoll {
	struct fw_mutex		 mtx;
	struct fw_spinlock	 lock;
	struct eplist		 ready;		/* [l] */
	struct fw_waitq		 wq;		/* epoll_wait(2) sleeps here */
	atomic_uint		 nwaiters;	/* [a] */
	struct pollhead		 ph;		/* pollers of the epoll file */
	struct epitem		**buckets;	/* [E] by fd */
	size_t			 nbuckets;	/* [E] */
	size_t			 nitems;	/* [E] */
	struct file		*file;		/* [I] its own, not counted */
	unsigned int		 gen_down, gen_up;	/* [E] loop check */
	int			 depth_down, depth_up;	/* [E] */
};

struct epitem {
	struct eventpoll	*ep;		/* [I] */
	struct file		*file;		/* [I] not counted */
	int			 fd;		/* [I] */
	struct epitem		*hnext;		/* [E] ep's bucket */
	struct epitem		*fnext, *fprev;	/* [E] the file's items */
	struct epitem		*rnext, *rprev;	/* [l] ready or scan list */
	enum epi_state		 state;		/* [l] */
	bool			 again;		/* [l] woken while scanned */
	uint32_t		 events;	/* [m, l to write] */
	uint64_t		 data;		/* [m] */
	int			 npe;		/* [m] entries hooked */
	struct poll_entry	 pe[POLL_HEADS_MAX];
};

extern struct fw_mutex	epoll_mutex;

/* epoll.c */
void		eplist_append(struct eplist *l, struct epitem *epi);
void		eplist_remove(struct eplist *l, struct epitem *epi);
/* Wakes one epoll_wait(2) waiter and the epoll file's pollers. */
void		ep_wake_up(struct eventpoll *ep);
/* An item's events now (its file polled without hooking), masked. */
uint32_t	ep_item_poll(struct epitem *epi);
/* Whether the ready list holds anything. */
bool		ep_has_ready(struct eventpoll *ep);
/* The eventpoll of an epoll file, or NULL. */
struct eventpoll *ep_of(struct file *f);
/* A new epoll file (epoll_create1): *out one reference.  -ENOMEM. */
FW_MUST_CHECK int ep_create(struct file **out);
/* epoll_nest.c: whether putting to inside ep makes a cycle or nests
 * too deep (ELOOP). */
bool		ep_loop_check(struct eventpoll *ep, struct eventpoll *to)
		    FW_REQUIRES(&epoll_mutex);
/*
 * epoll_ctl(2)'s work on ep, after the syscall's checks: op on (tf, fd)
 * with ev (the events already with EPOLLERR | EPOLLHUP).  Takes
 * epoll_mutex and ep->mtx.  0, -EEXIST, -ENOENT, -EINVAL, -ELOOP,
 * -ENOMEM.
 */
FW_MUST_CHECK int ep_ctl(struct eventpoll *ep, int op, struct file *tf,
		    int fd, uint32_t events, uint64_t data);

#endif
