/*
 * svc/proc.h: processes and threads as the syscall layer sees them.
 * A thread is one kernel task running one user thread; a process owns the
 * address space, the descriptor table and the file-system context.
 *
 * Locks used to protect fields in this file:
 *	I	immutable after creation
 *	t	only the thread's own task touches it
 *	p	proc->lock
 */
#ifndef SVC_PROC_H
#define SVC_PROC_H

#include <fw/types.h>
#include <fw/mutex.h>
#include <fw/user.h>

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

struct linux_rlimit64 {
	uint64_t	cur, max;
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
	/* Signal bookkeeping: actions only, no delivery yet. */
	struct linux_sigaction_k {
		uint64_t	handler, flags, restorer, mask;
	}			 sigaction[64];		/* [p] */
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

#endif
