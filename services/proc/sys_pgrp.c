/*
 * proc/sys_pgrp.c: process groups and sessions: setpgid(2), getpgid(2),
 * setsid(2) and getsid(2), with the rules of Linux's kernel/sys.c.  A
 * session leader is the process whose pid is its sid (only setsid makes
 * one, and fork does not pass it on); a process group exists while some
 * process, zombies included, has it as its pgid.  There is no controlling
 * terminal yet, so setsid has none to drop.
 *
 * Locks: proc_table_lock for the whole of setpgid and setsid, which makes
 * each check-then-act atomic (every writer of pgid and sid holds it, but
 * fork, whose child only joins its parent's group); the proc->lock of one
 * process at a time for its fields.
 */
#include <fw/errno.h>
#include <svc/proc.h>
#include <svc/syscall.h>

/* A process's pgid, sid, ppid and whether it did execve. */
struct pgrp_ids {
	int	pgid, sid, ppid;
	bool	did_exec;
};

static struct pgrp_ids
pgrp_ids(struct proc *p)
{
	struct pgrp_ids ids;

	fw_mutex_lock(&p->lock);
	ids.pgid = p->pgid;
	ids.sid = p->sid;
	ids.ppid = p->ppid;
	ids.did_exec = p->did_exec;
	fw_mutex_unlock(&p->lock);
	return ids;
}

/* What a search for a process group looks for. */
struct pgrp_key {
	int	pgid, sid;		/* sid < 0: any session */
};

static bool
pgrp_member(struct proc *p, void *arg)
{
	const struct pgrp_key *k = arg;
	struct pgrp_ids ids = pgrp_ids(p);

	return ids.pgid == k->pgid && (k->sid < 0 || ids.sid == k->sid);
}

/*
 * The checks of setpgid(2) on target, for the caller self: -ESRCH when
 * target is neither self nor its child, -EPERM for a child in another
 * session, -EACCES for a child that did execve, -EPERM for a session
 * leader or a group that does not exist in self's session.
 */
static int
pgrp_may_set_locked(struct proc *self, struct proc *target, int pgid)
	FW_REQUIRES(&proc_table_lock)
{
	struct pgrp_ids me = pgrp_ids(self), it = pgrp_ids(target);
	struct pgrp_key key = { pgid, me.sid };

	if (target != self) {
		if (it.ppid != self->pid)
			return -ESRCH;
		if (it.sid != me.sid)
			return -EPERM;
		if (it.did_exec)
			return -EACCES;
	}
	if (it.sid == target->pid)
		return -EPERM;
	if (pgid != target->pid && proc_search_locked(pgrp_member, &key) ==
	    NULL)
		return -EPERM;
	return 0;
}

/* setpgid(pid, pgid): 0 means the caller, and pgid 0 means pid. */
SYSCALL(setpgid)
{
	struct proc *self = t->proc, *target;
	int pid = (int)a->a[0], pgid = (int)a->a[1], err;

	if (pid == 0)
		pid = self->pid;
	if (pgid == 0)
		pgid = pid;
	if (pgid < 0)
		return -EINVAL;
	fw_mutex_lock(&proc_table_lock);
	if ((target = proc_find_locked(pid)) == NULL)
		err = -ESRCH;
	else
		err = pgrp_may_set_locked(self, target, pgid);
	if (err == 0) {
		fw_mutex_lock(&target->lock);
		target->pgid = pgid;
		fw_mutex_unlock(&target->lock);
	}
	fw_mutex_unlock(&proc_table_lock);
	return err;
}

/* pid's pgid (want_sid false) or sid; pid 0 is the caller.  -ESRCH. */
static long
pgrp_get(struct proc *self, int pid, bool want_sid)
{
	struct proc *p = self;
	struct pgrp_ids ids;

	fw_mutex_lock(&proc_table_lock);
	if (pid != 0 && pid != self->pid &&
	    (p = proc_find_locked(pid)) == NULL) {
		fw_mutex_unlock(&proc_table_lock);
		return -ESRCH;
	}
	ids = pgrp_ids(p);
	fw_mutex_unlock(&proc_table_lock);
	return want_sid ? ids.sid : ids.pgid;
}

SYSCALL(getpgid)
{
	return pgrp_get(t->proc, (int)a->a[0], false);
}

SYSCALL(getsid)
{
	return pgrp_get(t->proc, (int)a->a[0], true);
}

/*
 * setsid(2): the caller leads a new session and a new group, both named
 * by its pid.  -EPERM when it already leads a session or a group with its
 * pid as pgid exists (it leads a group, or its pid named one it left).
 */
SYSCALL(setsid)
{
	struct proc *p = t->proc;
	struct pgrp_key key = { p->pid, -1 };
	long ret = p->pid;

	(void)a;
	fw_mutex_lock(&proc_table_lock);
	if (pgrp_ids(p).sid == p->pid ||
	    proc_search_locked(pgrp_member, &key) != NULL)
		ret = -EPERM;
	if (ret > 0) {
		fw_mutex_lock(&p->lock);
		p->sid = p->pgid = p->pid;
		fw_mutex_unlock(&p->lock);
	}
	fw_mutex_unlock(&proc_table_lock);
	return ret;
}
