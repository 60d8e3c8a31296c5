/*
 * reaper.c: dead spaces' stubs reaped behind (space.h).  A process's last
 * exit freed its space on its CPU thread: it killed the stub, waited while
 * the host tore the process down (250 us a stub here, docs/bench.md), and
 * freed the space's frames, and the parent's wake-up waited for all of it.
 *
 * Once a space has no thread left, nothing of its stub reaches the vm's
 * frames: guest code runs only on a slot's thread, and the mm thread acts
 * only on a doorbell, which nobody rings again.  So hal_space_free() kills
 * such a stub and hands it here, and the core may reuse the vm's frames at
 * once.  A host thread of this file's waits for the stub to end, then
 * frees the frames the stub itself could still write (its ring, its done
 * page, retired slots) and the space: a guest that reads its free memory
 * right after a wait(2) may find those 192 KiB still in use, for the
 * quarter of a millisecond the host takes.  If the thread cannot be made,
 * spaces are released in place, as before.
 *
 * Locks: lock guards the list and the thread's state.
 */
#define _GNU_SOURCE
#include "sim.h"
#include "host.h"
#include "space.h"

#include <pthread.h>
#include <signal.h>
#include <stdbool.h>

static struct {
	pthread_mutex_t		 lock;
	pthread_cond_t		 killed;
	struct hal_space	*dying;		/* killed, not reaped */
	bool			 thread;	/* the reaper runs */
	bool			 no_thread;	/* it could not be made */
} reap = {
	.lock = PTHREAD_MUTEX_INITIALIZER,
	.killed = PTHREAD_COND_INITIALIZER,
};

static void *
reaper(void *arg)
{
	struct hal_space *s;

	(void)arg;
	pthread_mutex_lock(&reap.lock);
	for (;;) {
		if ((s = reap.dying) == NULL) {
			pthread_cond_wait(&reap.killed, &reap.lock);
			continue;
		}
		reap.dying = s->next;
		pthread_mutex_unlock(&reap.lock);
		space_release(s);		/* reaps, then frees */
		pthread_mutex_lock(&reap.lock);
	}
	return NULL;
}

bool
reaper_add(struct hal_space *s)
{
	pthread_t tid;

	pthread_mutex_lock(&reap.lock);
	if (!reap.thread && !reap.no_thread) {
		if (pthread_create(&tid, NULL, reaper, NULL) == 0) {
			pthread_detach(tid);
			reap.thread = true;
		} else
			reap.no_thread = true;
	}
	if (!reap.thread) {
		pthread_mutex_unlock(&reap.lock);
		return false;
	}
	space_kill(s);
	s->next = reap.dying;
	reap.dying = s;
	pthread_cond_signal(&reap.killed);
	pthread_mutex_unlock(&reap.lock);
	return true;
}
