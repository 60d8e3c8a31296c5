/*
 * svc/proc.h: processes and threads as the syscall layer sees them.
 * A thread is one kernel task running one user thread; a process owns the
 * address space, the descriptor table and the file-system context.
 *
 * Locks used to protect fields in this file:
 *	I	immutable after creation
 *	t	only the thread's own task touches it
 *	p	proc->lock
 *	T	proc_tree_lock (services/proc/tree.c): who is whose child
 *	a	atomic (__atomic builtins)
 * Lock order: proc_tree_lock, proc->lock, fdtable->lock, mm->lock, the COW
 * lock (services/mm/cow.c), then the vm's internal lock.  The locks of a
 * process's fs_struct and sighand come after its proc->lock and are
 * leaves.  A task never
 * holds the locks of two processes at once, except proc_tree_lock with
 * one proc->lock.
 */
#ifndef SVC_PROC_H
#define SVC_PROC_H

#include <fw/types.h>
#include <stdatomic.h>
#include <fw/mutex.h>
#include <fw/user.h>
#include <fw/waitq.h>
#include <uapi/resource.h>
#include <uapi/signal.h>
#include <svc/signal.h>
#include <svc/vfs.h>

struct fw_vm;
struct fw_uthread;
struct fw_task;
struct mm;
struct fdtable;
struct vnode;
struct vfork_done;
struct pidfd_handle;

struct cred {
	uint32_t	uid, euid, suid, fsuid;
	uint32_t	gid, egid, sgid, fsgid;
};

#define PROC_NRLIMIT	16
#define PROC_COMM_LEN	16

/* A supplementary group list (sys_cred.c): immutable once made. */
struct proc_groups {
	atomic_uint	nref;
	uint32_t	n;
	uint32_t	gid[];
};

/*
 * The file-system context (proc/fs_struct.c): root, working directory and
 * umask, one per process or shared by the processes a clone(CLONE_FS)
 * joined.  Counted; at zero the directories are dropped.  Its lock is a
 * leaf; p->fs itself is [p] and NULL once p's last thread has gone.
 */
struct fs_struct {
	atomic_uint		 nref;
	struct fw_mutex		 lock;
	struct vpath		 root, cwd;		/* [lock] held */
	uint32_t		 umask;			/* [lock] */
};

/* A context with held copies of root and cwd (*out), or -ENOMEM. */
FW_MUST_CHECK int	 fs_struct_new(const struct vpath *root,
			    const struct vpath *cwd, uint32_t umask,
			    struct fs_struct **out);
/* A private copy of fs (fork(2) without CLONE_FS, unshare(2)). */
FW_MUST_CHECK int	 fs_struct_copy(struct fs_struct *fs,
			    struct fs_struct **out);
struct fs_struct	*fs_struct_ref(struct fs_struct *fs);
void			 fs_struct_unref(struct fs_struct *fs);	/* NULL ok */
/*
 * The context p's calling thread uses (its own, else p's), counted; from
 * another process p's, or NULL when p's threads are gone.  Takes p->lock.
 */
struct fs_struct	*proc_fs(struct proc *p);
/* Held copies of fs's root and cwd (either may be NULL), and its umask. */
void			 fs_struct_get(struct fs_struct *fs, struct vpath *root,
			    struct vpath *cwd, uint32_t *umask);
/* Makes *v (consumed) fs's root or cwd, dropping the old one. */
void			 fs_struct_set_root(struct fs_struct *fs,
			    struct vpath *v);
void			 fs_struct_set_cwd(struct fs_struct *fs,
			    struct vpath *v);
/* Sets the umask; returns the old one. */
uint32_t		 fs_struct_set_umask(struct fs_struct *fs,
			    uint32_t umask);
/*
 * unshare(CLONE_FS): the calling thread of p gets a context of its own if
 * it shares one with another thread or process.  0 or -ENOMEM.
 */
FW_MUST_CHECK int	 fs_struct_unshare(struct proc *p);

struct proc {
	struct fw_mutex		 lock;
	int			 pid;			/* [I] */
	int			 ppid;			/* [p] */
	int			 pgid, sid;		/* [p] */
	int			 exit_code;		/* [p] wait status, fixed
							   once zombie */
	struct cred		 cred;			/* [p] */
	bool			 exiting;		/* [p] */
	atomic_bool		 dead;			/* [a] resources gone */
	bool			 zombie;		/* [T] */
	bool			 did_exec;		/* [p] execve since fork */
	struct fw_vm		*vm;			/* [p] */
	struct mm		*mm;			/* [p] */
	struct fdtable		*fds;			/* [p] */
	struct fs_struct	*fs;			/* [p] counted */
	struct linux_rlimit64	 rlim[PROC_NRLIMIT];	/* [p] */
	char			 comm[PROC_COMM_LEN];	/* [p] */
	struct file		*exe;			/* [p] counted: the program
							   (/proc/<pid>/exe) */
	bool			 exe_denied;		/* [p] exe's writes denied by
							   this process (ETXTBSY) */
	uint64_t		 start_time;		/* [I] monotonic ns */
	struct fw_waitq		 exit_wq;		/* wakes on dead */
	/*
	 * The process tree: a zombie is dead and waits for its parent;
	 * child_events counts children becoming zombies, child_wq wakes on it.
	 */
	struct proc		*parent;		/* [T] NULL: pid 1 */
	struct proc		*children;		/* [T] */
	struct proc		*sibling;		/* [T] */
	struct fw_waitq		 child_wq;
	atomic_uint		 child_events;		/* [a] */
	int			 nthreads;		/* [p] */
	struct thread		*threads;		/* [p] by next_thread */
	/*
	 * Signals (proc/signal*.c, svc/signal.h).  A group stop is under way
	 * while stop_signal is set; it is complete once every thread is parked
	 * (nstopped == nthreads).  report holds what wait(2) with WUNTRACED or
	 * WCONTINUED has still to see: a stop status ((sig << 8) | 0x7f), or
	 * 0xffff for a continue, or 0.  sig_seq changes whenever a parked
	 * thread may have to move (the stop ends, the process exits).
	 */
	struct sighand		*sighand;		/* [p] counted */
	struct sigpending	 shared_pending;	/* [p] */
	int			 exit_signal;		/* [p] to the parent at exit */
	int			 stop_signal;		/* [p] */
	int			 nstopped;		/* [p] */
	int			 report;		/* [p] */
	unsigned int		 nqueued;		/* [p] queued siginfos */
	atomic_uint		 sig_seq;		/* [a] */
	bool			 stopped;		/* [p] the stop is complete */
	bool			 cont_notify;		/* [p] parent to hear of SIGCONT */
	atomic_bool		 cpu_watch;		/* [a] see below */
	/*
	 * CPU time in ns: of the threads that ended, and of the children
	 * reaped (with what they had reaped); live threads keep their own.
	 */
	uint64_t		 utime, stime;		/* [p] */
	uint64_t		 cutime, cstime;	/* [p] */
	/*
	 * Page faults, counted the same way; the resident set's high-water
	 * mark in pages of the address spaces it left (execve, exit), and the
	 * largest of its reaped children's.
	 */
	uint64_t		 minflt, cminflt;	/* [p] */
	uint64_t		 maxrss, cmaxrss;	/* [p] */
	/* Context switches of its ended threads, and of reaped children's. */
	uint64_t		 nvcsw, nivcsw;		/* [p] */
	uint64_t		 cnvcsw, cnivcsw;	/* [p] */
	/*
	 * Limits on CPU time (proc/cputime.c): ITIMER_VIRTUAL's and
	 * ITIMER_PROF's expiry (process CPU time, 0: disarmed) and interval,
	 * and the CPU time of the next SIGXCPU under RLIMIT_CPU.  While any is
	 * set, cpu_watch makes threads check, and a timer kicks them.
	 */
	uint64_t		 itimer_cpu[2][2];	/* [p] */
	uint64_t		 xcpu_next;		/* [p] */
	struct fw_waitq		 stop_wq;		/* wakes on sig_seq */
	/*
	 * Credentials beyond cred, and prctl(2) state (sys_cred.c,
	 * sys_prctl.c, sys_pgrp.c).  pdeath_signal is sent when the parent
	 * dies and the process is reparented (tree.c).
	 */
	struct proc_groups	*groups;		/* [p] counted, or NULL */
	/* A vfork(2) parent waiting for this child's execve or exit. */
	struct vfork_done	*vfork;			/* [p] */
	bool			 dumpable;		/* [p] PR_SET_DUMPABLE */
	bool			 no_new_privs;		/* [p] never cleared */
	int			 pdeath_signal;		/* [p] */
	atomic_bool		 child_subreaper;	/* [a] */
	/*
	 * What its pidfds name, and those of its leader thread (PIDFD_THREAD)
	 * (svc/pidfd.h); under proc_table_lock.
	 */
	struct pidfd_handle	*pidfd;
	struct pidfd_handle	*tpidfd;
};

struct thread {
	struct proc		*proc;			/* [I] */
	struct fw_task		*task;			/* [p] set by the task */
	struct fw_uthread	*uthread;		/* [t] */
	struct fw_user_ctx	 ctx;			/* [t] */
	struct thread		*next_thread;		/* [p] */
	/* CPU time in ns, user and system (thread.c); read by others. */
	_Atomic uint64_t	 utime, stime;		/* [a] */
	_Atomic uint64_t	 minflt;		/* [a] page faults */
	uint64_t		 sigmask;		/* [p] written by t only */
	struct sigpending	 pending;		/* [p] this thread's own */
	/*
	 * Signal delivery's view of the call being made: its number while a
	 * restart is possible (else -1), the mask sigsuspend(2) replaced
	 * (restore_mask, below), what restart_syscall(2) resumes (an
	 * interrupted nanosleep(2) or poll(2): restart_fn and its
	 * arguments), and the last fault, for the sigcontext.
	 */
	int64_t			 sys_nr;		/* [t] */
	uint64_t		 saved_mask;		/* [t] */
	long			(*restart_fn)(struct thread *t); /* [t] */
	uint64_t		 restart_deadline;	/* [t] monotonic ns */
	uint64_t		 restart_urem;		/* [t] */
	uint64_t		 restart_arg;		/* [t] */
	uint64_t		 fault_trap, fault_err, fault_addr; /* [t] */
	uint64_t		 clear_child_tid;	/* [t] */
	uint64_t		 robust_list, robust_len; /* [t] */
	uint64_t		 altstack_sp, altstack_size; /* [t] */
	/*
	 * A descriptor table or fs context of this thread's own (clone(2)
	 * of CLONE_THREAD without CLONE_FILES or CLONE_FS, unshare(2) in a
	 * threaded process), counted, or NULL: the process's.  Only t's
	 * own task sets them; proc_fdtable and proc_fs find them.
	 */
	struct fdtable		*fds;			/* [t] */
	struct fs_struct	*fs;			/* [t] */
	/*
	 * sched_setaffinity(2)'s mask (bit i: CPU i; 0: every CPU), which
	 * t's own task applies to itself on its way to user mode when
	 * cpus_changed (thread_apply_cpus).
	 */
	uint64_t		 cpus;			/* [p] */
	/* Its pidfds (PIDFD_THREAD) if not the leader; proc_table_lock. */
	struct pidfd_handle	*pidfd;
	/* The small fields, together so the struct has no holes. */
	int			 tid;			/* [I] */
	int			 exit_code;		/* [p] wait status */
	int			 altstack_flags;	/* [t] */
	/* Set when this thread alone ends (exit(2), or another's execve). */
	bool			 exiting;		/* [p] */
	bool			 restore_mask;		/* [t] */
	atomic_bool		 cpus_changed;		/* [a] */
	bool			 pidfd_ended;		/* proc_table_lock */
};

/* The thread the current task runs, or NULL in a kernel task. */
struct thread		*thread_current(void);
/*
 * The descriptor table p's calling thread uses (its own, else p's), not
 * counted: only the caller's own syscall may use it.  From another
 * process, p's.
 */
struct fdtable		*proc_fdtable(struct proc *p);
/*
 * Makes t's own table and fs context (if any) its process's: t is the
 * only thread left (execve(2), unshare(2) once alone).
 */
void			 thread_settle_own(struct thread *t);
/*
 * Whether the calling thread t (NULL: a kernel task) is the only one of
 * p, so p's own table and context are its alone.  Takes p->lock.
 */
bool			 thread_alone(struct thread *t, struct proc *p);

/* A copy of sig's action in p's table (svc/signal.h, struct sighand). */
struct linux_sigaction_k sigaction_get_locked(struct proc *p, int sig)
			    FW_REQUIRES(&p->lock);
/* Sets sig's action in p's table; *old (if not NULL) gets the previous. */
void			 sigaction_set_locked(struct proc *p, int sig,
			    const struct linux_sigaction_k *act,
			    struct linux_sigaction_k *old)
			    FW_REQUIRES(&p->lock);
/* Makes sig's handler SIG_DFL, flags kept (SA_RESETHAND, a forced fault). */
void			 sigaction_reset_locked(struct proc *p, int sig)
			    FW_REQUIRES(&p->lock);

/*
 * Creates process pid (the next free pid when pid is 0) with no address
 * space, files or threads, root credentials and Linux's default limits;
 * *out gets it.  -ENOMEM, -EAGAIN when pids run out.
 */
FW_MUST_CHECK int	 proc_new(int pid, int ppid, struct proc **out);
/*
 * Frees a process whose threads have all exited and that is no one's
 * child (reaped, or never linked by proc_link_child).
 */
void			 proc_free(struct proc *p);
/*
 * The process table: every process from proc_new to proc_free, zombies
 * included.  A process found with proc_table_lock held stays allocated
 * until it is released; its fields still need their own locks.  Lock
 * order: proc_tree_lock, proc_table_lock, proc->lock.
 */
extern struct fw_mutex	 proc_table_lock;
/* The process with that pid, or NULL. */
struct proc		*proc_find_locked(int pid)
			    FW_REQUIRES(&proc_table_lock);
/* The first process (by pid) for which match is true, or NULL. */
struct proc		*proc_search_locked(bool (*match)(struct proc *p,
			    void *arg), void *arg)
			    FW_REQUIRES(&proc_table_lock);
/* Supplementary groups: +1 and -1 (NULL ok, and frees at zero). */
struct proc_groups	*proc_groups_ref(struct proc_groups *g);
void			 proc_groups_unref(struct proc_groups *g);
/*
 * Whether process group pgid is orphaned (no member's parent is in
 * another group of the same session): stop signals from the terminal
 * (SIGTSTP, SIGTTIN, SIGTTOU) are then discarded.  Takes proc_tree_lock.
 */
bool			 proc_pgrp_orphaned(int pgid);
/* Makes p the process orphans are given to (pid 1), once at boot. */
void			 proc_set_init(struct proc *p);
/*
 * Makes child (new, not yet running) a child of p, or with sibling
 * (CLONE_PARENT) a child of p's parent that ends with p's exit signal, as
 * kernel/fork.c has it.  -EINVAL for a sibling of pid 1.
 */
FW_MUST_CHECK int	 proc_link_child(struct proc *p, struct proc *child,
			    bool sibling);
/* Undoes proc_link_child for a child that never ran. */
void			 proc_unlink_child(struct proc *child);
/*
 * Called by p's last thread once p's resources are gone: p becomes a
 * zombie, its children go to its nearest living ancestor that is a child
 * subreaper (PR_SET_CHILD_SUBREAPER), else to pid 1, and its parent is
 * woken.  p may be
 * freed by its parent as soon as this returns.
 */
void			 proc_make_zombie(struct proc *p);
/* Which children a wait selects: WAIT_ANY, WAIT_PID id, WAIT_PGID id. */
enum proc_wait_kind { WAIT_ANY, WAIT_PID, WAIT_PGID };
struct proc_wait_result {
	int		pid;
	int		status;		/* wait status */
	uint32_t	uid;
	uint64_t	utime, stime;	/* ns, with its reaped children's */
	uint64_t	minflt, maxrss;	/* faults and peak pages, the same */
	uint64_t	nvcsw, nivcsw;	/* context switches, the same */
};
/*
 * p's CPU time in ns: its threads', live and ended (self), or its reaped
 * children's (children).  Takes p->lock.
 */
void			 proc_cputime(struct proc *p, bool children,
			    uint64_t *utime, uint64_t *stime);
/*
 * Checks p's CPU time against RLIMIT_CPU and the CPU itimers and sends
 * what is due (SIGXCPU, SIGKILL at the hard limit, SIGVTALRM, SIGPROF).
 * Called by p's threads on their way back to user mode while cpu_watch.
 */
void			 proc_cpu_check(struct proc *p);
/*
 * Recomputes p->cpu_watch after a change of RLIMIT_CPU or a CPU itimer
 * (fork, setrlimit, setitimer), and arms or disarms the kick that brings
 * threads computing in user mode back to check.  Takes p->lock.
 */
void			 proc_cpu_watch(struct proc *p);
/* What a CPU-time clock counts (Linux's CPUCLOCK_PROF, _VIRT, _SCHED). */
#define CPUCLOCK_PROF	0		/* user and system time */
#define CPUCLOCK_VIRT	1		/* user time */
#define CPUCLOCK_SCHED	2		/* run time: user and system here */
/*
 * The CPU time (ns) p has used, or its thread tid when not 0, counted as
 * which says: 0, or -ESRCH when p has no thread tid.  Takes p->lock.
 */
FW_MUST_CHECK int	 proc_cpu_clock(struct proc *p, int tid, int which,
			    uint64_t *ns);
/*
 * p's page faults and the high-water mark of its resident set in pages:
 * its threads' and address spaces', live and past (self), or its reaped
 * children's (children).  Takes p->lock.
 */
void			 proc_memusage(struct proc *p, bool children,
			    uint64_t *minflt, uint64_t *maxrss);
/* Folds the high-water mark of p's address space into p->maxrss. */
void			 proc_note_maxrss(struct proc *p)
			    FW_REQUIRES(&p->lock);
struct linux_rusage;
/*
 * A struct rusage with those times (ns), minor faults and peak resident
 * pages; Trellis has no major faults, swaps or block I/O to count, and
 * does not count context switches.
 */
void			 rusage_fill(uint64_t utime, uint64_t stime,
			    uint64_t minflt, uint64_t maxrss,
			    struct linux_rusage *ru);
/*
 * Waits for a zombie child of p selected by kind and id and, unless
 * LINUX_WNOWAIT is in options, reaps it.  Returns its pid with *res set,
 * 0 with LINUX_WNOHANG when no selected child is a zombie yet, -ECHILD
 * when p has no selected child, -ERESTARTSYS when interrupted.
 */
FW_MUST_CHECK int	 proc_wait_child(struct proc *p,
			    enum proc_wait_kind kind, int id, int options,
			    struct proc_wait_result *res);
/* Creates p's main thread (tid = pid) without a task; *out gets it. */
FW_MUST_CHECK int	 thread_new(struct proc *p, struct thread **out);
/*
 * Creates another thread of p with a tid of its own (clone(2) with
 * CLONE_THREAD), without a task; *out gets it.  -ENOMEM, -EAGAIN when
 * tids run out, -EINTR when p is exiting.
 */
FW_MUST_CHECK int	 thread_new_tid(struct proc *p, struct thread **out);
/*
 * Takes t off p's thread list and frees it and its tid; t's task and
 * uthread are gone already.  Returns whether it was p's last thread.
 */
bool			 thread_free(struct thread *t);
/*
 * execve(2)'s de_thread(): ends every other thread of t's process and
 * waits until they are gone; t takes the process's pid as its tid.
 * -EINTR when the process is exiting (or another thread execs first).
 */
FW_MUST_CHECK int	 thread_group_leave(struct thread *t);
/* Runs t's user thread in a new task (after proc_exec); -ENOMEM. */
FW_MUST_CHECK int	 thread_start(struct thread *t);
/* Sleeps until p has exited and released its resources; its wait status. */
int			 proc_wait_dead(struct proc *p);
/*
 * Ends p with a wait status (exit: code << 8; killed: signo, and 0x80
 * would say a core was dumped, which Trellis never does).  The first call
 * wins; the threads notice on their way back to user mode.
 */
void			 proc_exit(struct proc *p, int wstatus);
const char		*sig_name(int signo);
const char		*sig_code_name(int signo, int code);

/*
 * Replaces t's program with the ELF file at path, or runs a #! script's
 * interpreter (execve(2) without the user-memory copies): argv and envp
 * are kernel strings, path is AT_EXECFN.  On error t's process is
 * unchanged: -ENOENT, -EACCES, -ENOEXEC, -ELOOP, -EINVAL, -E2BIG,
 * -ENOMEM, -EIO, ...
 */
FW_MUST_CHECK int	 proc_exec(struct thread *t, const char *path,
			    const char *const *argv, size_t argc,
			    const char *const *envp, size_t envc);
/*
 * execveat(2)'s form: the program is file from dirfd with flags
 * (AT_EMPTY_PATH: dirfd itself; AT_SYMLINK_NOFOLLOW: ELOOP for a link),
 * path the name it runs under (AT_EXECFN, comm, a script's argument).
 */
FW_MUST_CHECK int	 proc_execat(struct thread *t, int dirfd,
			    const char *file, int flags, const char *path,
			    const char *const *argv, size_t argc,
			    const char *const *envp, size_t envc);
/* What clone(2) or clone3(2) asked for (kernel_clone_args). */
struct clone_req {
	uint64_t	flags;		/* CLONE_* and the exit signal */
	uint64_t	newsp;		/* 0: the parent's stack */
	uint64_t	parent_tid, child_tid, tls;
	uint64_t	pidfd;		/* where CLONE_PIDFD stores the fd */
};
/*
 * fork(2) for t (clone(2) with flags that copy everything): creates the
 * child process with a copy-on-write copy of t's memory and starts its
 * thread; with CLONE_PIDFD a pidfd of it goes into t's table and to
 * r->pidfd.  Returns the child's pid, or -ENOMEM, -EAGAIN, -EMFILE,
 * -EFAULT.
 */
FW_MUST_CHECK int	 proc_fork(struct thread *t, const struct clone_req *r);
/*
 * clone(2) with CLONE_THREAD: a new thread of t's process sharing its
 * memory, files and signal actions, starting from t's registers with
 * rax = 0, the stack newsp and (CLONE_SETTLS) the fs base tls.  Returns
 * its tid, or -ENOMEM, -EAGAIN, -EINTR (the process is exiting).
 */
/*
 * New namespaces (CLONE_NEW* flags, 0 for none), for clone and unshare:
 * Trellis has one of each, so EPERM without privilege or EINVAL, as a
 * Linux without namespaces answers; 0 when flags is 0.
 */
FW_MUST_CHECK long	 proc_namespaces(struct proc *p, uint64_t flags);
FW_MUST_CHECK int	 proc_clone_thread(struct thread *t,
			    const struct clone_req *r);
/*
 * A vfork child's execve or exit: its parent, waiting in vfork(2), goes
 * on.  Called by p's own thread; nothing happens when no one waits.
 */
void			 proc_vfork_release(struct proc *p);
/*
 * What a clone of t starts with (copy_thread): a uthread in vm, t's FP
 * state, t's registers with rax = 0, the stack newsp (0: t's), the fs base
 * tls with CLONE_SETTLS, and CLONE_CHILD_CLEARTID's word.  ct is new and
 * not running; on error the caller frees ct->uthread (maybe NULL).
 */
FW_MUST_CHECK int	 thread_clone_from(struct thread *t,
			    struct thread *ct, struct fw_vm *vm,
			    uint64_t flags, uint64_t newsp,
			    uint64_t child_tid, uint64_t tls);
/* CLONE_*_SETTID: stores tid at addr in vm; a fault is ignored. */
void			 thread_put_tid(struct fw_vm *vm, uint64_t addr,
			    int tid);
/* Gives ct a copy of t's FP and vector registers; -ENOMEM, -EAGAIN. */
FW_MUST_CHECK int	 thread_copy_fpstate(struct thread *t,
			    struct thread *ct);

#endif
