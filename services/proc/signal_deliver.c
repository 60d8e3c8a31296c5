/*
 * proc/signal_deliver.c: the delivery point (kernel/signal.c get_signal,
 * arch/x86/kernel/signal.c arch_do_signal_or_restart).  Each thread passes
 * it before every return to user mode: it parks the thread while its
 * process is stopped, takes each pending signal its mask lets through
 * (synchronous ones first, then the lowest number; its own queue before the
 * process's), and acts on it:
 *
 *	ignored			nothing
 *	default: ignore		nothing (SIGCHLD, SIGCONT, SIGURG, SIGWINCH)
 *	default: stop		a group stop: every thread parks, the parent hears
 *	default: terminate	the process exits with the signal (and the core
 *				flag where signal(7) says "Core")
 *	a handler		a signal frame, then more signals may stack theirs
 *
 * A system call the signal interrupted is settled here too: it restarts
 * when no handler runs (restart_syscall(2) for ERESTART_RESTARTBLOCK), and
 * with a handler it fails with EINTR unless it was ERESTARTSYS and the
 * handler has SA_RESTART, or ERESTARTNOINTR.
 *
 * Interface: signal_work (svc/signal.h), signal_dequeue_locked
 * (proc/signal_impl.h).  Locks: proc->lock around every
 * look at the queues, the masks and the stop state; none while a frame is
 * written (that touches user memory).
 */
#include <fw/errno.h>
#include <fw/log.h>
#include <fw/task.h>
#include <fw/waitq.h>
#include <svc/proc.h>
#include <svc/signal.h>
#include <svc/syscall.h>
#include <uapi/unistd_64.h>
#include "signal_impl.h"

/* Signals a fault raises: taken before any other (kernel/signal.c). */
#define SIG_SYNC_SET	(LINUX_SIGBIT(LINUX_SIGSEGV) | \
	LINUX_SIGBIT(LINUX_SIGBUS) | LINUX_SIGBIT(LINUX_SIGILL) | \
	LINUX_SIGBIT(LINUX_SIGTRAP) | LINUX_SIGBIT(LINUX_SIGFPE) | \
	LINUX_SIGBIT(LINUX_SIGSYS))
#define SYSCALL_INSN_LEN	2		/* 0f 05 */

/* The signal of set to take first, or 0. */
static int
signal_next(uint64_t set)
{
	uint64_t sync = set & SIG_SYNC_SET;

	if (sync != 0)
		return __builtin_ctzll(sync) + 1;
	return set != 0 ? __builtin_ctzll(set) + 1 : 0;
}

int
signal_dequeue_locked(struct proc *p, struct thread *t, uint64_t allowed,
    struct linux_siginfo *info)
{
	int sig;

	if ((sig = signal_next(t->pending.set & allowed)) != 0)
		return signal_queue_take_locked(p, &t->pending, sig, info);
	if ((sig = signal_next(p->shared_pending.set & allowed)) != 0)
		return signal_queue_take_locked(p, &p->shared_pending, sig,
		    info);
	return 0;
}

/* strace's line for a delivered signal. */
static void
signal_trace(const struct linux_siginfo *info)
{
	int sig = info->signo;

	if (!strace_on())
		return;
	if ((LINUX_SIGBIT(sig) & SIG_SYNC_SET) && info->code > 0)
		fw_trace("--- %s {si_signo=%s, si_code=%s, si_addr=0x%llx} ---",
		    sig_name(sig), sig_name(sig),
		    sig_code_name(sig, info->code),
		    (unsigned long long)info->u.addr);
	else
		fw_trace("--- %s {si_signo=%s, si_code=%s, si_pid=%d, "
		    "si_uid=%u} ---", sig_name(sig), sig_name(sig),
		    sig_code_name(sig, info->code), info->u.proc.pid,
		    info->u.proc.uid);
}

/* Whether the call t made may be restarted, and how (see the top). */
static void
signal_fix_syscall(struct thread *t, const struct linux_sigaction_k *ka)
{
	long ret = (long)t->ctx.rax;

	if (t->sys_nr < 0)
		return;
	if (ka == NULL || ret == -ERESTARTNOINTR ||
	    (ret == -ERESTARTSYS && (ka->flags & LINUX_SA_RESTART))) {
		if (ret == -ERESTARTSYS || ret == -ERESTARTNOINTR ||
		    ret == -ERESTARTNOHAND) {
			t->ctx.rax = (uint64_t)t->sys_nr;
			t->ctx.rip -= SYSCALL_INSN_LEN;
		} else if (ret == -ERESTART_RESTARTBLOCK) {
			t->ctx.rax = LINUX_NR_restart_syscall;
			t->ctx.rip -= SYSCALL_INSN_LEN;
		}
	} else if (ret == -ERESTARTSYS || ret == -ERESTARTNOHAND ||
	    ret == -ERESTART_RESTARTBLOCK) {
		t->ctx.rax = (uint64_t)-EINTR;
	}
	t->sys_nr = -1;
}

/* Runs ka's handler for sig: a frame, then the handler's mask. */
static void
signal_handle(struct thread *t, int sig, const struct linux_siginfo *info,
    const struct linux_sigaction_k *ka)
{
	struct proc *p = t->proc;
	uint64_t old = t->restore_mask ? t->saved_mask : t->sigmask, mask;

	signal_fix_syscall(t, ka);
	if (sigframe_setup(t, sig, info, ka, old) < 0) {
		fw_log(FW_LOG_DEBUG, "tid %d: no frame for signal %d (sp %llx)",
		    t->tid, sig, (unsigned long long)t->ctx.rsp);
		/* kernel/signal.c force_sigsegv: a SIGSEGV handler is dropped. */
		if (sig == LINUX_SIGSEGV) {
			fw_mutex_lock(&p->lock);
			sigaction_reset_locked(p, sig);
			fw_mutex_unlock(&p->lock);
		}
		signal_force(t, LINUX_SIGSEGV, LINUX_SI_KERNEL, 0);
		return;
	}
	t->restore_mask = false;
	mask = old | ka->mask;
	if (!(ka->flags & LINUX_SA_NODEFER))
		mask |= LINUX_SIGBIT(sig);
	fw_mutex_lock(&p->lock);
	t->sigmask = mask & ~SIG_UNBLOCKABLE;
	fw_mutex_unlock(&p->lock);
}

/* The wait condition of a parked thread: reads only an atomic. */
struct park_cond {
	struct proc	*p;
	unsigned int	 seen;
};

static bool
signal_unparked(void *arg)
{
	struct park_cond *k = arg;

	return atomic_load(&k->p->sig_seq) != k->seen;
}

/*
 * Parks the calling thread in p's group stop until SIGCONT or exit.  The last
 * thread to park completes the stop and tells the parent; the first to
 * leave a complete stop tells it of the continue.  Called with
 * p->lock held; returns without it.
 */
static void
signal_park(struct proc *p) FW_RELEASES(&p->lock)
{
	struct park_cond k = { p, 0 };
	int sig = p->stop_signal;
	bool complete;

	p->nstopped++;
	complete = !p->stopped && p->nstopped >= p->nthreads;
	if (complete) {
		p->stopped = true;
		p->report = (sig << 8) | 0x7f;
	}
	fw_mutex_unlock(&p->lock);
	if (complete)
		signal_notify_parent_stop(p, LINUX_CLD_STOPPED, sig);
	for (;;) {
		k.seen = atomic_load(&p->sig_seq);
		fw_mutex_lock(&p->lock);
		if (p->stop_signal == 0 || p->exiting) {
			p->nstopped--;
			complete = p->cont_notify;
			p->cont_notify = false;
			fw_mutex_unlock(&p->lock);
			if (complete)
				signal_notify_parent_stop(p,
				    LINUX_CLD_CONTINUED, LINUX_SIGCONT);
			return;
		}
		fw_mutex_unlock(&p->lock);
		while (fw_waitq_wait(&p->stop_wq, signal_unparked, &k,
		    FW_NO_DEADLINE, false) != 0)
			continue;
	}
}

/* Starts a group stop for sig: the other threads are made to park. */
static void
signal_begin_stop_locked(struct proc *p, struct thread *t, int sig)
	FW_REQUIRES(&p->lock)
{
	struct thread *o;

	p->stop_signal = sig;
	p->stopped = false;
	for (o = p->threads; o != NULL; o = o->next_thread)
		if (o != t)
			signal_wake_locked(p, o);
}

void
signal_work(struct thread *t)
{
	struct proc *p = t->proc;
	struct linux_sigaction_k ka;
	struct linux_siginfo info;
	bool handled = false;
	int sig;

	(void)fw_task_clear_interrupt();
	for (;;) {
		fw_mutex_lock(&p->lock);
		if (p->exiting || t->exiting) {
			fw_mutex_unlock(&p->lock);
			return;
		}
		if (p->stop_signal != 0) {
			signal_park(p);
			continue;
		}
		if ((sig = signal_dequeue_locked(p, t, ~t->sigmask, &info)) == 0) {
			fw_mutex_unlock(&p->lock);
			break;
		}
		ka = sigaction_get_locked(p, sig);
		if (ka.handler == LINUX_SIG_IGN ||
		    (ka.handler == LINUX_SIG_DFL && sig_default_ignores(sig))) {
			fw_mutex_unlock(&p->lock);
			continue;
		}
		if (ka.handler != LINUX_SIG_DFL) {
			if (ka.flags & LINUX_SA_RESETHAND)
				sigaction_reset_locked(p, sig);
			fw_mutex_unlock(&p->lock);
			signal_trace(&info);
			signal_handle(t, sig, &info, &ka);
			handled = true;
			continue;
		}
		if (sig_default_stops(sig) && sig != LINUX_SIGSTOP) {
			/* POSIX: an orphaned group ignores terminal stops. */
			int pgid = p->pgid;

			fw_mutex_unlock(&p->lock);
			if (proc_pgrp_orphaned(pgid))
				continue;
			fw_mutex_lock(&p->lock);
			if (p->exiting || t->exiting) {
				fw_mutex_unlock(&p->lock);
				return;
			}
		}
		if (sig_default_stops(sig)) {
			signal_begin_stop_locked(p, t, sig);
			fw_mutex_unlock(&p->lock);
			signal_trace(&info);
			continue;
		}
		fw_mutex_unlock(&p->lock);
		signal_trace(&info);
		/* No core file is written, so the status never says one was
		 * (Linux's 0x80, WCOREDUMP), as Linux's when RLIMIT_CORE or
		 * PR_SET_DUMPABLE stops the dump. */
		proc_exit(p, sig);
		return;
	}
	if (!handled)
		signal_fix_syscall(t, NULL);
	if (t->restore_mask) {
		fw_mutex_lock(&p->lock);
		t->sigmask = t->saved_mask;
		fw_mutex_unlock(&p->lock);
		t->restore_mask = false;
	}
}
