/*
 * poll/epoll_nest.c: the checks made when an epoll is added to another
 * (fs/eventpoll.c ep_loop_check, as of Linux 6.16): the watch graph must
 * stay acyclic, and no path through it may nest more than EP_MAX_NESTS
 * levels, counting the epolls below the one added and those above the
 * one it goes into.  Each check walks the graph once: every eventpoll
 * remembers its depths for the check under way (gen_down, gen_up).
 *
 * Interface: ep_loop_check (poll/epoll.h).
 * Locks: epoll_mutex, which keeps every eventpoll's set of items and every
 * file's list of items still (epoll.h).
 */
#include <svc/file.h>
#include <svc/lib.h>
#include "epoll.h"

static unsigned int ep_gen;			/* [E] checks made */

/*
 * How many epoll levels lie below ep (0: it watches no epoll), or
 * EP_MAX_NESTS + 1 when the walk finds into (a cycle) or goes too deep
 * (fs/eventpoll.c ep_loop_check_proc, Linux 6.16).
 */
static int
ep_depth_below(struct eventpoll *ep, struct eventpoll *into, int depth)
	FW_REQUIRES(&epoll_mutex)
{
	struct eventpoll *sub;
	struct epitem *epi;
	int result = 0, d;
	size_t i;

	if (ep->gen_down == ep_gen)
		return ep->depth_down;
	ep->gen_down = ep_gen;
	for (i = 0; i < ep->nbuckets && result <= EP_MAX_NESTS; i++) {
		for (epi = ep->buckets[i]; epi != NULL; epi = epi->hnext) {
			if ((sub = ep_of(epi->file)) == NULL)
				continue;
			if (sub == into || depth > EP_MAX_NESTS)
				d = EP_MAX_NESTS + 1;
			else
				d = ep_depth_below(sub, into, depth + 1) + 1;
			result = MAX(result, d);
			if (result > EP_MAX_NESTS)
				break;
		}
	}
	ep->depth_down = result;
	return result;
}

/* How many epoll levels watch ep from above (ep_get_upwards_depth). */
static int
ep_depth_above(struct eventpoll *ep) FW_REQUIRES(&epoll_mutex)
{
	struct epitem *epi;
	int result = 0;

	if (ep->gen_up == ep_gen)
		return ep->depth_up;
	ep->gen_up = ep_gen;
	for (epi = atomic_load(&ep->file->epitems); epi != NULL;
	    epi = epi->fnext)
		result = MAX(result, ep_depth_above(epi->ep) + 1);
	ep->depth_up = result;
	return result;
}

bool
ep_loop_check(struct eventpoll *ep, struct eventpoll *to)
{
	int down;

	ep_gen++;
	if ((down = ep_depth_below(to, ep, 0)) > EP_MAX_NESTS)
		return true;
	return down + 1 + ep_depth_above(ep) > EP_MAX_NESTS;
}
