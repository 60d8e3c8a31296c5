/*
 * poll/epoll.c: the epoll object (poll/epoll.h): its items, their
 * wake-up, the ready list, and the removal of a dying file's items
 * (Linux's eventpoll_release).  An item holds no reference
 * to its file; instead the file's last file_unref() removes it, under
 * epoll_mutex and the eventpoll's mtx, which every poll of an item holds,
 * so no item is polled after its file's release op.
 *
 * The wake-up (ep_item_wake) runs under the watched head's lock: it puts
 * the item on the ready list (or marks it if a scan has it), then wakes
 * one epoll_wait(2) waiter, as Linux's exclusive waiters, and the epoll
 * file's own pollers (a nested epoll, poll(2) of the epoll fd).
 *
 * Interface: poll/epoll.h; epoll_file_release (svc/poll.h).
 * Locks: see poll/epoll.h.
 */
#include <fw/alloc.h>
#include <fw/errno.h>
#include <svc/file.h>
#include <uapi/fcntl.h>
#include <uapi/fs.h>
#include "epoll.h"
#include "poll_impl.h"

#define EP_BUCKETS_MIN	16

struct fw_mutex epoll_mutex;

void
eplist_append(struct eplist *l, struct epitem *epi)
{
	epi->rnext = NULL;
	epi->rprev = l->tail;
	if (l->tail != NULL)
		l->tail->rnext = epi;
	else
		l->head = epi;
	l->tail = epi;
}

void
eplist_remove(struct eplist *l, struct epitem *epi)
{
	if (epi->rprev != NULL)
		epi->rprev->rnext = epi->rnext;
	else
		l->head = epi->rnext;
	if (epi->rnext != NULL)
		epi->rnext->rprev = epi->rprev;
	else
		l->tail = epi->rprev;
	epi->rnext = epi->rprev = NULL;
}

bool
ep_has_ready(struct eventpoll *ep)
{
	bool ready;

	fw_spin_lock(&ep->lock);
	ready = ep->ready.head != NULL;
	fw_spin_unlock(&ep->lock);
	return ready;
}

void
ep_wake_up(struct eventpoll *ep)
{
	if (atomic_load(&ep->nwaiters) > 0)
		fw_waitq_wake_one(&ep->wq);
	poll_notify(&ep->ph, LINUX_EPOLLIN | LINUX_EPOLLRDNORM);
}

/* ep_poll_callback: the watched file announced events. */
static bool
ep_item_wake(struct poll_entry *pe, uint32_t events)
{
	struct epitem *epi = pe->arg;
	struct eventpoll *ep = epi->ep;
	uint32_t want;
	bool waiters;

	fw_spin_lock(&ep->lock);
	want = epi->events;
	/* Disabled by EPOLLONESHOT, or none of the events it wants. */
	if (!(want & ~EP_PRIVATE_BITS) || (events != 0 && !(events & want))) {
		fw_spin_unlock(&ep->lock);
		return false;
	}
	if (epi->state == EPI_SCAN) {
		epi->again = true;
	} else if (epi->state == EPI_IDLE) {
		epi->state = EPI_READY;
		eplist_append(&ep->ready, epi);
	}
	fw_spin_unlock(&ep->lock);
	waiters = atomic_load(&ep->nwaiters) > 0;
	ep_wake_up(ep);
	/* An exclusive item counts only if it woke a waiter for its events. */
	if (!(want & LINUX_EPOLLEXCLUSIVE))
		return true;
	return waiters && (events == 0 ||
	    (events & want & (LINUX_EPOLLIN | LINUX_EPOLLOUT)) != 0);
}

uint32_t
ep_item_poll(struct epitem *epi)
{
	return file_poll(epi->file, NULL) & epi->events;
}

/* The poll table of an insertion: hooks the item's next entry. */
struct ep_pqueue {
	struct poll_table	 pt;
	struct epitem		*epi;
};

static void
ep_queue(struct poll_table *pt, struct pollhead *ph)
{
	struct epitem *epi = ((struct ep_pqueue *)pt)->epi;
	struct poll_entry *pe;

	if (epi->npe >= POLL_HEADS_MAX)
		return;
	pe = &epi->pe[epi->npe++];
	pe->wake = ep_item_wake;
	pe->arg = epi;
	pe->key = 0;			/* ep_item_wake filters by epi->events */
	pe->exclusive = (epi->events & LINUX_EPOLLEXCLUSIVE) != 0;
	poll_entry_add(ph, pe);
}

/* Readies epi if it is idle; the caller wakes. */
static void
ep_make_ready(struct eventpoll *ep, struct epitem *epi)
{
	fw_spin_lock(&ep->lock);
	if (epi->state == EPI_IDLE) {
		epi->state = EPI_READY;
		eplist_append(&ep->ready, epi);
	}
	fw_spin_unlock(&ep->lock);
}

static struct epitem *
ep_find(struct eventpoll *ep, struct file *f, int fd)
{
	struct epitem *epi;

	if (ep->nbuckets == 0)
		return NULL;
	for (epi = ep->buckets[(unsigned int)fd % ep->nbuckets]; epi != NULL;
	    epi = epi->hnext)
		if (epi->file == f && epi->fd == fd)
			return epi;
	return NULL;
}

/* Rehashes into n buckets; keeps the old table if memory runs out. */
static void
ep_rehash(struct eventpoll *ep, size_t n)
{
	struct epitem **nb, *epi;
	size_t i, h;

	/* NOLINTNEXTLINE(bugprone-sizeof-expression): an array of pointers */
	if ((nb = fw_zalloc(n, sizeof(*nb))) == NULL)
		return;
	for (i = 0; i < ep->nbuckets; i++) {
		while ((epi = ep->buckets[i]) != NULL) {
			ep->buckets[i] = epi->hnext;
			h = (unsigned int)epi->fd % n;
			epi->hnext = nb[h];
			nb[h] = epi;
		}
	}
	fw_free(ep->buckets);
	ep->buckets = nb;
	ep->nbuckets = n;
}

/* Links epi into ep's table and onto its file's list.  -ENOMEM. */
static int
ep_link(struct eventpoll *ep, struct epitem *epi)
{
	struct epitem *first = atomic_load(&epi->file->epitems);
	size_t h;

	if (ep->nbuckets == 0)
		ep_rehash(ep, EP_BUCKETS_MIN);
	else if (ep->nitems >= 2 * ep->nbuckets)
		ep_rehash(ep, 2 * ep->nbuckets);
	if (ep->nbuckets == 0)
		return -ENOMEM;
	h = (unsigned int)epi->fd % ep->nbuckets;
	epi->hnext = ep->buckets[h];
	ep->buckets[h] = epi;
	ep->nitems++;
	epi->fprev = NULL;
	epi->fnext = first;
	if (first != NULL)
		first->fprev = epi;
	atomic_store(&epi->file->epitems, epi);
	return 0;
}

static void
ep_unlink(struct eventpoll *ep, struct epitem *epi)
{
	struct epitem **link;

	for (link = &ep->buckets[(unsigned int)epi->fd % ep->nbuckets];
	    *link != NULL; link = &(*link)->hnext)
		if (*link == epi) {
			*link = epi->hnext;
			break;
		}
	ep->nitems--;
	if (epi->fprev != NULL)
		epi->fprev->fnext = epi->fnext;
	else
		atomic_store(&epi->file->epitems, epi->fnext);
	if (epi->fnext != NULL)
		epi->fnext->fprev = epi->fprev;
}

/* ep_remove: unhooks, unlinks and frees epi. */
static void
ep_remove(struct eventpoll *ep, struct epitem *epi)
	FW_REQUIRES(&epoll_mutex, &ep->mtx)
{
	int i;

	for (i = 0; i < epi->npe; i++)
		poll_entry_del(&epi->pe[i]);
	ep_unlink(ep, epi);
	fw_spin_lock(&ep->lock);
	if (epi->state == EPI_READY)
		eplist_remove(&ep->ready, epi);
	fw_spin_unlock(&ep->lock);
	fw_free(epi);
}

/* ep_insert: a new item, hooked and, if ready, on the ready list. */
static int
ep_insert(struct eventpoll *ep, struct file *tf, int fd, uint32_t events,
    uint64_t data) FW_REQUIRES(&epoll_mutex, &ep->mtx)
{
	struct ep_pqueue q;
	struct epitem *epi;
	uint32_t revents;

	if ((epi = fw_zalloc(1, sizeof(*epi))) == NULL)
		return -ENOMEM;
	epi->ep = ep;
	epi->file = tf;
	epi->fd = fd;
	epi->events = events;
	epi->data = data;
	if (ep_link(ep, epi) < 0) {
		fw_free(epi);
		return -ENOMEM;
	}
	q.pt.queue = ep_queue;
	q.pt.key = events;
	q.epi = epi;
	revents = file_poll(tf, &q.pt) & events;
	if (revents != 0) {
		ep_make_ready(ep, epi);
		ep_wake_up(ep);
	}
	return 0;
}

/* ep_modify: new events and data; ready at once if they are met. */
static void
ep_modify(struct eventpoll *ep, struct epitem *epi, uint32_t events,
    uint64_t data) FW_REQUIRES(&ep->mtx)
{
	fw_spin_lock(&ep->lock);
	epi->events = events;
	fw_spin_unlock(&ep->lock);
	epi->data = data;
	if (ep_item_poll(epi) != 0) {
		ep_make_ready(ep, epi);
		ep_wake_up(ep);
	}
}

int
ep_ctl(struct eventpoll *ep, int op, struct file *tf, int fd,
    uint32_t events, uint64_t data)
{
	struct eventpoll *tep = ep_of(tf);
	struct epitem *epi;
	int err = 0;

	fw_mutex_lock(&epoll_mutex);
	if (op == LINUX_EPOLL_CTL_ADD && tep != NULL &&
	    ep_loop_check(ep, tep)) {
		fw_mutex_unlock(&epoll_mutex);
		return -ELOOP;
	}
	fw_mutex_lock(&ep->mtx);
	epi = ep_find(ep, tf, fd);
	if (op == LINUX_EPOLL_CTL_ADD)
		err = epi != NULL ? -EEXIST :
		    ep_insert(ep, tf, fd, events, data);
	else if (epi == NULL)
		err = -ENOENT;
	else if (op == LINUX_EPOLL_CTL_DEL)
		ep_remove(ep, epi);
	else if (epi->events & LINUX_EPOLLEXCLUSIVE)
		err = -EINVAL;
	else
		ep_modify(ep, epi, events, data);
	fw_mutex_unlock(&ep->mtx);
	fw_mutex_unlock(&epoll_mutex);
	return err;
}

void
epoll_file_release(struct file *f)
{
	struct eventpoll *ep;
	struct epitem *epi;

	fw_mutex_lock(&epoll_mutex);
	while ((epi = atomic_load(&f->epitems)) != NULL) {
		ep = epi->ep;
		fw_mutex_lock(&ep->mtx);
		ep_remove(ep, epi);
		fw_mutex_unlock(&ep->mtx);
	}
	fw_mutex_unlock(&epoll_mutex);
}

/*
 * The epoll file's poll op (ep_eventpoll_poll): readable while an item on
 * the ready list really has events; items that turn out not ready are
 * dropped from the list on the way.
 */
static uint32_t
ep_file_poll(struct file *f, struct poll_table *pt)
{
	struct eventpoll *ep = f->priv;
	struct eplist scan = { NULL, NULL };
	struct epitem *epi;
	bool ready = false;

	poll_wait(pt, &ep->ph);
	fw_mutex_lock(&ep->mtx);
	fw_spin_lock(&ep->lock);
	scan = ep->ready;
	ep->ready.head = ep->ready.tail = NULL;
	for (epi = scan.head; epi != NULL; epi = epi->rnext)
		epi->state = EPI_SCAN;
	fw_spin_unlock(&ep->lock);
	for (epi = scan.head; epi != NULL && !ready; epi = scan.head) {
		ready = ep_item_poll(epi) != 0;
		fw_spin_lock(&ep->lock);
		eplist_remove(&scan, epi);
		if (ready || epi->again) {
			epi->state = EPI_READY;
			eplist_append(&ep->ready, epi);
		} else {
			epi->state = EPI_IDLE;
		}
		epi->again = false;
		fw_spin_unlock(&ep->lock);
	}
	fw_spin_lock(&ep->lock);
	while ((epi = scan.head) != NULL) {
		eplist_remove(&scan, epi);
		epi->state = EPI_READY;
		epi->again = false;
		eplist_append(&ep->ready, epi);
	}
	fw_spin_unlock(&ep->lock);
	fw_mutex_unlock(&ep->mtx);
	return ready ? LINUX_EPOLLIN | LINUX_EPOLLRDNORM : 0;
}

/* The last reference: every item goes, then the eventpoll. */
static void
ep_file_release(struct file *f)
{
	struct eventpoll *ep = f->priv;
	struct epitem *epi;
	size_t i;

	fw_mutex_lock(&epoll_mutex);
	fw_mutex_lock(&ep->mtx);
	for (i = 0; i < ep->nbuckets; i++)
		while ((epi = ep->buckets[i]) != NULL)
			ep_remove(ep, epi);
	fw_mutex_unlock(&ep->mtx);
	fw_mutex_unlock(&epoll_mutex);
	fw_free(ep->buckets);
	fw_free(ep);
}

static void
ep_file_stat(struct file *f, struct linux_stat *st)
{
	(void)f;
	anon_file_stat(st);
}

static const struct file_ops epoll_file_ops = {
	.anon_name = "eventpoll",
	.poll = ep_file_poll,
	.stat = ep_file_stat,
	.release = ep_file_release,
};

struct eventpoll *
ep_of(struct file *f)
{
	return f->ops == &epoll_file_ops ? f->priv : NULL;
}

bool
file_is_epoll(const struct file *f)
{
	return f->ops == &epoll_file_ops;
}

int
ep_create(struct file **out)
{
	struct eventpoll *ep;
	struct file *f;
	int err;

	if ((ep = fw_zalloc(1, sizeof(*ep))) == NULL)
		return -ENOMEM;
	fw_mutex_init(&ep->mtx);
	fw_spin_init(&ep->lock);
	fw_waitq_init(&ep->wq);
	pollhead_init(&ep->ph);
	atomic_init(&ep->nwaiters, 0);
	if ((err = file_alloc(&epoll_file_ops, NULL, LINUX_O_RDWR, false,
	    &f)) < 0) {
		fw_free(ep);
		return err;
	}
	f->priv = ep;
	ep->file = f;
	*out = f;
	return 0;
}
