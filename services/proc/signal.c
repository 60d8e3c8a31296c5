/*
 * proc/signal.c: generating signals (kernel/signal.c's send side): the
 * pending queues, what a new signal does to those already pending (a stop
 * cancels SIGCONT and the reverse), which thread of a process takes it, and
 * the faults that force a signal on the thread that made them.
 *
 * Standard signals (1..31) are pending at most once: a second one while
 * the first waits is merged into it.  Real-time signals queue, each with its
 * siginfo, up to RLIMIT_SIGPENDING per process.  When memory for an entry
 * runs out a standard signal is still pending, with a bare siginfo.
 *
 * Each signal queued wakes the process's signalfd pollers
 * (signal_poll_wake).
 *
 * Interface: signal_send_proc, signal_send_tid, signal_sigpipe,
 * signal_force, sigpending_flush (svc/signal.h); signal_wake_locked,
 * signal_wake_all_locked, signal_queue_take_locked, signal_discard_locked,
 * sig_default_stops, sig_default_ignores (proc/signal_impl.h).
 * Locks: proc->lock of the process concerned, for everything here.
 */
#include <fw/alloc.h>
#include <fw/string.h>
#include <fw/task.h>
#include <fw/user.h>
#include <fw/errno.h>
#include <fw/panic.h>
#include <svc/proc.h>
#include <svc/signal.h>
#include "signal_impl.h"

struct sigqueue {
	struct sigqueue		*next;
	struct linux_siginfo	 info;
};

/* The signals whose default action stops the process. */
#define SIG_STOP_SET	(LINUX_SIGBIT(LINUX_SIGSTOP) | \
	LINUX_SIGBIT(LINUX_SIGTSTP) | LINUX_SIGBIT(LINUX_SIGTTIN) | \
	LINUX_SIGBIT(LINUX_SIGTTOU))
/* The signals whose default action is to do nothing. */
#define SIG_IGNORE_SET	(LINUX_SIGBIT(LINUX_SIGCHLD) | \
	LINUX_SIGBIT(LINUX_SIGCONT) | LINUX_SIGBIT(LINUX_SIGURG) | \
	LINUX_SIGBIT(LINUX_SIGWINCH))

bool
sig_default_stops(int sig)
{
	return (SIG_STOP_SET & LINUX_SIGBIT(sig)) != 0;
}

bool
sig_default_ignores(int sig)
{
	return (SIG_IGNORE_SET & LINUX_SIGBIT(sig)) != 0;
}

unsigned int
sigpending_flush(struct sigpending *q)
{
	struct sigqueue *e;
	unsigned int n = 0;

	while ((e = q->head) != NULL) {
		q->head = e->next;
		fw_free(e);
		n++;
	}
	q->set = 0;
	return n;
}

/* Drops every pending signal of mask from q; returns the entries freed. */
static unsigned int
sigq_drop(struct sigpending *q, uint64_t mask)
{
	struct sigqueue **link = &q->head, *e;
	unsigned int n = 0;

	while ((e = *link) != NULL) {
		if (mask & LINUX_SIGBIT(e->info.signo)) {
			*link = e->next;
			fw_free(e);
			n++;
		} else {
			link = &e->next;
		}
	}
	q->set &= ~mask;
	return n;
}

/* Clears sig's bit in q unless another entry of sig remains. */
static void
sigq_update_bit(struct sigpending *q, int sig)
{
	struct sigqueue *e;

	for (e = q->head; e != NULL; e = e->next)
		if (e->info.signo == sig)
			return;
	q->set &= ~LINUX_SIGBIT(sig);
}

/* Appends sig to q; 0, or -EAGAIN for a real-time signal over the limit. */
static int
sigq_add_locked(struct proc *p, struct sigpending *q, int sig,
    const struct linux_siginfo *info) FW_REQUIRES(&p->lock)
{
	struct sigqueue *e, **link;
	bool rt = sig >= LINUX_SIGRTMIN;

	if (!rt && (q->set & LINUX_SIGBIT(sig)))
		return 0;			/* merged into the pending one */
	/*
	 * Over the limit or out of memory, sigqueue(3) fails; kill(2) and
	 * the kernel's own signals (si_code >= 0) still get through, without
	 * their siginfo (kernel/signal.c __send_signal_locked).
	 */
	if ((rt && p->nqueued >= p->rlim[LINUX_RLIMIT_SIGPENDING].cur) ||
	    (e = fw_zalloc(1, sizeof(*e))) == NULL) {
		if (info->code < 0)
			return -EAGAIN;
		q->set |= LINUX_SIGBIT(sig);
		return 0;
	}
	e->info = *info;
	e->info.signo = sig;
	for (link = &q->head; *link != NULL; link = &(*link)->next)
		continue;
	*link = e;
	p->nqueued++;
	q->set |= LINUX_SIGBIT(sig);
	return 0;
}

int
signal_queue_take_locked(struct proc *p, struct sigpending *q, int sig,
    struct linux_siginfo *out)
{
	struct sigqueue **link, *e;
	bool more = false;

	memset(out, 0, sizeof(*out));
	out->signo = sig;
	out->code = LINUX_SI_KERNEL;
	for (link = &q->head; (e = *link) != NULL; link = &e->next)
		if (e->info.signo == sig)
			break;
	if (e != NULL) {
		*link = e->next;
		*out = e->info;
		fw_free(e);
		p->nqueued--;
		for (e = *link; e != NULL && !more; e = e->next)
			more = e->info.signo == sig;
	}
	if (!more)
		q->set &= ~LINUX_SIGBIT(sig);
	return sig;
}

void
signal_wake_locked(struct proc *p, struct thread *t)
{
	if (t->task != NULL)
		fw_task_interrupt(t->task);
	if (t->uthread != NULL)
		fw_uthread_kick(t->uthread);
}

void
signal_wake_all_locked(struct proc *p)
{
	struct thread *t;

	for (t = p->threads; t != NULL; t = t->next_thread)
		signal_wake_locked(p, t);
	atomic_fetch_add(&p->sig_seq, 1);
	fw_waitq_wake_all(&p->stop_wq);
}

/* Drops mask from every queue of p. */
static void
signal_drop_all_locked(struct proc *p, uint64_t mask) FW_REQUIRES(&p->lock)
{
	struct thread *t;

	p->nqueued -= sigq_drop(&p->shared_pending, mask);
	for (t = p->threads; t != NULL; t = t->next_thread)
		p->nqueued -= sigq_drop(&t->pending, mask);
}

void
signal_discard_locked(struct proc *p, int sig)
{
	signal_drop_all_locked(p, LINUX_SIGBIT(sig));
}

/*
 * What a new sig does before it is queued (kernel/signal.c
 * prepare_signal): a stop signal cancels a pending SIGCONT; SIGCONT cancels
 * pending stops and ends a stop; if the stop was complete, the first
 * thread to wake tells the parent (signal_work), as no lock may be held
 * here that the parent's would nest in.
 */
static void
signal_prepare_locked(struct proc *p, int sig) FW_REQUIRES(&p->lock)
{
	if (sig_default_stops(sig)) {
		signal_drop_all_locked(p, LINUX_SIGBIT(LINUX_SIGCONT));
	} else if (sig == LINUX_SIGCONT) {
		signal_drop_all_locked(p, SIG_STOP_SET);
		if (p->stop_signal != 0) {
			if (p->stopped) {
				p->report = 0xffff;
				p->cont_notify = true;
			}
			p->stop_signal = 0;
			p->stopped = false;
			atomic_fetch_add(&p->sig_seq, 1);
			fw_waitq_wake_all(&p->stop_wq);
		}
	}
}

/*
 * Whether sig would be thrown away on delivery, so it need not be queued
 * (kernel/signal.c sig_ignored): ignored, or ignored by default, and not
 * blocked by the thread that would take it (a handler may be installed
 * before it is unblocked).
 */
static bool
signal_ignored_locked(struct proc *p, struct thread *t, int sig)
	FW_REQUIRES(&p->lock)
{
	uint64_t handler = sigaction_get_locked(p, sig).handler;

	if (t != NULL && (t->sigmask & LINUX_SIGBIT(sig)))
		return false;
	return handler == LINUX_SIG_IGN ||
	    (handler == LINUX_SIG_DFL && sig_default_ignores(sig));
}

/* The thread that takes a process-directed sig: one not blocking it. */
static struct thread *
signal_pick_locked(struct proc *p, int sig) FW_REQUIRES(&p->lock)
{
	struct thread *t;

	for (t = p->threads; t != NULL; t = t->next_thread)
		if (!(t->sigmask & LINUX_SIGBIT(sig)))
			return t;
	return NULL;
}

/*
 * Generates sig for p, or for p's thread tid when tid is not 0 (-ESRCH
 * when p has no such thread).
 */
static int
signal_send(struct proc *p, int tid, int sig, const struct linux_siginfo *info)
{
	struct thread *t = NULL, *to;
	int err = 0;

	fw_mutex_lock(&p->lock);
	if (tid != 0) {
		for (t = p->threads; t != NULL; t = t->next_thread)
			if (t->tid == tid)
				break;
		if (t == NULL) {
			fw_mutex_unlock(&p->lock);
			return -ESRCH;
		}
	}
	if (sig == 0 || p->exiting || p->threads == NULL) {
		fw_mutex_unlock(&p->lock);
		return 0;
	}
	signal_prepare_locked(p, sig);
	if (sig == LINUX_SIGKILL) {
		/* Nothing can catch or block it: the process ends now. */
		p->exiting = true;
		p->exit_code = LINUX_SIGKILL;
		signal_wake_all_locked(p);
	} else if (!signal_ignored_locked(p, t != NULL ? t : p->threads,
	    sig)) {
		err = sigq_add_locked(p, t != NULL ? &t->pending :
		    &p->shared_pending, sig, info);
		if (err == 0)
			signal_poll_wake(p);
		to = t != NULL ? t : signal_pick_locked(p, sig);
		if (err == 0 && to != NULL && !(to->sigmask & LINUX_SIGBIT(sig)))
			signal_wake_locked(p, to);
		if (sig_default_stops(sig))
			signal_wake_all_locked(p);
	}
	fw_mutex_unlock(&p->lock);
	return err;
}

/* The pending entry of POSIX timer id in q, or NULL. */
static struct sigqueue *
sigq_find_timer(struct sigpending *q, int id)
{
	struct sigqueue *e;

	for (e = q->head; e != NULL; e = e->next)
		if (e->info.code == LINUX_SI_TIMER && e->info.u.proc.pid == id)
			return e;
	return NULL;
}

int
signal_send_timer(struct proc *p, int tid, int sig,
    const struct linux_siginfo *info)
{
	struct sigqueue *e = NULL;
	struct thread *t;

	fw_mutex_lock(&p->lock);
	if (tid == 0) {
		e = sigq_find_timer(&p->shared_pending, info->u.proc.pid);
	} else {
		for (t = p->threads; t != NULL; t = t->next_thread)
			if (t->tid == tid)
				e = sigq_find_timer(&t->pending,
				    info->u.proc.pid);
	}
	if (e != NULL)
		e->info.u.proc.uid++;		/* si_overrun */
	fw_mutex_unlock(&p->lock);
	if (e != NULL)
		return 1;
	return signal_send(p, tid, sig, info);
}

/* Drops q's pending signals of POSIX timer id; returns how many. */
static unsigned int
sigq_drop_timer(struct sigpending *q, int id)
{
	struct sigqueue **link, *e;
	unsigned int n = 0;

	for (link = &q->head; (e = *link) != NULL;) {
		if (e->info.code == LINUX_SI_TIMER && e->info.u.proc.pid == id) {
			*link = e->next;
			sigq_update_bit(q, e->info.signo);
			fw_free(e);
			n++;
		} else {
			link = &e->next;
		}
	}
	return n;
}

void
signal_discard_timer(struct proc *p, int id)
{
	struct thread *t;

	fw_mutex_lock(&p->lock);
	p->nqueued -= sigq_drop_timer(&p->shared_pending, id);
	for (t = p->threads; t != NULL; t = t->next_thread)
		p->nqueued -= sigq_drop_timer(&t->pending, id);
	fw_mutex_unlock(&p->lock);
}

int
signal_send_proc(struct proc *p, int sig, const struct linux_siginfo *info)
{
	return signal_send(p, 0, sig, info);
}

void
signal_send_kernel(struct proc *p, int sig, const struct linux_siginfo *info)
{
	int err;

	FW_ASSERT(info->code >= 0);
	err = signal_send(p, 0, sig, info);
	FW_ASSERT(err == 0);		/* si_code >= 0 always queues */
}

int
signal_send_tid(struct proc *p, int tid, int sig,
    const struct linux_siginfo *info)
{
	return signal_send(p, tid, sig, info);
}

void
signal_kick_all(struct proc *p)
{
	struct thread *t;

	fw_mutex_lock(&p->lock);
	for (t = p->threads; t != NULL; t = t->next_thread)
		if (t->uthread != NULL)
			fw_uthread_kick(t->uthread);
	fw_mutex_unlock(&p->lock);
}

void
signal_sigpipe(struct thread *t)
{
	struct linux_siginfo info;

	memset(&info, 0, sizeof(info));
	info.code = LINUX_SI_USER;
	info.u.proc.pid = t->proc->pid;
	fw_mutex_lock(&t->proc->lock);
	info.u.proc.uid = t->proc->cred.uid;
	fw_mutex_unlock(&t->proc->lock);
	if (signal_send_tid(t->proc, t->tid, LINUX_SIGPIPE, &info) < 0)
		return;			/* a standard signal always queues */
}

void
signal_force(struct thread *t, int sig, int code, uint64_t addr)
{
	struct proc *p = t->proc;
	struct linux_siginfo info;
	bool blocked;

	memset(&info, 0, sizeof(info));
	info.code = code;
	info.u.addr = addr;
	fw_mutex_lock(&p->lock);
	blocked = (t->sigmask & LINUX_SIGBIT(sig)) != 0;
	if (blocked || sigaction_get_locked(p, sig).handler == LINUX_SIG_IGN)
		sigaction_reset_locked(p, sig);
	t->sigmask &= ~LINUX_SIGBIT(sig);
	/* A second fault before delivery replaces nothing: merged. */
	if (sigq_add_locked(p, &t->pending, sig, &info) < 0)
		t->pending.set |= LINUX_SIGBIT(sig);
	signal_poll_wake(p);
	fw_mutex_unlock(&p->lock);
}
