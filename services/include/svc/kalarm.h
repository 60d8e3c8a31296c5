/*
 * svc/kalarm.h: alarms that call a function (services/time/kalarm.c), for
 * what must act at a deadline without a task of its own waiting for it:
 * timerfd(2)'s expirations.  One kernel task sleeps until the earliest
 * armed deadline and calls each due alarm's function once; an alarm is
 * then disarmed until armed again.  Deadlines are monotonic nanoseconds.
 *
 * Locks: the service's internal mutex (kalarm_lock) guards every armed
 * alarm, and the function runs with it held: so it must be short, must
 * not sleep (spinlocks, wake-ups and poll_notify() are fine) and must not
 * call kalarm_*.  Lock order: a caller's own mutexes, then kalarm_lock,
 * then what the functions take.
 */
#ifndef SVC_KALARM_H
#define SVC_KALARM_H

#include <fw/types.h>

typedef void (*kalarm_fn)(void *arg);

/* Embeddable; owned by its user, who cancels it before freeing it. */
struct kalarm {
	struct kalarm	*next;		/* [kalarm_lock] on the armed list */
	uint64_t	 deadline;	/* [kalarm_lock] 0: not armed */
	kalarm_fn	 fn;		/* [I] */
	void		*arg;		/* [I] */
};

/* Makes a disarmed alarm that will call fn(arg). */
void			kalarm_init(struct kalarm *a, kalarm_fn fn, void *arg);
/*
 * Arms a for deadline (> 0; a past one fires at once), replacing any
 * earlier arming.  0, or -ENOMEM when the service task cannot start.
 */
FW_MUST_CHECK int	kalarm_arm(struct kalarm *a, uint64_t deadline);
/* Disarms a; on return its function is not running and will not run. */
void			kalarm_cancel(struct kalarm *a);

#endif
