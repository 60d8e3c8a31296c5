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
 * A spare's stub is any stub: the space gets its vm, mappings and threads
 * only when taken.  A spare whose stub failed to start or died waiting is
 * released by the next spare_take(), on a CPU thread.  At power-off the
 * spares' stubs are killed with the others'; they would die with the
 * simulator anyway (PR_SET_PDEATHSIG of the thread that started them,
 * which never ends).
 *
 * Locks: lock guards everything below; the starter thread drops it while a
 * stub starts.
 */
#define _GNU_SOURCE
#include "sim.h"
#include "host.h"
#include "space.h"

#include <pthread.h>
#include <signal.h>
#include <stdbool.h>

#define SPARES	2		/* a fork+exec takes two spaces */

enum spare_state {
	SPARE_QUEUED,		/* frames allocated, no stub yet */
	SPARE_STARTING,		/* the starter thread is on it */
	SPARE_READY,
	SPARE_FAILED,
};

static struct {
	pthread_mutex_t		 lock;
	pthread_cond_t		 queued;
	struct hal_space	*s[SPARES];
	enum spare_state	 state[SPARES];
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
	unsigned int i;
	int err;

	(void)arg;
	pthread_mutex_lock(&spare.lock);
	for (;;) {
		for (i = 0; i < SPARES; i++)
			if (spare.s[i] != NULL &&
			    spare.state[i] == SPARE_QUEUED)
				break;
		if (i == SPARES) {
			pthread_cond_wait(&spare.queued, &spare.lock);
			continue;
		}
		spare.state[i] = SPARE_STARTING;
		pthread_mutex_unlock(&spare.lock);
		err = space_spawn(spare.s[i]);
		pthread_mutex_lock(&spare.lock);
		spare.state[i] = err < 0 ? SPARE_FAILED : SPARE_READY;
	}
	return NULL;
}

struct hal_space *
spare_take(void)
{
	struct hal_space *got = NULL, *drop[SPARES];
	unsigned int i, n = 0;

	pthread_mutex_lock(&spare.lock);
	for (i = 0; i < SPARES; i++) {
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
	for (i = 0; i < SPARES; i++) {
		if (spare.s[i] != NULL)
			continue;
		/* space_alloc() takes the frame lock: not under ours. */
		pthread_mutex_unlock(&spare.lock);
		if (space_alloc(&s) < 0)
			return;
		pthread_mutex_lock(&spare.lock);
		if (spare.s[i] != NULL) {	/* another CPU filled it */
			pthread_mutex_unlock(&spare.lock);
			space_release(s);
			pthread_mutex_lock(&spare.lock);
			continue;
		}
		spare.s[i] = s;
		spare.state[i] = SPARE_QUEUED;
		pthread_cond_signal(&spare.queued);
	}
	pthread_mutex_unlock(&spare.lock);
}

void
spare_kill_all(void)
{
	unsigned int i;

	pthread_mutex_lock(&spare.lock);
	for (i = 0; i < SPARES; i++)
		if (spare.s[i] != NULL && spare.state[i] == SPARE_READY)
			kill(spare.s[i]->pid, SIGKILL);
	pthread_mutex_unlock(&spare.lock);
}
