/*
 * time/ktimer.c: the timer service (svc/ktimer.h).  Timers live on one
 * list under ktimer_lock; the service task sleeps on ktimer_wq until the
 * earliest armed deadline, or until a change (ktimer_gen) may have moved
 * it, and then sends what expired.  Linux's POSIX timers queue one signal
 * per expiration they can (real-time signals carry si_overrun, the
 * expirations missed since the last one was queued).
 *
 * Interface: svc/ktimer.h.  Locks: ktimer_lock, then proc->lock.
 */
#include <fw/alloc.h>
#include <fw/errno.h>
#include <fw/mutex.h>
#include <fw/string.h>
#include <fw/task.h>
#include <fw/timer.h>
#include <fw/waitq.h>
#include <stdatomic.h>
#include <svc/ktimer.h>
#include <svc/proc.h>
#include <svc/signal.h>

struct ktimer {
	struct ktimer		*next;
	struct proc		*proc;
	int			 id;
	struct ktimer_event	 ev;
	uint64_t		 deadline;	/* 0: disarmed */
	uint64_t		 interval;
	int			 overrun;	/* missed since the last send */
	int			 last_overrun;	/* reported by getoverrun */
};

static struct fw_mutex	 ktimer_lock;
static struct ktimer	*ktimers FW_GUARDED_BY(ktimer_lock);
static bool		 ktimer_task_up FW_GUARDED_BY(ktimer_lock);
static atomic_uint	 ktimer_gen;
static struct fw_waitq	 ktimer_wq;

static struct ktimer *
ktimer_find_locked(struct proc *p, int id) FW_REQUIRES(&ktimer_lock)
{
	struct ktimer *k;

	for (k = ktimers; k != NULL; k = k->next)
		if (k->proc == p && k->id == id)
			return k;
	return NULL;
}

/* Sends k's signal; an expiration that cannot be queued is an overrun. */
static void
ktimer_fire_locked(struct ktimer *k) FW_REQUIRES(&ktimer_lock)
{
	struct linux_siginfo info;
	int err;

	if (k->id == KTIMER_WATCH) {
		signal_kick_all(k->proc);
		return;
	}
	if (k->ev.signo == 0)
		return;
	memset(&info, 0, sizeof(info));
	info.code = k->ev.code;
	if (k->ev.code == LINUX_SI_TIMER) {
		info.u.proc.pid = k->id;			/* si_tid */
		info.u.proc.uid = (uint32_t)k->overrun;		/* si_overrun */
		info.u.proc.value = k->ev.value;
	}
	if (k->ev.code != LINUX_SI_TIMER)
		err = signal_send_proc(k->proc, k->ev.signo, &info);
	else
		err = signal_send_timer(k->proc, k->ev.tid, k->ev.signo,
		    &info);
	if (err != 0) {
		/* Still pending, or no room: one more missed expiration. */
		k->overrun++;
		k->last_overrun = k->overrun;
		return;
	}
	k->last_overrun = k->overrun;
	k->overrun = 0;
}

/* Fires k if it is due at now (on its own clock), re-armed or not. */
static void
ktimer_due_locked(struct ktimer *k, uint64_t now) FW_REQUIRES(&ktimer_lock)
{
	uint64_t n;

	if (k->deadline == 0 || k->deadline > now)
		return;
	if (k->interval != 0) {
		n = (now - k->deadline) / k->interval;
		k->overrun += (int)(n > 1000000 ? 1000000 : n);
		k->deadline += (n + 1) * k->interval;
	} else {
		k->deadline = 0;
	}
	ktimer_fire_locked(k);
}

/* Fires what is due at now; returns the next deadline (or none). */
static uint64_t
ktimer_run_locked(uint64_t now) FW_REQUIRES(&ktimer_lock)
{
	uint64_t next = FW_NO_DEADLINE;
	struct ktimer *k;

	for (k = ktimers; k != NULL; k = k->next) {
		if (k->ev.cpu)
			continue;		/* the threads see to those */
		ktimer_due_locked(k, now);
		if (k->deadline != 0 && k->deadline < next)
			next = k->deadline;
	}
	return next;
}

/* Now on k's clock: monotonic, or its CPU time (0 if its thread is gone). */
static uint64_t
ktimer_now_locked(const struct ktimer *k) FW_REQUIRES(&ktimer_lock)
{
	uint64_t ns;

	if (!k->ev.cpu)
		return fw_clock_monotonic();
	if (proc_cpu_clock(k->proc, k->ev.cpu_tid, k->ev.cpu_which, &ns) < 0)
		return 0;
	return ns;
}

void
ktimer_cpu_run(struct proc *p)
{
	struct ktimer *k;

	fw_mutex_lock(&ktimer_lock);
	for (k = ktimers; k != NULL; k = k->next)
		if (k->proc == p && k->ev.cpu && k->deadline != 0)
			ktimer_due_locked(k, ktimer_now_locked(k));
	fw_mutex_unlock(&ktimer_lock);
}

bool
ktimer_cpu_armed(struct proc *p)
{
	struct ktimer *k;
	bool armed = false;

	fw_mutex_lock(&ktimer_lock);
	for (k = ktimers; k != NULL && !armed; k = k->next)
		armed = k->proc == p && k->ev.cpu && k->deadline != 0;
	fw_mutex_unlock(&ktimer_lock);
	return armed;
}

struct ktimer_cond {
	unsigned int	seen;
};

static bool
ktimer_changed(void *arg)
{
	struct ktimer_cond *c = arg;

	return atomic_load(&ktimer_gen) != c->seen;
}

static void
ktimer_task(void *arg)
{
	struct ktimer_cond c;
	uint64_t next;

	(void)arg;
	for (;;) {
		c.seen = atomic_load(&ktimer_gen);
		fw_mutex_lock(&ktimer_lock);
		next = ktimer_run_locked(fw_clock_monotonic());
		fw_mutex_unlock(&ktimer_lock);
		if (fw_waitq_wait(&ktimer_wq, ktimer_changed, &c, next,
		    false) != 0)
			continue;		/* a deadline: look again */
	}
}

/* Tells the task the deadlines changed; starts it the first time. */
static int
ktimer_kick_locked(void) FW_REQUIRES(&ktimer_lock)
{
	int err;

	if (!ktimer_task_up) {
		if ((err = fw_task_spawn(ktimer_task, NULL, NULL)) < 0)
			return err;
		ktimer_task_up = true;
	}
	atomic_fetch_add(&ktimer_gen, 1);
	fw_waitq_wake_all(&ktimer_wq);
	return 0;
}

static struct ktimer *
ktimer_add_locked(struct proc *p, int id, const struct ktimer_event *ev)
	FW_REQUIRES(&ktimer_lock)
{
	struct ktimer *k;

	if ((k = fw_zalloc(1, sizeof(*k))) == NULL)
		return NULL;
	k->proc = p;
	k->id = id;
	k->ev = *ev;
	if (ev->value_is_id)
		k->ev.value = (uint64_t)id;
	k->next = ktimers;
	ktimers = k;
	return k;
}

int
ktimer_create(struct proc *p, const struct ktimer_event *ev, int *id)
{
	int i, err = -EAGAIN;

	fw_mutex_lock(&ktimer_lock);
	for (i = 0; i < KTIMER_MAX; i++) {
		if (ktimer_find_locked(p, i) != NULL)
			continue;
		err = ktimer_add_locked(p, i, ev) != NULL ? 0 : -ENOMEM;
		*id = i;
		break;
	}
	fw_mutex_unlock(&ktimer_lock);
	return err;
}

/* Unlinks and frees p's timers: all, or the POSIX ones only. */
static void
ktimer_remove(struct proc *p, bool posix_only)
{
	struct ktimer **link, *k;

	fw_mutex_lock(&ktimer_lock);
	for (link = &ktimers; (k = *link) != NULL;) {
		if (k->proc == p && (!posix_only || k->id >= 0)) {
			*link = k->next;
			fw_free(k);
		} else {
			link = &k->next;
		}
	}
	fw_mutex_unlock(&ktimer_lock);
}

int
ktimer_delete(struct proc *p, int id)
{
	struct ktimer **link, *k;
	int err = -EINVAL;

	if (id < 0)
		return -EINVAL;
	fw_mutex_lock(&ktimer_lock);
	for (link = &ktimers; (k = *link) != NULL; link = &k->next)
		if (k->proc == p && k->id == id) {
			*link = k->next;
			fw_free(k);
			err = 0;
			break;
		}
	fw_mutex_unlock(&ktimer_lock);
	if (err == 0)
		signal_discard_timer(p, id);
	return err;
}

static void
ktimer_read_locked(const struct ktimer *k, uint64_t now, uint64_t *left,
    uint64_t *interval) FW_REQUIRES(&ktimer_lock)
{
	if (left != NULL)
		*left = k->deadline == 0 ? 0 : k->deadline > now ?
		    k->deadline - now : 1;	/* due: the task is about to */
	if (interval != NULL)
		*interval = k->interval;
}

int
ktimer_arm(struct proc *p, int id, uint64_t deadline, uint64_t interval,
    uint64_t *old_left, uint64_t *old_interval)
{
	static const struct ktimer_event alarm_ev = {
		.signo = LINUX_SIGALRM, .code = LINUX_SI_KERNEL
	};
	struct ktimer *k;
	int err = 0;

	fw_mutex_lock(&ktimer_lock);
	k = ktimer_find_locked(p, id);
	if (k == NULL && id < 0 && deadline == 0) {
		/* Disarming what was never armed. */
		fw_mutex_unlock(&ktimer_lock);
		if (old_left != NULL)
			*old_left = 0;
		if (old_interval != NULL)
			*old_interval = 0;
		return 0;
	}
	if (k == NULL && id < 0)
		k = ktimer_add_locked(p, id, &alarm_ev);
	if (k == NULL) {
		fw_mutex_unlock(&ktimer_lock);
		return id < 0 ? -ENOMEM : -EINVAL;
	}
	ktimer_read_locked(k, ktimer_now_locked(k), old_left, old_interval);
	k->deadline = deadline;
	k->interval = deadline != 0 ? interval : 0;
	k->overrun = 0;
	if (deadline != 0 && !k->ev.cpu)
		err = ktimer_kick_locked();
	fw_mutex_unlock(&ktimer_lock);
	return err;
}

int
ktimer_get(struct proc *p, int id, uint64_t *left, uint64_t *interval)
{
	struct ktimer *k;

	fw_mutex_lock(&ktimer_lock);
	if ((k = ktimer_find_locked(p, id)) != NULL)
		ktimer_read_locked(k, ktimer_now_locked(k), left, interval);
	else if (id == KTIMER_REAL)
		*left = *interval = 0;
	fw_mutex_unlock(&ktimer_lock);
	return k != NULL || id == KTIMER_REAL ? 0 : -EINVAL;
}

int
ktimer_clock(struct proc *p, int id, int64_t *clock)
{
	struct ktimer *k;
	int err = -EINVAL;

	fw_mutex_lock(&ktimer_lock);
	if (id >= 0 && (k = ktimer_find_locked(p, id)) != NULL) {
		*clock = k->ev.clock;
		err = 0;
	}
	fw_mutex_unlock(&ktimer_lock);
	return err;
}

int
ktimer_overrun(struct proc *p, int id)
{
	struct ktimer *k;
	int n = -EINVAL;

	fw_mutex_lock(&ktimer_lock);
	if (id >= 0 && (k = ktimer_find_locked(p, id)) != NULL)
		n = k->last_overrun;
	fw_mutex_unlock(&ktimer_lock);
	return n;
}

void
ktimer_exec(struct proc *p)
{
	ktimer_remove(p, true);
}

void
ktimer_exit(struct proc *p)
{
	ktimer_remove(p, false);
}
