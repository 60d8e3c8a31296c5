/*
 * proc/sys_robust.c: set_robust_list(2) and get_robust_list(2), the
 * bookkeeping for robust futexes (walked at thread exit by the futex
 * service, svc/futex.h), and rseq(2), which is not offered: C libraries
 * fall back when it answers ENOSYS.  Locks: proc_table_lock and proc->lock
 * to find another thread; a thread's own fields need none.
 */
#include <fw/errno.h>
#include <fw/uaccess.h>
#include <svc/proc.h>
#include <svc/syscall.h>
#include <uapi/misc.h>

SYSCALL(set_robust_list)
{
	if (a->a[1] != LINUX_ROBUST_LIST_HEAD_SIZE)
		return -EINVAL;
	t->robust_list = a->a[0];
	t->robust_len = a->a[1];
	return 0;
}

/* What get_robust_list looks for: a thread by tid, and its list head. */
struct robust_find {
	int		tid;
	bool		found;
	uint64_t	head;
	struct cred	cred;
	bool		dumpable;
	bool		same;		/* in the caller's process */
	const struct proc *self;
};

static bool
robust_match(struct proc *p, void *arg)
{
	struct robust_find *f = arg;
	struct thread *th;

	fw_mutex_lock(&p->lock);
	for (th = p->threads; th != NULL; th = th->next_thread) {
		if (th->tid != f->tid)
			continue;
		f->found = true;
		f->head = th->robust_list;	/* racy, as on Linux */
		f->cred = p->cred;
		f->dumpable = p->dumpable;
		f->same = p == f->self;
		break;
	}
	fw_mutex_unlock(&p->lock);
	return f->found;
}

/*
 * ptrace_may_access(PTRACE_MODE_READ_REALCREDS): the caller's own process,
 * root, or a dumpable process whose ids all equal the caller's real ones.
 */
static bool
robust_may_read(const struct cred *c, const struct robust_find *f)
{
	if (f->same || c->euid == 0)
		return true;
	return f->dumpable && c->uid == f->cred.uid &&
	    c->uid == f->cred.euid && c->uid == f->cred.suid &&
	    c->gid == f->cred.gid && c->gid == f->cred.egid &&
	    c->gid == f->cred.sgid;
}

/* get_robust_list(pid, head_ptr, len_ptr): -ESRCH, -EPERM, -EFAULT. */
SYSCALL(get_robust_list)
{
	struct proc *p = t->proc;
	struct robust_find f = { (int)a->a[0], false, 0, { 0 }, false, false,
	    p };
	struct cred self;
	uint64_t len = LINUX_ROBUST_LIST_HEAD_SIZE;
	int err;

	if (f.tid == 0) {
		f.found = f.same = true;
		f.head = t->robust_list;
	} else {
		fw_mutex_lock(&proc_table_lock);
		(void)proc_search_locked(robust_match, &f);
		fw_mutex_unlock(&proc_table_lock);
	}
	if (!f.found)
		return -ESRCH;
	fw_mutex_lock(&p->lock);
	self = p->cred;
	fw_mutex_unlock(&p->lock);
	if (!robust_may_read(&self, &f))
		return -EPERM;
	if ((err = fw_copy_to_user(p->vm, fw_uaddr(a->a[2]), &len,
	    sizeof(len))) < 0)
		return err;
	return fw_copy_to_user(p->vm, fw_uaddr(a->a[1]), &f.head,
	    sizeof(f.head));
}

SYSCALL(rseq)
{
	return -ENOSYS;
}
