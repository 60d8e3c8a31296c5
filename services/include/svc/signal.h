/*
 * svc/signal.h: signals (services/proc/signal*.c): queues of pending
 * signals, sending to a process or a thread, the delivery point every
 * thread passes before it returns to user mode, and the x86-64 signal frame.
 *
 * A signal is generated into a queue (the thread's own, or its process's
 * shared one) under proc->lock; the thread chosen to take it is woken from
 * any interruptible sleep (its system call then returns a restart code)
 * and kicked out of user mode.  On its way back to user mode the thread
 * dequeues what its mask lets through and acts: ignore, stop, continue,
 * exit, or run a handler on a new frame.
 *
 * Locks: every pending set, every thread's sigmask and a process's stop
 * state are under that process's proc->lock (svc/proc.h, lock order there).
 * The functions below take the locks they need unless named *_locked.
 */
#ifndef SVC_SIGNAL_H
#define SVC_SIGNAL_H

#include <fw/types.h>
#include <fw/mutex.h>
#include <stdatomic.h>
#include <uapi/signal.h>

struct proc;
struct thread;
struct sigqueue;
struct pollhead;

/* A set of pending signals and the siginfo of each, in arrival order. */
struct sigpending {
	uint64_t	 set;		/* signals with an entry or a bare bit */
	struct sigqueue	*head;
};

/* Signals no mask or action can touch. */
#define SIG_UNBLOCKABLE	(LINUX_SIGBIT(LINUX_SIGKILL) | \
			 LINUX_SIGBIT(LINUX_SIGSTOP))

/*
 * The signal actions (proc/sighand.c): one table per process, or shared
 * by the processes a clone(CLONE_SIGHAND) joined.  Counted; freed at zero.
 * Its lock comes after every proc->lock and is held for nothing but a
 * copy in or out; p->sighand itself is [p] (svc/proc.h), set at fork and
 * replaced only by p's own last thread (execve(2)).
 */
struct sighand {
	atomic_uint		 nref;
	struct fw_mutex		 lock;
	struct linux_sigaction_k action[64];	/* [lock] */
};

/* A table of default actions (*out), or -ENOMEM. */
FW_MUST_CHECK int	sighand_new(struct sighand **out);
struct sighand		*sighand_ref(struct sighand *sh);
void			 sighand_unref(struct sighand *sh);	/* NULL ok */
/*
 * dst (one no other process shares yet: its lock nests in src's) takes
 * src's actions, flushed with flush.
 */
void			 sighand_copy(struct sighand *dst, struct sighand *src,
			    bool flush);
/*
 * Leaves the actions as execve(2) and clone3's CLONE_CLEAR_SIGHAND do:
 * handlers become SIG_DFL (SIG_IGN stays); flags, masks and restorers are
 * cleared.
 */
void			 sighand_flush(struct sighand *sh);
/*
 * Gives p a table of its own if it shares one (execve(2)): 0 or -ENOMEM.
 * Only p's own (last) thread calls it.
 */
FW_MUST_CHECK int	 sighand_unshare(struct proc *p);

/*
 * Generates sig (1..64) for process p (kill(2) after its permission
 * checks): queued on p's shared set and given to a thread that does not
 * block it; p must stay allocated meanwhile (the caller holds
 * proc_table_lock or proc_tree_lock).  0; -EAGAIN when a real-time signal
 * finds the queue full (RLIMIT_SIGPENDING).  A process that is exiting
 * takes nothing (0).
 */
FW_MUST_CHECK int	signal_send_proc(struct proc *p, int sig,
			    const struct linux_siginfo *info);
/*
 * The same for a signal the kernel generates (si_code >= 0), which always
 * gets through: over the queue limit it arrives without its siginfo.
 */
void			signal_send_kernel(struct proc *p, int sig,
			    const struct linux_siginfo *info);
/*
 * A POSIX timer's expiration (info: SI_TIMER, u.proc.pid the timer id) for
 * p, or p's thread tid when not 0: while one of that timer's signals is
 * still pending, it is not queued again, its si_overrun grows (1 is
 * returned).  Else as signal_send_proc/signal_send_tid (0, -errno).
 */
FW_MUST_CHECK int	signal_send_timer(struct proc *p, int tid, int sig,
			    const struct linux_siginfo *info);
/* Throws away the pending signals of p's POSIX timer id (it is deleted). */
void			signal_discard_timer(struct proc *p, int id);
/*
 * The same for p's thread tid alone (tgkill(2)): queued on its own set.
 * -ESRCH when p has no thread tid.
 */
FW_MUST_CHECK int	signal_send_tid(struct proc *p, int tid, int sig,
			    const struct linux_siginfo *info);
/* Brings p's threads out of user mode (no signal; a CPU-time check). */
void			signal_kick_all(struct proc *p);
/* SIGPIPE for the current thread t, whose write found no reader. */
void			signal_sigpipe(struct thread *t);
/*
 * A synchronous signal of the current thread t (a fault, or a bad frame):
 * if t blocks or ignores sig, the action becomes the default and sig is
 * unblocked, as Linux's force_sig() does, so it cannot be lost.
 */
void			signal_force(struct thread *t, int sig, int code,
			    uint64_t addr);
/*
 * The delivery point, run by t's own task each time before it enters user
 * mode: takes part in a group stop, acts on each deliverable signal, and
 * settles an interrupted system call (restart, or -EINTR when a handler
 * runs).  Returns with t ready to enter user mode, or with t's process
 * exiting.
 */
void			signal_work(struct thread *t);
/* Frees every entry of q, leaving it empty; returns how many there were. */
unsigned int		sigpending_flush(struct sigpending *q);
/*
 * Tells the parent of p that p stopped (CLD_STOPPED) or continued
 * (CLD_CONTINUED): SIGCHLD unless the parent set SA_NOCLDSTOP, and a wake-up
 * of its wait(2).  No locks held.
 */
void			signal_notify_parent_stop(struct proc *p, int code,
			    int sig);
/* The siginfo SIGCHLD carries when p ends with wait status ws. */
void			signal_chld_info(const struct proc *p, int ws,
			    struct linux_siginfo *info);

/*
 * For waits, signalfd(2) and the sigmask of ppoll(2), pselect6(2) and
 * epoll_pwait(2) (proc/signal_wait.c).  signal_pending: whether t must
 * leave an interruptible wait for the delivery point (a signal its mask
 * lets through, a stop, its own or its process's end).  signal_peek: the
 * signals of set pending for t, in its own queue or its process's.
 * signal_dequeue: takes the next signal of set (t's queue first, whatever
 * t's mask says, as a signalfd read does) into *info: its number, or 0.
 * All three take p->lock.
 */
bool			signal_pending(struct thread *t);
uint64_t		signal_peek(struct thread *t, uint64_t set);
int			signal_dequeue(struct thread *t, uint64_t set,
			    struct linux_siginfo *info);
/*
 * A temporary mask for the length of one call (set_user_sigmask): the old
 * one is saved; signal_mask_done() puts it back, unless the call was
 * interrupted, when the delivery point does so after running the handler.
 */
void			signal_mask_swap(struct thread *t, uint64_t mask);
void			signal_mask_done(struct thread *t, bool interrupted);
/*
 * The head notified whenever a signal is queued for p or one of its
 * threads (signalfd's readiness).  Heads are shared by processes whose
 * pids collide, and never freed, so an entry may outlive p.
 */
struct pollhead		*signal_pollhead(const struct proc *p);

/*
 * The signal frame (proc/sigframe.c).  sigframe_setup() pushes Linux's
 * x86-64 rt_sigframe for sig on t's stack (or its alternate stack), saving
 * the registers, the FP state and oldmask, and points t's registers at the
 * handler.  -EFAULT when the frame cannot be written: the caller forces
 * SIGSEGV.
 */
FW_MUST_CHECK int	sigframe_setup(struct thread *t, int sig,
			    const struct linux_siginfo *info,
			    const struct linux_sigaction_k *ka,
			    uint64_t oldmask);
/* Whether sp lies on t's alternate signal stack. */
bool			sigframe_on_altstack(const struct thread *t,
			    uint64_t sp);

#endif
