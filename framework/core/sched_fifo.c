/*
 * core/sched_fifo.c: the default scheduling policy.  Each CPU has a FIFO
 * run queue; a task made runnable joins the queue of the CPU that made it
 * so, and a CPU whose queue is empty takes the oldest task of the next
 * busy CPU's queue, so no CPU idles while work waits.
 *
 * Locks used to protect fields in this file:
 *	I	immutable after fw_sched_fifo_init()
 *	s	fw_sched_lock (the policy's hooks run under it)
 */
#include <fw/alloc.h>
#include <fw/panic.h>
#include <hal/cpu.h>

#include "core/sched_impl.h"

static struct fw_sched_link	*queues;	/* [s] one list head a CPU */
static unsigned int		 nqueues;	/* [I] */

void
fw_sched_fifo_init(unsigned int ncpu)
{
	unsigned int i;

	queues = fw_zalloc(ncpu, sizeof(*queues));
	if (queues == NULL)
		fw_panic("sched: no memory for %u run queues", ncpu);
	for (i = 0; i < ncpu; i++)
		queues[i].next = queues[i].prev = &queues[i];
	nqueues = ncpu;
}

static unsigned int
fifo_enqueue(struct fw_task *t, struct fw_sched_link *link)
{
	unsigned int cpu = hal_cpu_id();
	struct fw_sched_link *q;

	if (cpu >= nqueues)
		cpu = 0;
	q = &queues[cpu];
	link->prev = q->prev;
	link->next = q;
	q->prev->next = link;
	q->prev = link;
	return cpu;
}

static struct fw_task *
fifo_take(struct fw_sched_link *q)
{
	struct fw_sched_link *l = q->next;

	if (l == q)
		return NULL;
	q->next = l->next;
	l->next->prev = q;
	l->next = l->prev = NULL;
	return fw_sched_link_task(l);
}

static struct fw_task *
fifo_pick_next(unsigned int cpu)
{
	struct fw_task *t;
	unsigned int i;

	for (i = 0; i < nqueues; i++)
		if ((t = fifo_take(&queues[(cpu + i) % nqueues])) != NULL)
			return t;
	return NULL;
}

const struct fw_sched_policy fw_sched_fifo = {
	.enqueue = fifo_enqueue,
	.pick_next = fifo_pick_next,
};
