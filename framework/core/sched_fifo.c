/*
 * core/sched_fifo.c: the default scheduling policy.  Each CPU has a FIFO
 * run queue; a task made runnable joins the queue of the CPU that made it
 * so, and a CPU whose queue is empty takes the oldest task of the next
 * busy CPU's queue, so no CPU idles while work waits.  A task restricted
 * to some CPUs (fw_task_set_cpus) joins the first of them if its maker's
 * is not one, and is taken only by one of them.
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
	if (t->cpus != 0 && !(t->cpus & (1ULL << cpu)))
		cpu = (unsigned int)__builtin_ctzll(t->cpus);
	q = &queues[cpu];
	link->prev = q->prev;
	link->next = q;
	q->prev->next = link;
	q->prev = link;
	return cpu;
}

/* The oldest task of q that may run on cpu, taken off q; or NULL. */
static struct fw_task *
fifo_take(struct fw_sched_link *q, unsigned int cpu)
{
	struct fw_sched_link *l;
	struct fw_task *t;

	for (l = q->next; l != q; l = l->next) {
		t = fw_sched_link_task(l);
		if (t->cpus != 0 && !(t->cpus & (1ULL << cpu)))
			continue;
		l->prev->next = l->next;
		l->next->prev = l->prev;
		l->next = l->prev = NULL;
		return t;
	}
	return NULL;
}

static struct fw_task *
fifo_pick_next(unsigned int cpu)
{
	struct fw_task *t;
	unsigned int i;

	for (i = 0; i < nqueues; i++)
		if ((t = fifo_take(&queues[(cpu + i) % nqueues], cpu)) != NULL)
			return t;
	return NULL;
}

const struct fw_sched_policy fw_sched_fifo = {
	.enqueue = fifo_enqueue,
	.pick_next = fifo_pick_next,
};
