/*
 * proc/sys_wait.c: wait4(2) and waitid(2): decode which children are
 * meant, wait through proc_wait_child (proc/tree.c), and report the wait
 * status, siginfo and (empty) resource usage in Linux's layout, for ends,
 * stops (WUNTRACED, WSTOPPED) and continues (WCONTINUED).  waitid's
 * P_PIDFD waits for the child a pidfd names (svc/pidfd.h).
 * Locks: proc->lock for the caller's process group.
 */
#include <fw/errno.h>
#include <fw/uaccess.h>
#include <svc/pidfd.h>
#include <svc/proc.h>
#include <svc/syscall.h>
#include <uapi/resource.h>
#include <uapi/signal.h>
#include <uapi/wait.h>

#define WAIT4_OPTIONS	(LINUX_WNOHANG | LINUX_WUNTRACED | LINUX_WCONTINUED | \
	LINUX___WNOTHREAD | LINUX___WCLONE | LINUX___WALL)
#define WAITID_OPTIONS	(LINUX_WNOHANG | LINUX_WNOWAIT | LINUX_WEXITED | \
	LINUX_WUNTRACED | LINUX_WCONTINUED | LINUX___WNOTHREAD | \
	LINUX___WCLONE | LINUX___WALL)

static int
wait_own_pgid(struct proc *p)
{
	int pgid;

	fw_mutex_lock(&p->lock);
	pgid = p->pgid;
	fw_mutex_unlock(&p->lock);
	return pgid;
}

/* The reaped child's resource usage (see sys_rusage.c). */
static int
wait_put_rusage(struct thread *t, uint64_t ru,
    const struct proc_wait_result *res)
{
	struct linux_rusage r;

	if (ru == 0)
		return 0;
	rusage_fill(res->utime, res->stime, res->minflt, res->maxrss, &r);
	r.nvcsw = (int64_t)res->nvcsw;
	r.nivcsw = (int64_t)res->nivcsw;
	return fw_copy_to_user(t->proc->vm, fw_uaddr(ru), &r, sizeof(r));
}

/* wait4(pid, wstatus, options, rusage); kernel/exit.c kernel_wait4. */
SYSCALL(wait4)
{
	struct proc_wait_result res;
	int pid = (int)a->a[0], options = (int)a->a[2];
	enum proc_wait_kind kind = WAIT_PID;
	int id = pid, ret;

	if ((unsigned int)options & ~(unsigned int)WAIT4_OPTIONS)
		return -EINVAL;
	if (pid == -2147483647 - 1)
		return -ESRCH;			/* -INT_MIN is no pid */
	if (pid == -1)
		kind = WAIT_ANY;
	else if (pid < 0)
		kind = WAIT_PGID, id = -pid;
	else if (pid == 0)
		kind = WAIT_PGID, id = wait_own_pgid(t->proc);
	ret = proc_wait_child(t->proc, kind, id, options | LINUX_WEXITED, &res);
	if (ret <= 0)
		return ret;
	if (a->a[1] != 0 && fw_copy_to_user(t->proc->vm, fw_uaddr(a->a[1]),
	    &res.status, sizeof(res.status)) < 0)
		return -EFAULT;
	if (wait_put_rusage(t, a->a[3], &res) < 0)
		return -EFAULT;
	return ret;
}

/* The SIGCHLD siginfo of a reaped child (or all zero: none was ready). */
static void
waitid_info(const struct proc_wait_result *res, int ret,
    struct linux_siginfo_chld *si)
{
	int sig = res->status & 0x7f;

	*si = (struct linux_siginfo_chld){ 0 };
	if (ret <= 0)
		return;
	si->signo = LINUX_SIGCHLD;
	si->pid = res->pid;
	si->uid = res->uid;
	if (res->status == 0xffff) {
		si->code = LINUX_CLD_CONTINUED;
		si->status = LINUX_SIGCONT;
	} else if (sig == 0x7f) {
		si->code = LINUX_CLD_STOPPED;
		si->status = (res->status >> 8) & 0xff;
	} else if (sig == 0) {
		si->code = LINUX_CLD_EXITED;
		si->status = (res->status >> 8) & 0xff;
	} else {
		si->code = (res->status & 0x80) ? LINUX_CLD_DUMPED :
		    LINUX_CLD_KILLED;
		si->status = sig;
	}
}

/*
 * P_PIDFD: the pid the pidfd at *id names; its O_NONBLOCK adds WNOHANG.
 * A reaped process is no one's child (ECHILD), whatever now has its pid.
 */
static int
waitid_pidfd(struct thread *t, int *id, int *options)
{
	bool nonblock, reaped, thread;
	int pid;

	if ((pid = pidfd_pid_of(t->proc, *id, &nonblock, &reaped,
	    &thread)) < 0)
		return pid;
	if (reaped)
		return -ECHILD;
	if (nonblock)
		*options |= LINUX_WNOHANG;
	*id = pid;
	return 0;
}

/* waitid(idtype, id, infop, options, rusage); kernel/exit.c. */
SYSCALL(waitid)
{
	struct proc_wait_result res = { 0 };
	struct linux_siginfo_chld si;
	int which = (int)a->a[0], id = (int)a->a[1], options = (int)a->a[3];
	enum proc_wait_kind kind;
	int ret;

	if ((unsigned int)options & ~(unsigned int)WAITID_OPTIONS)
		return -EINVAL;
	if (!(options & (LINUX_WEXITED | LINUX_WUNTRACED | LINUX_WCONTINUED)))
		return -EINVAL;
	switch (which) {
	case LINUX_P_ALL:
		kind = WAIT_ANY;
		break;
	case LINUX_P_PID:
		if (id <= 0)
			return -EINVAL;
		kind = WAIT_PID;
		break;
	case LINUX_P_PGID:
		if (id < 0)
			return -EINVAL;
		kind = WAIT_PGID;
		if (id == 0)
			id = wait_own_pgid(t->proc);
		break;
	case LINUX_P_PIDFD:
		if (id < 0)
			return -EINVAL;
		if ((ret = waitid_pidfd(t, &id, &options)) < 0)
			return ret;
		kind = WAIT_PID;
		break;
	default:
		return -EINVAL;
	}
	if ((ret = proc_wait_child(t->proc, kind, id, options, &res)) < 0)
		return ret;
	/* A pidfd with O_NONBLOCK: nothing to report is EAGAIN. */
	if (ret == 0 && which == LINUX_P_PIDFD &&
	    !((unsigned int)a->a[3] & LINUX_WNOHANG))
		return -EAGAIN;
	if (ret > 0 && wait_put_rusage(t, a->a[4], &res) < 0)
		return -EFAULT;
	if (a->a[2] == 0)
		return 0;
	waitid_info(&res, ret, &si);
	if (fw_copy_to_user(t->proc->vm, fw_uaddr(a->a[2]), &si,
	    sizeof(si)) < 0)
		return -EFAULT;
	return 0;
}
