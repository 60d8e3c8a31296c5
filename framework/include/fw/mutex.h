/*
 * fw/mutex.h: a sleeping lock for longer critical sections (may be held
 * across sleeps, never across user mode).  Embeddable; zero is unlocked.
 * Not recursive: relocking from the owner panics.
 */
#ifndef FW_MUTEX_H
#define FW_MUTEX_H

#include <fw/waitq.h>

struct fw_task;

struct FW_CAPABILITY("mutex") fw_mutex {
	struct fw_spinlock	 lock;
	struct fw_task		*owner;		/* [lock] */
	struct fw_waitq		 wq;
};

/* Makes m an unlocked mutex (a zeroed one already is).  Never sleeps. */
void	fw_mutex_init(struct fw_mutex *m);
/* May sleep. */
void	fw_mutex_lock(struct fw_mutex *m) FW_ACQUIRES(m);
void	fw_mutex_unlock(struct fw_mutex *m) FW_RELEASES(m);
bool	fw_mutex_trylock(struct fw_mutex *m) FW_TRY_ACQUIRES(true, m);

#endif
