/*
 * time/kalarm.c: alarms that call a function (svc/kalarm.h).  Armed
 * alarms sit on one list, in deadline order, under kalarm_lock; the
 * service task sleeps on kalarm_wq until the first deadline, or until an
 * arming moves it (kalarm_gen), then takes every due alarm off the list
 * and calls it.  The calls run under kalarm_lock, which is what lets
 * kalarm_cancel() promise that none is running when it returns.
 *
 * Interface: svc/kalarm.h.
 * Locks: kalarm_lock guards the list, each alarm's next and deadline,
 * and the task's start.
 */
#include <fw/errno.h>
#include <fw/mutex.h>
#include <fw/task.h>
#include <fw/timer.h>
#include <fw/waitq.h>
#include <stdatomic.h>
#include <svc/kalarm.h>

static struct fw_mutex	 kalarm_lock;
static struct kalarm	*kalarms FW_GUARDED_BY(kalarm_lock);
static bool		 kalarm_task_up FW_GUARDED_BY(kalarm_lock);
static atomic_uint	 kalarm_gen;
static struct fw_waitq	 kalarm_wq;

void
kalarm_init(struct kalarm *a, kalarm_fn fn, void *arg)
{
	a->next = NULL;
	a->deadline = 0;
	a->fn = fn;
	a->arg = arg;
}

/* Takes a off the list if it is on it. */
static void
kalarm_unlink_locked(struct kalarm *a) FW_REQUIRES(&kalarm_lock)
{
	struct kalarm **link;

	if (a->deadline == 0)
		return;
	for (link = &kalarms; *link != NULL; link = &(*link)->next)
		if (*link == a) {
			*link = a->next;
			break;
		}
	a->next = NULL;
	a->deadline = 0;
}

/* Calls what is due at now; returns the next deadline (or none). */
static uint64_t
kalarm_run_locked(uint64_t now) FW_REQUIRES(&kalarm_lock)
{
	struct kalarm *a;

	while ((a = kalarms) != NULL && a->deadline <= now) {
		kalarms = a->next;
		a->next = NULL;
		a->deadline = 0;
		a->fn(a->arg);
	}
	return a != NULL ? a->deadline : FW_NO_DEADLINE;
}

struct kalarm_cond {
	unsigned int	seen;
};

static bool
kalarm_changed(void *arg)
{
	struct kalarm_cond *c = arg;

	return atomic_load(&kalarm_gen) != c->seen;
}

static void
kalarm_task(void *arg)
{
	struct kalarm_cond c;
	uint64_t next;

	(void)arg;
	for (;;) {
		c.seen = atomic_load(&kalarm_gen);
		fw_mutex_lock(&kalarm_lock);
		next = kalarm_run_locked(fw_clock_monotonic());
		fw_mutex_unlock(&kalarm_lock);
		if (fw_waitq_wait(&kalarm_wq, kalarm_changed, &c, next,
		    false) != 0)
			continue;		/* a deadline: look again */
	}
}

int
kalarm_arm(struct kalarm *a, uint64_t deadline)
{
	struct kalarm **link;
	int err;

	fw_mutex_lock(&kalarm_lock);
	if (!kalarm_task_up) {
		if ((err = fw_task_spawn(kalarm_task, NULL, NULL)) < 0) {
			fw_mutex_unlock(&kalarm_lock);
			return err;
		}
		kalarm_task_up = true;
	}
	kalarm_unlink_locked(a);
	a->deadline = deadline > 0 ? deadline : 1;
	for (link = &kalarms; *link != NULL && (*link)->deadline <= deadline;
	    link = &(*link)->next)
		continue;
	a->next = *link;
	*link = a;
	fw_mutex_unlock(&kalarm_lock);
	atomic_fetch_add(&kalarm_gen, 1);
	fw_waitq_wake_all(&kalarm_wq);
	return 0;
}

void
kalarm_cancel(struct kalarm *a)
{
	fw_mutex_lock(&kalarm_lock);
	kalarm_unlink_locked(a);
	fw_mutex_unlock(&kalarm_lock);
}
