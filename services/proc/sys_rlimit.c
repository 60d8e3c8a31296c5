/*
 * proc/sys_rlimit.c: prlimit64(2), getrlimit(2) and setrlimit(2), with the
 * checks of Linux's kernel/sys.c: another process's limits need matching
 * ids (the caller's real ids equal to all three of the target's) or
 * CAP_SYS_RESOURCE, which, as everywhere here, is euid 0; so does raising
 * a hard limit; RLIMIT_NOFILE stops at fs.nr_open.  RLIMIT_NOFILE is
 * enforced by services/fs/fdtable.c, RLIMIT_NPROC by fork.c, RLIMIT_STACK
 * sizes the stack at execve; the others are only stored.
 *
 * Locks: proc_table_lock to find another process and keep it, then its
 * proc->lock; the caller's own proc->lock for its credentials first.
 */
#include <fw/errno.h>
#include <fw/uaccess.h>
#include <svc/mm.h>
#include <svc/proc.h>
#include <svc/syscall.h>
#include <uapi/resource.h>

/* Linux's default fs.nr_open. */
#define RLIMIT_NR_OPEN	1048576

/* check_prlimit_permission(): may self touch target's limits? */
static int
rlimit_may_access(const struct cred *self, struct proc *target)
{
	struct cred tc;

	fw_mutex_lock(&target->lock);
	tc = target->cred;
	fw_mutex_unlock(&target->lock);
	if (self->euid == 0)
		return 0;
	if (self->uid != tc.uid || self->uid != tc.euid ||
	    self->uid != tc.suid || self->gid != tc.gid ||
	    self->gid != tc.egid || self->gid != tc.sgid)
		return -EPERM;
	return 0;
}

/*
 * do_prlimit(): reads target's limit res into *old and, with nl, replaces
 * it.  -EINVAL for an unknown res or soft above hard, -EPERM for a hard
 * limit raised without the privilege or RLIMIT_NOFILE beyond nr_open.
 */
static int
rlimit_do(const struct cred *self, struct proc *target, uint64_t res,
    const struct linux_rlimit64 *nl, struct linux_rlimit64 *old)
{
	int err = 0;

	if (res >= LINUX_RLIM_NLIMITS)
		return -EINVAL;
	if (nl != NULL && nl->cur > nl->max)
		return -EINVAL;
	if (nl != NULL && res == LINUX_RLIMIT_NOFILE &&
	    nl->max > RLIMIT_NR_OPEN)
		return -EPERM;
	fw_mutex_lock(&target->lock);
	if (nl != NULL && nl->max > target->rlim[res].max && self->euid != 0)
		err = -EPERM;
	if (err == 0) {
		*old = target->rlim[res];
		if (nl != NULL)
			target->rlim[res] = *nl;
		/* The stack grows down to the new limit from now on. */
		if (nl != NULL && res == LINUX_RLIMIT_STACK &&
		    target->mm != NULL)
			mm_set_stack_rlimit(target->mm, nl->cur);
		if (nl != NULL && res == LINUX_RLIMIT_AS && target->mm != NULL)
			mm_set_as_rlimit(target->mm, nl->cur);
		if (nl != NULL && res == LINUX_RLIMIT_CPU)
			target->xcpu_next = 0;	/* counted from the new soft */
	}
	fw_mutex_unlock(&target->lock);
	if (err == 0 && nl != NULL && res == LINUX_RLIMIT_CPU)
		proc_cpu_watch(target);
	return err;
}

static struct cred
rlimit_cred(struct proc *p)
{
	struct cred c;

	fw_mutex_lock(&p->lock);
	c = p->cred;
	fw_mutex_unlock(&p->lock);
	return c;
}

/* prlimit64(pid, resource, new, old): pid 0 is the caller. */
SYSCALL(prlimit64)
{
	struct proc *p = t->proc, *target;
	struct linux_rlimit64 nl, old;
	struct cred self = rlimit_cred(p);
	int pid = (int)a->a[0];
	uint64_t res = (uint32_t)a->a[1];
	fw_uaddr_t unew = fw_uaddr(a->a[2]), uold = fw_uaddr(a->a[3]);
	int err;

	if (unew.v != 0 &&
	    (err = fw_copy_from_user(p->vm, &nl, unew, sizeof(nl))) < 0)
		return err;
	fw_mutex_lock(&proc_table_lock);
	target = pid == 0 || pid == p->pid ? p : proc_find_locked(pid);
	if (target == NULL)
		err = -ESRCH;
	else if (target != p)
		err = rlimit_may_access(&self, target);
	else
		err = 0;
	if (err == 0)
		err = rlimit_do(&self, target, res, unew.v != 0 ? &nl : NULL,
		    &old);
	fw_mutex_unlock(&proc_table_lock);
	if (err == 0 && uold.v != 0)
		return fw_copy_to_user(p->vm, uold, &old, sizeof(old));
	return err;
}

SYSCALL(getrlimit)
{
	struct proc *p = t->proc;
	struct linux_rlimit64 cur;
	uint64_t res = (uint32_t)a->a[0];

	if (res >= LINUX_RLIM_NLIMITS)
		return -EINVAL;
	fw_mutex_lock(&p->lock);
	cur = p->rlim[res];
	fw_mutex_unlock(&p->lock);
	return fw_copy_to_user(p->vm, fw_uaddr(a->a[1]), &cur, sizeof(cur));
}

/* setrlimit(resource, rlim): the new limit is read before anything. */
SYSCALL(setrlimit)
{
	struct proc *p = t->proc;
	struct linux_rlimit64 nl, old;
	struct cred self = rlimit_cred(p);
	int err;

	if ((err = fw_copy_from_user(p->vm, &nl, fw_uaddr(a->a[1]),
	    sizeof(nl))) < 0)
		return err;
	return rlimit_do(&self, p, (uint32_t)a->a[0], &nl, &old);
}
