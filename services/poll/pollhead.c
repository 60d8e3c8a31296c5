/*
 * poll/pollhead.c: the heart of readiness (svc/poll.h): heads, the entries
 * pollers hook on them, and the walk that tells the entries of a change.
 * A head is a list under a spinlock: non-exclusive entries at the front,
 * exclusive ones (EPOLLEXCLUSIVE) at the back, so a notification calls
 * every non-exclusive entry and then exclusive ones until one wakes a
 * waiter, as Linux's __wake_up_common does.
 *
 * Interface: pollhead_init, poll_wait, poll_notify, poll_entry_add,
 * poll_entry_del, file_poll, file_can_poll (svc/poll.h).
 * Locks: pollhead->lock guards the list and each entry's links and head.
 * Wake callbacks run under it; unhooking takes it, so once
 * poll_entry_del() returns no callback of that entry is running.
 */
#include <svc/file.h>
#include <svc/poll.h>

void
pollhead_init(struct pollhead *ph)
{
	fw_spin_init(&ph->lock);
	ph->first = NULL;
}

void
poll_wait(struct poll_table *pt, struct pollhead *ph)
{
	if (pt != NULL && pt->queue != NULL)
		pt->queue(pt, ph);
}

void
poll_entry_add(struct pollhead *ph, struct poll_entry *e)
{
	struct poll_entry **link = &ph->first;

	fw_spin_lock(&ph->lock);
	if (e->exclusive) {
		while (*link != NULL)
			link = &(*link)->next;
	}
	e->next = *link;
	if (e->next != NULL)
		e->next->pprev = &e->next;
	e->pprev = link;
	*link = e;
	e->head = ph;
	fw_spin_unlock(&ph->lock);
}

void
poll_entry_del(struct poll_entry *e)
{
	struct pollhead *ph = e->head;

	/*
	 * Only the entry's owner hooks and unhooks it, so e->head is stable
	 * here; the head outlives its entries (svc/poll.h).
	 */
	if (ph == NULL)
		return;
	fw_spin_lock(&ph->lock);
	*e->pprev = e->next;
	if (e->next != NULL)
		e->next->pprev = e->pprev;
	e->next = NULL;
	e->pprev = NULL;
	e->head = NULL;
	fw_spin_unlock(&ph->lock);
}

void
poll_notify(struct pollhead *ph, uint32_t events)
{
	struct poll_entry *e;

	fw_spin_lock(&ph->lock);
	for (e = ph->first; e != NULL; e = e->next) {
		if (events != 0 && e->key != 0 && !(events & e->key))
			continue;
		if (e->wake(e, events) && e->exclusive)
			break;
	}
	fw_spin_unlock(&ph->lock);
}

uint32_t
file_poll(struct file *f, struct poll_table *pt)
{
	if (f->ops->poll == NULL)
		return LINUX_DEFAULT_POLLMASK;
	return f->ops->poll(f, pt);
}

bool
file_can_poll(const struct file *f)
{
	return f->ops->poll != NULL;
}
