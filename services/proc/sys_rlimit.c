/*
 * proc/sys_rlimit.c: prlimit64(2) and getrlimit(2) on the calling
 * process only (others come with the process table).  Everyone is root,
 * so raising a hard limit is allowed, up to Linux's fs.nr_open for
 * RLIMIT_NOFILE.  Locks: proc->lock.
 */
#include <fw/errno.h>
#include <fw/uaccess.h>
#include <svc/proc.h>
#include <svc/syscall.h>
#include <uapi/resource.h>

/* Linux's default fs.nr_open. */
#define RLIMIT_NR_OPEN	1048576

SYSCALL(prlimit64)
{
	struct proc *p = t->proc;
	struct linux_rlimit64 nl, old;
	int pid = (int)a->a[0];
	uint64_t res = (uint32_t)a->a[1];
	fw_uaddr_t unew = fw_uaddr(a->a[2]), uold = fw_uaddr(a->a[3]);
	int err;

	if (unew.v != 0 &&
	    (err = fw_copy_from_user(p->vm, &nl, unew, sizeof(nl))) < 0)
		return err;
	if (pid != 0 && pid != p->pid)
		return -ESRCH;
	if (res >= LINUX_RLIM_NLIMITS)
		return -EINVAL;
	if (unew.v != 0 && nl.cur > nl.max)
		return -EINVAL;
	if (unew.v != 0 && res == LINUX_RLIMIT_NOFILE &&
	    nl.max > RLIMIT_NR_OPEN)
		return -EPERM;
	fw_mutex_lock(&p->lock);
	old = p->rlim[res];
	if (unew.v != 0)
		p->rlim[res] = nl;
	fw_mutex_unlock(&p->lock);
	if (uold.v != 0)
		return fw_copy_to_user(p->vm, uold, &old, sizeof(old));
	return 0;
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
