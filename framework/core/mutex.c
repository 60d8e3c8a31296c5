/*
 * core/mutex.c: sleeping locks (fw/mutex.h).  The owner field, under the
 * mutex's spin lock, is the lock; waiters sleep on the mutex's wait queue
 * until it reads free, and the unlocker wakes one of them.  Taking the
 * lock is not FIFO: a task that comes along may take it before a woken
 * waiter does, which keeps the lock busy instead of handing it over.
 *
 * Locks used to protect fields in this file:
 *	l	m->lock
 */
#include <fw/mutex.h>
#include <fw/panic.h>
#include <fw/task.h>

void
fw_mutex_init(struct fw_mutex *m)
{
	fw_spin_init(&m->lock);
	m->owner = NULL;
	fw_waitq_init(&m->wq);
}

static bool
mutex_free(void *arg)
{
	struct fw_mutex *m = arg;
	bool free;

	fw_spin_lock(&m->lock);
	free = m->owner == NULL;
	fw_spin_unlock(&m->lock);
	return free;
}

/* Takes m if free.  Relocking would deadlock, so lock() panics on it. */
static bool
mutex_take(struct fw_mutex *m, bool relock_panics)
	FW_NO_TSA
{
	struct fw_task *cur = fw_task_current();
	bool taken = false;

	FW_ASSERT(cur != NULL);
	fw_spin_lock(&m->lock);
	if (m->owner == cur && relock_panics)
		fw_panic("mutex %p: relocked by its owner", (void *)m);
	if (m->owner == NULL) {
		m->owner = cur;
		taken = true;
	}
	fw_spin_unlock(&m->lock);
	return taken;
}

/* A trylock by the owner fails like any other while the mutex is held. */
bool
fw_mutex_trylock(struct fw_mutex *m)
	FW_NO_TSA
{
	return mutex_take(m, false);
}

void
fw_mutex_lock(struct fw_mutex *m)
	FW_NO_TSA
{
	int err;

	while (!mutex_take(m, true)) {
		err = fw_waitq_wait(&m->wq, mutex_free, m, FW_NO_DEADLINE,
		    false);
		FW_ASSERT(err == 0);
	}
}

void
fw_mutex_unlock(struct fw_mutex *m)
	FW_NO_TSA
{
	fw_spin_lock(&m->lock);
	if (m->owner != fw_task_current())
		fw_panic("mutex %p: unlocked by a task not holding it",
		    (void *)m);
	m->owner = NULL;
	fw_spin_unlock(&m->lock);
	fw_waitq_wake_one(&m->wq);
}
