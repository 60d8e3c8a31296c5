/*
 * proc/clone.c: clone(2) and clone3(2): Linux's checks of the flags
 * (kernel/fork.c copy_process), then either a new process (proc_fork) or a
 * new thread of the caller's process.  A thread shares the memory, the
 * descriptor table, the file-system context and the signal actions (the
 * flag set C libraries use for pthread_create); it gets its own tid, the
 * caller's registers with rax = 0, its own stack and TLS, the caller's
 * signal mask and FP state, no alternate signal stack, nothing pending.
 *
 * CLONE_VM without CLONE_THREAD makes a process sharing the caller's
 * memory (vfork(2), posix_spawn's CLONE_VM | CLONE_VFORK).  CLONE_PIDFD
 * gives the parent a pidfd of the child (svc/pidfd.h), stored at
 * parent_tid by clone(2) and at args.pidfd by clone3(2).
 *
 * A process may share the caller's descriptor table (CLONE_FILES), its
 * root, cwd and umask (CLONE_FS) and its signal actions (CLONE_SIGHAND,
 * which needs CLONE_VM), and may be made the caller's sibling
 * (CLONE_PARENT: the caller's parent reaps it, and hears of its end by the
 * caller's exit signal).  Namespaces: Trellis has one of each kind, as a
 * Linux built without them: EPERM without privilege, then EINVAL.
 * CLONE_SYSVSEM and CLONE_IO change nothing here (no SysV semaphores, one
 * I/O context).
 *
 * A thread without CLONE_FILES or CLONE_FS gets a copy of the caller's
 * descriptor table or fs context for its own (proc/thread_own.c).
 * CLONE_PIDFD with CLONE_THREAD gives a pidfd of the new thread
 * (PIDFD_THREAD), as Linux 6.9 does.
 *
 * Interface: proc_clone_thread, thread_clone_from, thread_put_tid
 * (svc/proc.h); sys_clone, sys_clone3.
 * Locks: the caller's proc->lock inside thread_new_tid; the new thread is
 * on the list, so signals reach it, before its task starts.
 */
#include <fw/alloc.h>
#include <fw/errno.h>
#include <fw/string.h>
#include <fw/uaccess.h>
#include <fw/user.h>
#include <svc/file.h>
#include <svc/pidfd.h>
#include <svc/proc.h>
#include <svc/syscall.h>
#include <uapi/signal.h>
#include <uapi/wait.h>

/*
 * The flags proc_fork implements (clone(2) ignores CLONE_DETACHED, and the
 * trace bits mean nothing without ptrace).
 */
#define FORK_FLAGS	(LINUX_CSIGNAL | LINUX_CLONE_VM | LINUX_CLONE_SETTLS | \
	LINUX_CLONE_PARENT_SETTID | LINUX_CLONE_CHILD_SETTID | \
	LINUX_CLONE_CHILD_CLEARTID | LINUX_CLONE_VFORK | \
	LINUX_CLONE_DETACHED | LINUX_CLONE_PTRACE | LINUX_CLONE_UNTRACED | \
	LINUX_CLONE_FILES | LINUX_CLONE_SYSVSEM | LINUX_CLONE_IO | \
	LINUX_CLONE_CLEAR_SIGHAND | LINUX_CLONE_FS | LINUX_CLONE_SIGHAND | \
	LINUX_CLONE_PARENT)
/* What a thread must share, and what else it may ask for. */
#define THREAD_NEEDS	(LINUX_CLONE_VM | LINUX_CLONE_SIGHAND | LINUX_CLONE_THREAD)
#define THREAD_FLAGS	(THREAD_NEEDS | LINUX_CSIGNAL | LINUX_CLONE_SYSVSEM | \
	LINUX_CLONE_SETTLS | LINUX_CLONE_PARENT_SETTID | \
	LINUX_CLONE_CHILD_SETTID | LINUX_CLONE_CHILD_CLEARTID | \
	LINUX_CLONE_DETACHED | LINUX_CLONE_PTRACE | LINUX_CLONE_UNTRACED | \
	LINUX_CLONE_IO | LINUX_CLONE_PARENT | LINUX_CLONE_FS | \
	LINUX_CLONE_FILES | LINUX_CLONE_PIDFD)
/* The namespaces. */
#define NS_FLAGS	(LINUX_CLONE_NEWNS | LINUX_CLONE_NEWCGROUP | \
	LINUX_CLONE_NEWUTS | LINUX_CLONE_NEWIPC | LINUX_CLONE_NEWUSER | \
	LINUX_CLONE_NEWPID | LINUX_CLONE_NEWNET)

void
thread_put_tid(struct fw_vm *vm, uint64_t addr, int tid)
{
	/* Linux ignores a fault here too. */
	if (fw_copy_to_user(vm, fw_uaddr(addr), &tid, sizeof(tid)) < 0)
		return;
}

int
thread_clone_from(struct thread *t, struct thread *ct, struct fw_vm *vm,
    uint64_t flags, uint64_t newsp, uint64_t child_tid, uint64_t tls)
{
	int err;

	if ((err = fw_uthread_new(vm, &ct->uthread)) < 0 ||
	    (err = thread_copy_fpstate(t, ct)) < 0)
		return err;
	ct->ctx = t->ctx;
	ct->ctx.rax = 0;
	if (newsp != 0)
		ct->ctx.rsp = newsp;
	if (flags & LINUX_CLONE_SETTLS)
		ct->ctx.fs_base = tls;
	if (flags & LINUX_CLONE_CHILD_CLEARTID)
		ct->clear_child_tid = child_tid;
	return 0;
}

/*
 * A table or fs context of the new thread's own, copied from the caller's,
 * when it is not to share them (no CLONE_FILES, no CLONE_FS).
 */
static int
thread_clone_own(struct proc *p, struct thread *ct, uint64_t flags)
{
	struct fs_struct *fs;
	int err = 0;

	if (!(flags & LINUX_CLONE_FILES) &&
	    (err = fdtable_dup(proc_fdtable(p), &ct->fds)) < 0)
		return err;
	if (!(flags & LINUX_CLONE_FS)) {
		fs = proc_fs(p);
		err = fs_struct_copy(fs, &ct->fs);
		fs_struct_unref(fs);
	}
	return err;
}

int
proc_clone_thread(struct thread *t, const struct clone_req *r)
{
	uint64_t flags = r->flags, newsp = r->newsp;
	uint64_t parent_tid = r->parent_tid, child_tid = r->child_tid;
	uint64_t tls = r->tls;
	struct proc *p = t->proc;
	struct fw_uthread *ut;
	struct thread *ct;
	int err, tid, pidfd = -1;

	if ((err = thread_new_tid(p, &ct)) < 0)
		return err;
	tid = ct->tid;
	if ((err = thread_clone_from(t, ct, p->vm, flags, newsp, child_tid,
	    tls)) < 0 || (err = thread_clone_own(p, ct, flags)) < 0)
		goto fail;
	fw_mutex_lock(&p->lock);
	ct->sigmask = t->sigmask;
	ct->cpus = t->cpus;
	atomic_store(&ct->cpus_changed, t->cpus != 0);
	fw_mutex_unlock(&p->lock);
	if (flags & LINUX_CLONE_CHILD_SETTID)
		thread_put_tid(p->vm, child_tid, tid);
	if (flags & LINUX_CLONE_PARENT_SETTID)
		thread_put_tid(p->vm, parent_tid, tid);
	if ((flags & LINUX_CLONE_PIDFD) &&
	    (err = pidfd_install_new(p, p, ct, r->pidfd, &pidfd)) < 0)
		goto fail;
	if ((err = thread_start(ct)) < 0)
		goto fail;
	return tid;
fail:
	if (pidfd >= 0)
		pidfd_install_undo(p, pidfd);
	fw_mutex_lock(&p->lock);
	ut = ct->uthread;
	ct->uthread = NULL;
	fw_mutex_unlock(&p->lock);
	fw_uthread_free(ut);
	/* Not the last thread: t lives. */
	(void)thread_free(ct);
	return err;
}

/*
 * A request for new namespaces (flags within NS_FLAGS | CLONE_NEWTIME),
 * answered as Linux without them answers: a user namespace needs no
 * privilege, so EINVAL (create_user_ns); the others EPERM without
 * CAP_SYS_ADMIN (euid 0 here), else EINVAL (create_new_namespaces).
 */
long
proc_namespaces(struct proc *p, uint64_t flags)
{
	uint32_t euid;

	if (flags == 0)
		return 0;
	if (flags & LINUX_CLONE_NEWUSER)
		return -EINVAL;
	fw_mutex_lock(&p->lock);
	euid = p->cred.euid;
	fw_mutex_unlock(&p->lock);
	return euid == 0 ? -EINVAL : -EPERM;
}

/* Linux's consistency checks, then the work. */
static long
clone_do(struct thread *t, const struct clone_req *r)
{
	uint64_t flags = r->flags;
	long err;

	if ((flags & (LINUX_CLONE_NEWNS | LINUX_CLONE_FS)) ==
	    (LINUX_CLONE_NEWNS | LINUX_CLONE_FS))
		return -EINVAL;
	if ((flags & LINUX_CLONE_THREAD) && !(flags & LINUX_CLONE_SIGHAND))
		return -EINVAL;
	if ((flags & LINUX_CLONE_SIGHAND) && !(flags & LINUX_CLONE_VM))
		return -EINVAL;
	/* init's siblings would have no one to reap them. */
	if ((flags & LINUX_CLONE_PARENT) && t->proc->pid == 1)
		return -EINVAL;
	if ((flags & LINUX_CLONE_PIDFD) && ((flags & LINUX_CLONE_DETACHED) ||
	    ((flags & LINUX_CLONE_PARENT_SETTID) && r->pidfd == r->parent_tid)))
		return -EINVAL;
	if ((flags & (LINUX_CLONE_CLEAR_SIGHAND | LINUX_CLONE_SIGHAND)) ==
	    (LINUX_CLONE_CLEAR_SIGHAND | LINUX_CLONE_SIGHAND))
		return -EINVAL;
	if ((flags & LINUX_CLONE_NEWUSER) && (flags & (LINUX_CLONE_FS |
	    LINUX_CLONE_THREAD)))
		return -EINVAL;
	if ((flags & (LINUX_CLONE_NEWPID | LINUX_CLONE_NEWUSER)) &&
	    (flags & LINUX_CLONE_THREAD))
		return -EINVAL;
	if ((err = proc_namespaces(t->proc, flags & NS_FLAGS)) < 0)
		return err;
	if (flags & LINUX_CLONE_THREAD) {
		if ((flags & THREAD_NEEDS) != THREAD_NEEDS ||
		    (flags & ~THREAD_FLAGS))
			return -ENOSYS;
		return proc_clone_thread(t, r);
	}
	if (flags & ~(FORK_FLAGS | LINUX_CLONE_PIDFD))
		return -ENOSYS;
	return proc_fork(t, r);
}

/* clone(flags, newsp, parent_tid, child_tid, tls) on x86-64. */
SYSCALL(clone)
{
	/* Linux takes 32 bits of flags from clone(2); the pidfd goes where
	 * parent_tid points. */
	struct clone_req r = { a->a[0] & 0xffffffffULL, a->a[1], a->a[2],
	    a->a[3], a->a[4], a->a[2] };

	return clone_do(t, &r);
}

/* struct clone_args (include/uapi/linux/sched.h). */
struct linux_clone_args {
	uint64_t	flags, pidfd, child_tid, parent_tid, exit_signal;
	uint64_t	stack, stack_size, tls, set_tid, set_tid_size, cgroup;
};
#define CLONE_ARGS_SIZE_VER0	64

/* Whether the user bytes [from, to) are all zero (clone3's extensions). */
static int
clone3_tail_zero(struct fw_vm *vm, uint64_t from, uint64_t to)
{
	uint8_t buf[64];
	uint64_t n;
	size_t i;
	int err;

	for (; from < to; from += n) {
		n = to - from < sizeof(buf) ? to - from : sizeof(buf);
		if ((err = fw_copy_from_user(vm, buf, fw_uaddr(from), n)) < 0)
			return err;
		for (i = 0; i < n; i++)
			if (buf[i] != 0)
				return -E2BIG;
	}
	return 0;
}

/* clone3(args, size): kernel/fork.c copy_clone_args_from_user. */
SYSCALL(clone3)
{
	struct linux_clone_args ca;
	struct clone_req r;
	uint64_t uargs = a->a[0], size = a->a[1], newsp = 0;
	int err;

	if (size < CLONE_ARGS_SIZE_VER0)
		return -EINVAL;
	if (size > FW_PAGE_SIZE)
		return -E2BIG;
	memset(&ca, 0, sizeof(ca));
	if ((err = fw_copy_from_user(t->proc->vm, &ca, fw_uaddr(uargs),
	    size < sizeof(ca) ? size : sizeof(ca))) < 0)
		return err;
	if (size > sizeof(ca) && (err = clone3_tail_zero(t->proc->vm,
	    uargs + sizeof(ca), uargs + size)) < 0)
		return err;
	if ((ca.flags & (LINUX_CSIGNAL & ~LINUX_CLONE_NEWTIME)) ||
	    ca.exit_signal > LINUX_NSIG)
		return -EINVAL;
	if (ca.flags & LINUX_CLONE_NEWTIME)
		return proc_namespaces(t->proc, LINUX_CLONE_NEWTIME);
	if ((ca.stack == 0) != (ca.stack_size == 0))
		return -EINVAL;
	if (ca.flags & ~(0xffffffffULL | LINUX_CLONE_CLEAR_SIGHAND |
	    LINUX_CLONE_INTO_CGROUP))
		return -EINVAL;
	if (ca.flags & LINUX_CLONE_INTO_CGROUP)
		return -EBADF;			/* no cgroup2 directories */
	if (ca.set_tid != 0 || ca.set_tid_size != 0)
		return -ENOSYS;			/* choosing tids: not built */
	if (ca.stack != 0)
		newsp = ca.stack + ca.stack_size;
	r = (struct clone_req){ ca.flags | ca.exit_signal, newsp,
	    ca.parent_tid, ca.child_tid, ca.tls, ca.pidfd };
	return clone_do(t, &r);
}
