/*
 * poll/pollwait.c: the sleep of poll(2) and select(2) (fs/select.c
 * poll_wqueues): the thread hooks one entry per head its files name, and
 * any entry's wake-up raises one flag and wakes the thread, which then
 * polls every file again.  Also the timeout arithmetic both calls share,
 * and the stat of anonymous-inode files.
 *
 * Interface: poll_waiter_init, poll_waiter_fini, poll_waiter_sleep,
 * poll_waiter_run,
 * poll_deadline, poll_time_left, anon_file_stat (poll_impl.h).
 * Locks: the waiter is the calling thread's; its entries are under their
 * heads' locks (svc/poll.h); the flag is atomic.
 */
#include <fw/alloc.h>
#include <fw/errno.h>
#include <fw/string.h>
#include <fw/task.h>
#include <fw/timer.h>
#include <svc/file.h>
#include <svc/proc.h>
#include <svc/signal.h>
#include <svc/time.h>
#include <svc/vfs.h>
#include <uapi/fs.h>
#include "poll_impl.h"

/* An entry's wake-up: any event may matter, the thread re-polls. */
static bool
waiter_wake(struct poll_entry *e, uint32_t events)
{
	struct poll_waiter *w = e->arg;

	(void)events;
	atomic_store(&w->triggered, true);
	fw_waitq_wake_all(&w->wq);
	return true;
}

/* The poll table's queue: the next entry of the pool goes on ph. */
static void
waiter_queue(struct poll_table *pt, struct pollhead *ph)
{
	struct poll_waiter *w = (struct poll_waiter *)pt;
	struct poll_slot *s;
	struct poll_entry *e;

	/* Poll ops hook at most POLL_HEADS_MAX heads; the pool has room. */
	if (w->nused == w->npool || w->cur == NULL)
		return;
	s = &w->pool[w->nused++];
	s->file = file_ref(w->cur);
	e = &s->e;
	e->wake = waiter_wake;
	e->arg = w;
	e->key = pt->key;
	e->exclusive = false;
	poll_entry_add(ph, e);
}

int
poll_waiter_init(struct poll_waiter *w, size_t nfiles)
{
	memset(w, 0, sizeof(*w));
	w->npool = nfiles * POLL_HEADS_MAX;
	if (w->npool > 0 &&
	    (w->pool = fw_zalloc(w->npool, sizeof(*w->pool))) == NULL)
		return -ENOMEM;
	w->pt.queue = waiter_queue;
	atomic_init(&w->triggered, false);
	fw_waitq_init(&w->wq);
	return 0;
}

void
poll_waiter_fini(struct poll_waiter *w)
{
	size_t i;

	for (i = 0; i < w->nused; i++) {
		poll_entry_del(&w->pool[i].e);
		file_unref(w->pool[i].file);
	}
	fw_free(w->pool);
	w->pool = NULL;
	w->npool = w->nused = 0;
}

static bool
waiter_triggered(void *arg)
{
	struct poll_waiter *w = arg;

	return atomic_load(&w->triggered);
}

int
poll_waiter_sleep(struct poll_waiter *w, struct thread *t, uint64_t deadline)
{
	int err;

	for (;;) {
		err = fw_waitq_wait(&w->wq, waiter_triggered, w, deadline,
		    true);
		if (err == 0) {
			atomic_store(&w->triggered, false);
			return 0;
		}
		if (err != -EINTR)
			return err;
		/*
		 * A sender queues before it interrupts: clear, then look, and
		 * none is missed; an interrupt whose signal is gone (taken by
		 * another thread) only costs one more turn.
		 */
		(void)fw_task_clear_interrupt();
		if (signal_pending(t))
			return -EINTR;
	}
}

int
poll_deadline(const struct linux_timespec *ts, uint64_t *deadline)
{
	uint64_t ns, now;
	int err;

	if ((err = timespec_to_ns(ts, &ns)) < 0)
		return err;
	if (ns == 0) {
		*deadline = 0;
		return 0;
	}
	now = fw_clock_monotonic();
	*deadline = ns >= FW_NO_DEADLINE - now ? FW_NO_DEADLINE : now + ns;
	return 0;
}

struct linux_timespec
poll_time_left(uint64_t deadline)
{
	uint64_t now = fw_clock_monotonic();

	return ns_to_timespec(deadline > now ? deadline - now : 0);
}

/* Linux's anon_inode: one inode, mode 0600 and no type bits. */
void
anon_file_stat(struct linux_stat *st)
{
	st->st_dev = 0x10;
	st->st_ino = 20;
	st->st_nlink = 1;
	st->st_mode = 0600;
	st->st_blksize = FW_PAGE_SIZE;
}

int
poll_waiter_run(struct thread *t, size_t nfiles, uint64_t deadline,
    poll_scan_fn scan, void *arg)
{
	struct poll_waiter w;
	bool timed_out = deadline == 0;
	int count, err;

	if ((err = poll_waiter_init(&w, timed_out ? 0 : nfiles)) < 0)
		return err;
	if (timed_out)
		w.pt.queue = NULL;
	for (;;) {
		count = scan(arg, &w);
		if (count == 0 && signal_pending(t))
			count = -ERESTARTNOHAND;
		if (count != 0 || timed_out)
			break;
		if (poll_waiter_sleep(&w, t, deadline) == -ETIMEDOUT)
			timed_out = true;
	}
	poll_waiter_fini(&w);
	return count;
}
