/*
 * proc/sys_kill.c: sending signals from user code: kill(2), tkill(2),
 * tgkill(2), rt_sigqueueinfo(2), rt_tgsigqueueinfo(2) and
 * pidfd_send_signal(2) (svc/pidfd.h), with Linux's
 * checks (kernel/signal.c): a signal number of 0 only asks whether the
 * target exists and may be signalled; a sender that is not privileged
 * (euid 0) needs its real or effective uid to match the target's real or
 * saved uid; kill(-1) reaches every process but pid 1 and the sender.
 *
 * Locks: proc_table_lock while a target is looked up and signalled (so it
 * cannot be freed meanwhile), then the target's proc->lock inside
 * signal_send_*; the sender's own proc->lock for its credentials.
 */
#include <fw/errno.h>
#include <fw/string.h>
#include <fw/uaccess.h>
#include <svc/file.h>
#include <svc/pidfd.h>
#include <svc/proc.h>
#include <svc/signal.h>
#include <svc/syscall.h>
#include <svc/vfs.h>
#include <uapi/poll.h>
#include <uapi/signal.h>

struct kill_req {
	struct proc		*self;
	struct cred		 cred;		/* the sender's */
	int			 sig;
	struct linux_siginfo	 info;
	int			 pgid;		/* for a group: which */
	int			 found, sent;
	int			 err;		/* the last failure */
};

static void
kill_req_init(struct thread *t, int sig, int code, struct kill_req *r)
{
	struct proc *p = t->proc;

	memset(r, 0, sizeof(*r));
	r->self = p;
	r->sig = sig;
	fw_mutex_lock(&p->lock);
	r->cred = p->cred;
	fw_mutex_unlock(&p->lock);
	r->info.signo = sig;
	r->info.code = code;
	r->info.u.proc.pid = p->pid;
	r->info.u.proc.uid = r->cred.uid;
}

/* kernel/signal.c kill_ok_by_cred. */
static bool
kill_allowed(const struct cred *c, struct proc *q)
{
	bool ok;

	if (c->euid == 0)
		return true;
	fw_mutex_lock(&q->lock);
	ok = c->euid == q->cred.suid || c->euid == q->cred.uid ||
	    c->uid == q->cred.suid || c->uid == q->cred.uid;
	fw_mutex_unlock(&q->lock);
	return ok;
}

/* Checks and sends r's signal to q (or only checks, for signal 0). */
static int
kill_one(struct kill_req *r, struct proc *q)
{
	if (!kill_allowed(&r->cred, q))
		return -EPERM;
	return r->sig == 0 ? 0 : signal_send_proc(q, r->sig, &r->info);
}

/* proc_search_locked's callback for a group: never stops the search. */
static bool
kill_group_member(struct proc *q, void *arg)
{
	struct kill_req *r = arg;
	int pgid, err;

	if (r->pgid > 0) {
		fw_mutex_lock(&q->lock);
		pgid = q->pgid;
		fw_mutex_unlock(&q->lock);
		if (pgid != r->pgid)
			return false;
	} else if (q->pid == 1 || q == r->self) {
		return false;			/* kill(-1): all but these */
	}
	r->found++;
	if ((err = kill_one(r, q)) == 0)
		r->sent++;
	else
		r->err = err;
	return false;
}

/* Sends r's signal to every process of group pgid (0: all but two). */
static int
kill_group(struct kill_req *r, int pgid)
{
	r->pgid = pgid;
	fw_mutex_lock(&proc_table_lock);
	(void)proc_search_locked(kill_group_member, r);
	fw_mutex_unlock(&proc_table_lock);
	if (r->sent > 0)
		return 0;
	return r->found > 0 ? r->err : -ESRCH;
}

/* Sends r's signal to pid (> 0), group -pid (< -1), own group (0), all. */
static int
kill_pid(struct kill_req *r, int pid)
{
	struct proc *q;
	int err, pgid;

	if (pid > 0) {
		fw_mutex_lock(&proc_table_lock);
		q = proc_find_locked(pid);
		err = q != NULL ? kill_one(r, q) : -ESRCH;
		fw_mutex_unlock(&proc_table_lock);
		return err;
	}
	if (pid == 0) {
		fw_mutex_lock(&r->self->lock);
		pgid = r->self->pgid;
		fw_mutex_unlock(&r->self->lock);
	} else {
		pgid = pid == -1 ? 0 : -pid;
	}
	return kill_group(r, pgid);
}

SYSCALL(kill)
{
	struct kill_req r;
	int pid = (int)a->a[0], sig = (int)a->a[1];

	if (sig < 0 || sig > LINUX_NSIG)
		return -EINVAL;
	if (pid == -2147483647 - 1)
		return -ESRCH;			/* -INT_MIN is no group */
	kill_req_init(t, sig, LINUX_SI_USER, &r);
	return kill_pid(&r, pid);
}

/* Sends r's signal to thread tid of process tgid (any process: -1). */
static int
kill_thread(struct kill_req *r, int tgid, int tid)
{
	struct proc *q;
	int err;

	fw_mutex_lock(&proc_table_lock);
	/* The table maps a thread's tid to its process too. */
	if ((q = proc_find_locked(tid)) == NULL || (tgid > 0 && tgid != q->pid))
		err = -ESRCH;
	else if (!kill_allowed(&r->cred, q))
		err = -EPERM;
	else
		err = signal_send_tid(q, tid, r->sig, &r->info);
	fw_mutex_unlock(&proc_table_lock);
	return err;
}

SYSCALL(tkill)
{
	struct kill_req r;
	int tid = (int)a->a[0], sig = (int)a->a[1];

	if (tid <= 0 || sig < 0 || sig > LINUX_NSIG)
		return -EINVAL;
	kill_req_init(t, sig, LINUX_SI_TKILL, &r);
	return kill_thread(&r, -1, tid);
}

SYSCALL(tgkill)
{
	struct kill_req r;
	int tgid = (int)a->a[0], tid = (int)a->a[1], sig = (int)a->a[2];

	if (tgid <= 0 || tid <= 0 || sig < 0 || sig > LINUX_NSIG)
		return -EINVAL;
	kill_req_init(t, sig, LINUX_SI_TKILL, &r);
	return kill_thread(&r, tgid, tid);
}

/*
 * The siginfo of rt_sigqueueinfo: the caller's, but a process may not pose
 * as the kernel or kill(2) to another (si_code >= 0, or SI_TKILL): EPERM.
 */
static int
kill_user_info(struct thread *t, int pid, int sig, uint64_t uinfo,
    struct kill_req *r)
{
	int err;

	if (sig < 0 || sig > LINUX_NSIG)
		return -EINVAL;
	kill_req_init(t, sig, LINUX_SI_QUEUE, r);
	if ((err = fw_copy_from_user(t->proc->vm, &r->info, fw_uaddr(uinfo),
	    sizeof(r->info))) < 0)
		return err;
	if ((r->info.code >= 0 || r->info.code == LINUX_SI_TKILL) &&
	    pid != t->proc->pid)
		return -EPERM;
	r->info.signo = sig;
	return 0;
}

SYSCALL(rt_sigqueueinfo)
{
	struct kill_req r;
	int pid = (int)a->a[0], err;

	if ((err = kill_user_info(t, pid, (int)a->a[1], a->a[2], &r)) < 0)
		return err;
	if (pid <= 0)
		return -ESRCH;
	return kill_pid(&r, pid);
}

SYSCALL(rt_tgsigqueueinfo)
{
	struct kill_req r;
	int tgid = (int)a->a[0], tid = (int)a->a[1], err;

	if (tgid <= 0 || tid <= 0)
		return -EINVAL;
	if ((err = kill_user_info(t, tgid, (int)a->a[2], a->a[3], &r)) < 0)
		return err;
	return kill_thread(&r, tgid, tid);
}

#define PIDFD_SELF_THREAD	(-10000)
#define PIDFD_SELF_THREAD_GROUP	(-10001)
#define PIDFD_SIGNAL_FLAGS	(LINUX_PIDFD_SIGNAL_THREAD | \
	LINUX_PIDFD_SIGNAL_THREAD_GROUP | LINUX_PIDFD_SIGNAL_PROCESS_GROUP)

/* Whom pidfd_send_signal reaches: a thread, a process or a group. */
enum pidfd_scope { SCOPE_THREAD, SCOPE_PROCESS, SCOPE_GROUP };

/*
 * Sends r's signal to the process the pidfd names (or, pidfd < 0, the
 * caller's), to its thread tid for SCOPE_THREAD; the group pgid for
 * SCOPE_GROUP.  kill_pid_info_type's order: ESRCH, then EINVAL for the
 * signal, then EPERM.
 */
static int
pidfd_kill(struct thread *t, int pidfd, enum pidfd_scope scope, int target,
    struct kill_req *r)
{
	struct file *f = NULL;
	struct proc *q = t->proc;
	int err = 0;

	if (scope == SCOPE_GROUP)
		return r->sig > LINUX_NSIG || r->sig < 0 ? -EINVAL :
		    kill_group(r, target);
	if (pidfd >= 0 && fd_get(t->proc, pidfd, &f) < 0)
		return -EBADF;			/* closed meanwhile */
	fw_mutex_lock(&proc_table_lock);
	if (f != NULL)
		err = pidfd_proc_locked(f, &q);
	if (err == 0 && (r->sig < 0 || r->sig > LINUX_NSIG))
		err = -EINVAL;
	else if (err == 0 && !kill_allowed(&r->cred, q))
		err = -EPERM;
	else if (err == 0 && r->sig != 0)
		err = scope == SCOPE_THREAD ? signal_send_tid(q, target,
		    r->sig, &r->info) : signal_send_proc(q, r->sig, &r->info);
	fw_mutex_unlock(&proc_table_lock);
	file_unref(f);
	return err;
}

/*
 * pidfd_send_signal(pidfd, sig, info, flags), kernel/signal.c: a pidfd of
 * a process signals the process, a pidfd of a thread (PIDFD_THREAD) the
 * thread, unless a flag narrows it to the thread, widens it to the thread's
 * process or the group it leads; PIDFD_SELF_THREAD and
 * PIDFD_SELF_THREAD_GROUP name the caller.  A siginfo that looks like the
 * kernel's or tkill's may only be sent to oneself (EPERM).
 */
SYSCALL(pidfd_send_signal)
{
	int pidfd = (int)a->a[0], sig = (int)a->a[1], target, err;
	uint32_t flags = (uint32_t)a->a[3];
	enum pidfd_scope scope = SCOPE_PROCESS;
	bool nonblock, reaped, thread = false;
	struct kill_req r;

	/* One scope flag at most: no two bits set. */
	if ((flags & ~PIDFD_SIGNAL_FLAGS) || (flags & (flags - 1)) != 0)
		return -EINVAL;
	if (pidfd == PIDFD_SELF_THREAD) {
		target = t->tid;
		scope = SCOPE_THREAD;
	} else if (pidfd == PIDFD_SELF_THREAD_GROUP) {
		target = t->proc->pid;
	} else if ((target = pidfd_pid_of(t->proc, pidfd, &nonblock,
	    &reaped, &thread)) < 0) {
		return target;
	}
	if (flags == LINUX_PIDFD_SIGNAL_THREAD || (flags == 0 && thread))
		scope = SCOPE_THREAD;
	else if (flags == LINUX_PIDFD_SIGNAL_THREAD_GROUP)
		scope = SCOPE_PROCESS;
	else if (flags == LINUX_PIDFD_SIGNAL_PROCESS_GROUP)
		scope = SCOPE_GROUP;
	kill_req_init(t, sig, scope == SCOPE_THREAD ? LINUX_SI_TKILL :
	    LINUX_SI_USER, &r);
	if (a->a[2] != 0) {
		if ((err = fw_copy_from_user(t->proc->vm, &r.info,
		    fw_uaddr(a->a[2]), sizeof(r.info))) < 0)
			return err;
		if (r.info.signo != sig)
			return -EINVAL;
		if ((target != t->tid || scope == SCOPE_GROUP) &&
		    (r.info.code >= 0 || r.info.code == LINUX_SI_TKILL))
			return -EPERM;
	}
	return pidfd_kill(t, pidfd < 0 ? -1 : pidfd, scope, target, &r);
}
