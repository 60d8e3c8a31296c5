/*
 * core/timer_impl.h: the core's timers, which wake tasks at deadlines
 * (fw_sleep_until() and waitq deadlines), and the tick.  A timer lives in
 * its owner's stack frame; fw_timer_del() returns only once no CPU can
 * touch it any more, so the frame may then go.
 */
#ifndef FW_TIMER_IMPL_H
#define FW_TIMER_IMPL_H

#include <fw/timer.h>

struct fw_task;

struct fw_timer {
	struct fw_timer	*next, *prev;	/* [t] the sorted list */
	uint64_t	 deadline;	/* [t] */
	struct fw_task	*task;		/* [t] woken at the deadline */
	bool		 armed;		/* [t] on the list */
};

void		fw_timer_add(struct fw_timer *t, uint64_t deadline,
		    struct fw_task *task);
void		fw_timer_del(struct fw_timer *t);
/* Wakes the tasks of expired timers; returns the next deadline. */
uint64_t	fw_timer_run(uint64_t now);
/*
 * Calls the tick hook if the calling CPU's tick is due; returns when the
 * next one is (UINT64_MAX without a hook).
 */
uint64_t	fw_tick_run(unsigned int cpu, uint64_t now);
/* Adds ns of CPU time spent running tasks. */
void		fw_clock_account(uint64_t ns);
/*
 * The time page (core/timepage.c): set up once at boot, after the frames;
 * then any CPU's loop calls the tick, which updates it about FW_HZ times a
 * second (one CPU at a time; the others return at once).
 */
void		fw_timepage_init(void);
void		fw_timepage_tick(uint64_t now);

#endif
