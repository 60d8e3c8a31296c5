/*
 * spare.c: spare spaces (space.h).  Starting a stub is a host process's
 * exec, its seccomp filter and its first mappings, and a fork or an exec
 * waited for all of it on a CPU thread (docs/bench.md).  Once a second
 * space was made (the first fork: a run of one process never pays for a
 * spare), hal_space_new() keeps SPARES spaces ahead.  It allocates their
 * frames itself, on the CPU thread that makes a space, and queues them; a
 * host thread of this file's starts their stubs in the background.  A
 * space then takes a ready spare when there is one and starts its own stub
 * only when there is not.
 *
 * A dead process's stub is a spare too.  Ending a host process costs about
 * as much as starting one, and on a machine of few CPUs both compete with
 * the guest for them, so a space freed with no thread left comes here
 * while there is room (POOL, above SPARES, so that recycled stubs make new
 * ones needless); the starter thread unmaps what the guest had
 * (space_scrub()) before it serves again.  What a guest may have left in
 * its stub is what an exec's next program finds (hal_space_adopt()): the
 * stub's writable data, which neither its mm thread nor a starting thread
 * trusts (stub.c).
 *
 * A spare's stub is any stub: the space gets its vm, mappings and threads
 * only when taken.  A spare whose stub failed to start or died waiting is
 * released by the next spare_take(), on a CPU thread.  At power-off the
 * spares' stubs are killed with the others'; they would die with the
 * simulator anyway (PR_SET_PDEATHSIG of the thread that started them,
 * which never ends).
 *
 * Locks: lock guards everything below; the starter thread drops it while a
 * stub starts or is scrubbed.
 */
#define _GNU_SOURCE
#include "sim.h"
#include "host.h"
#include "space.h"

#include <pthread.h>
#include <signal.h>
#include <stdbool.h>

#define SPARES	2		/* new stubs are started up to this many */
#define POOL	4		/* recycled ones are kept up to this many */

enum spare_state {
	SPARE_QUEUED,		/* frames allocated, no stub yet */
	SPARE_STARTING,		/* the starter thread is on it */
	SPARE_USED,		/* recycled, not scrubbed yet */
	SPARE_SCRUBBING,	/* the starter thread is on it */
	SPARE_READY,
	SPARE_FAILED,
};

static struct {
	pthread_mutex_t		 lock;
	pthread_cond_t		 queued;
	struct hal_space	*s[POOL];
	enum spare_state	 state[POOL];
	unsigned int		 made;		/* spaces made, up to 2 */
	bool			 thread;	/* the starter runs */
	bool			 no_thread;	/* it could not be made */
} spare = {
	.lock = PTHREAD_MUTEX_INITIALIZER,
	.queued = PTHREAD_COND_INITIALIZER,
};

static void *
starter(void *arg)
{
	enum spare_state st;
	unsigned int i;
	int err;

	(void)arg;
	pthread_mutex_lock(&spare.lock);
	for (;;) {
		for (i = 0; i < POOL; i++)
			if (spare.s[i] != NULL &&
			    (spare.state[i] == SPARE_QUEUED ||
			    spare.state[i] == SPARE_USED))
				break;
		if (i == POOL) {
			pthread_cond_wait(&spare.queued, &spare.lock);
			continue;
		}
		st = spare.state[i];
		spare.state[i] = st == SPARE_QUEUED ? SPARE_STARTING :
		    SPARE_SCRUBBING;
		pthread_mutex_unlock(&spare.lock);
		err = st == SPARE_QUEUED ? space_spawn(spare.s[i]) :
		    space_scrub(spare.s[i]);
		pthread_mutex_lock(&spare.lock);
		spare.state[i] = err < 0 ? SPARE_FAILED : SPARE_READY;
	}
	return NULL;
}

struct hal_space *
spare_take(void)
{
	struct hal_space *got = NULL, *drop[POOL];
	unsigned int i, n = 0;

	pthread_mutex_lock(&spare.lock);
	for (i = 0; i < POOL; i++) {
		if (spare.s[i] == NULL)
			continue;
		if (spare.state[i] == SPARE_FAILED ||
		    (spare.state[i] == SPARE_READY &&
		    host_exited(spare.s[i]->pid, spare.s[i]->pidfd))) {
			drop[n++] = spare.s[i];
			spare.s[i] = NULL;
		} else if (spare.state[i] == SPARE_READY && got == NULL) {
			got = spare.s[i];
			spare.s[i] = NULL;
		}
	}
	if (spare.made < 2)
		spare.made++;
	pthread_mutex_unlock(&spare.lock);
	for (i = 0; i < n; i++)
		space_release(drop[i]);
	return got;
}

/* How many spares there are or will be. */
static unsigned int
spares_locked(void)
{
	unsigned int i, n = 0;

	for (i = 0; i < POOL; i++)
		if (spare.s[i] != NULL && spare.state[i] != SPARE_FAILED)
			n++;
	return n;
}

/* A free entry of the pool, or POOL. */
static unsigned int
free_entry_locked(void)
{
	unsigned int i;

	for (i = 0; i < POOL && spare.s[i] != NULL; i++)
		;
	return i;
}

void
spare_refill(void)
{
	struct hal_space *s;
	pthread_t tid;
	unsigned int i;

	pthread_mutex_lock(&spare.lock);
	if (spare.made < 2 || spare.no_thread) {
		pthread_mutex_unlock(&spare.lock);
		return;
	}
	if (!spare.thread) {
		if (pthread_create(&tid, NULL, starter, NULL) != 0) {
			spare.no_thread = true;
			pthread_mutex_unlock(&spare.lock);
			return;
		}
		pthread_detach(tid);
		spare.thread = true;
	}
	while (spares_locked() < SPARES) {
		/* space_alloc() takes the frame lock: not under ours. */
		pthread_mutex_unlock(&spare.lock);
		if (space_alloc(&s) < 0)
			return;
		pthread_mutex_lock(&spare.lock);
		if (spares_locked() >= SPARES ||	/* another CPU filled it */
		    (i = free_entry_locked()) == POOL) {
			pthread_mutex_unlock(&spare.lock);
			space_release(s);
			return;
		}
		spare.s[i] = s;
		spare.state[i] = SPARE_QUEUED;
		pthread_cond_signal(&spare.queued);
	}
	pthread_mutex_unlock(&spare.lock);
}

bool
spare_recycle(struct hal_space *s)
{
	unsigned int i;

	pthread_mutex_lock(&spare.lock);
	if (!spare.thread || (i = free_entry_locked()) == POOL) {
		pthread_mutex_unlock(&spare.lock);
		return false;
	}
	spare.s[i] = s;
	spare.state[i] = SPARE_USED;
	pthread_cond_signal(&spare.queued);
	pthread_mutex_unlock(&spare.lock);
	return true;
}

void
spare_kill_all(void)
{
	unsigned int i;

	pthread_mutex_lock(&spare.lock);
	for (i = 0; i < POOL; i++)
		if (spare.s[i] != NULL && (spare.state[i] == SPARE_READY ||
		    spare.state[i] == SPARE_USED ||
		    spare.state[i] == SPARE_SCRUBBING))
			kill(spare.s[i]->pid, SIGKILL);
	pthread_mutex_unlock(&spare.lock);
}
