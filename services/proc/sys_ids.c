/*
 * proc/sys_ids.c: the identity calls: getpid, getppid, gettid, getpgrp,
 * the get*id family, and set_tid_address.  The calls that change ids are
 * in sys_cred.c and sys_pgrp.c.  Locks: proc->lock for the [p] fields.
 */
#include <svc/proc.h>
#include <svc/syscall.h>

SYSCALL(getpid)
{
	return t->proc->pid;
}

SYSCALL(getppid)
{
	struct proc *p = t->proc;
	int ppid;

	fw_mutex_lock(&p->lock);
	ppid = p->ppid;
	fw_mutex_unlock(&p->lock);
	return ppid;
}

SYSCALL(gettid)
{
	return t->tid;
}

SYSCALL(getpgrp)
{
	struct proc *p = t->proc;
	int pgid;

	fw_mutex_lock(&p->lock);
	pgid = p->pgid;
	fw_mutex_unlock(&p->lock);
	return pgid;
}

/* Reads one credential field under the lock. */
static long
proc_cred_field(struct proc *p, const uint32_t *field)
{
	long v;

	fw_mutex_lock(&p->lock);
	v = *field;
	fw_mutex_unlock(&p->lock);
	return v;
}

SYSCALL(getuid)
{
	return proc_cred_field(t->proc, &t->proc->cred.uid);
}

SYSCALL(geteuid)
{
	return proc_cred_field(t->proc, &t->proc->cred.euid);
}

SYSCALL(getgid)
{
	return proc_cred_field(t->proc, &t->proc->cred.gid);
}

SYSCALL(getegid)
{
	return proc_cred_field(t->proc, &t->proc->cred.egid);
}

/* Stores the address cleared (and futex-woken) at thread exit. */
SYSCALL(set_tid_address)
{
	t->clear_child_tid = a->a[0];
	return t->tid;
}
