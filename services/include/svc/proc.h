/*
 * svc/proc.h: processes and threads as the syscall layer sees them.
 * A thread is one kernel task running one user thread; a process owns the
 * address space, the descriptor table and the file-system context.
 *
 * Locks used to protect fields in this file:
 *	I	immutable after creation
 *	t	only the thread's own task touches it
 *	p	proc->lock
 *	a	atomic (__atomic builtins)
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

struct fw_vm;
struct fw_uthread;
struct fw_task;
struct mm;
struct fdtable;
struct vnode;

struct cred {
	uint32_t	uid, euid, suid, fsuid;
	uint32_t	gid, egid, sgid, fsgid;
};

#define PROC_NRLIMIT	16
#define PROC_COMM_LEN	16

struct proc {
	struct fw_mutex		 lock;
	int			 pid;			/* [I] */
	int			 ppid;			/* [p] */
	int			 pgid, sid;		/* [p] */
	struct cred		 cred;			/* [p] */
	struct fw_vm		*vm;			/* [p] */
	struct mm		*mm;			/* [p] */
	struct fdtable		*fds;			/* [p] */
	struct vnode		*root, *cwd;		/* [p] counted */
	uint32_t		 umask;			/* [p] */
	struct linux_rlimit64	 rlim[PROC_NRLIMIT];	/* [p] */
	char			 comm[PROC_COMM_LEN];	/* [p] */
	int			 exit_code;		/* [p] wait status */
	bool			 exiting;		/* [p] */
	atomic_bool		 dead;			/* [a] resources gone */
	struct fw_waitq		 exit_wq;		/* wakes on dead */
	int			 nthreads;		/* [p] */
	/* Signal bookkeeping: actions only, no delivery yet. */
	struct linux_sigaction_k sigaction[64];		/* [p] */
};

struct thread {
	struct proc		*proc;			/* [I] */
	int			 tid;			/* [I] */
	struct fw_task		*task;			/* [I] */
	struct fw_uthread	*uthread;		/* [t] */
	struct fw_user_ctx	 ctx;			/* [t] */
	uint64_t		 sigmask;		/* [t] */
	uint64_t		 clear_child_tid;	/* [t] */
	uint64_t		 robust_list, robust_len; /* [t] */
	uint64_t		 altstack_sp, altstack_size; /* [t] */
	int			 altstack_flags;	/* [t] */
};

/*
 * Creates process pid (the next free pid when pid is 0) with no address
 * space, files or threads, root credentials and Linux's default limits;
 * *out gets it.  -ENOMEM, -EAGAIN when pids run out.
 */
FW_MUST_CHECK int	 proc_new(int pid, int ppid, struct proc **out);
/* Frees a process whose threads have all exited (after proc_wait_dead). */
void			 proc_free(struct proc *p);
/* Creates p's main thread (tid = pid) without a task; *out gets it. */
FW_MUST_CHECK int	 thread_new(struct proc *p, struct thread **out);
/* Runs t's user thread in a new task (after proc_exec); -ENOMEM. */
FW_MUST_CHECK int	 thread_start(struct thread *t);
/* Sleeps until p has exited and released its resources; its wait status. */
int			 proc_wait_dead(struct proc *p);
/*
 * Ends p with a wait status (exit: code << 8; killed: signo | 0x80 when it
 * dumps core).  The first call wins; the threads notice on their way back
 * to user mode.
 */
void			 proc_exit(struct proc *p, int wstatus);
/* Kills p with a fatal signal, logging it like strace when tracing. */
void			 proc_kill(struct thread *t, int signo, int si_code,
			    uint64_t si_addr);
/* Whether signo's default action dumps core. */
bool			 sig_is_core(int signo);
const char		*sig_name(int signo);
const char		*sig_code_name(int signo, int code);

/*
 * Replaces t's program with the ELF file at path (execve(2) without the
 * user-memory copies): argv and envp are kernel strings, filename is
 * AT_EXECFN.  On error t's process is unchanged: -ENOENT, -EACCES,
 * -ENOEXEC, -EINVAL, -E2BIG, -ENOMEM, -EIO, ...
 */
FW_MUST_CHECK int	 proc_exec(struct thread *t, const char *path,
			    const char *const *argv, size_t argc,
			    const char *const *envp, size_t envc);

#endif
