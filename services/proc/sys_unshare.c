/*
 * proc/sys_unshare.c: unshare(2), with kernel/fork.c's rules: the flags
 * implied (CLONE_NEWUSER takes CLONE_THREAD and CLONE_FS, CLONE_VM takes
 * CLONE_SIGHAND, CLONE_SIGHAND takes CLONE_THREAD, CLONE_NEWNS takes
 * CLONE_FS), EINVAL for unknown flags and for CLONE_THREAD, SIGHAND or VM
 * in a process with other threads, sharing its memory or its signal
 * actions, then the namespaces (one of each kind: EPERM or EINVAL,
 * proc_namespaces), and only then CLONE_FS and CLONE_FILES, which give the
 * calling thread an fs context or a descriptor table of its own when
 * another thread or process shares it (proc/thread_own.c).
 * CLONE_SYSVSEM changes nothing (no SysV semaphores).
 *
 * Locks: proc->lock to read the thread count; the table's own.
 */
#include <fw/errno.h>
#include <svc/file.h>
#include <svc/mm.h>
#include <svc/proc.h>
#include <svc/syscall.h>
#include <uapi/wait.h>

#define UNSHARE_NS	(LINUX_CLONE_NEWNS | LINUX_CLONE_NEWCGROUP | \
	LINUX_CLONE_NEWUTS | LINUX_CLONE_NEWIPC | LINUX_CLONE_NEWUSER | \
	LINUX_CLONE_NEWPID | LINUX_CLONE_NEWNET | LINUX_CLONE_NEWTIME)
#define UNSHARE_FLAGS	(UNSHARE_NS | LINUX_CLONE_THREAD | LINUX_CLONE_FS | \
	LINUX_CLONE_SIGHAND | LINUX_CLONE_VM | LINUX_CLONE_FILES | \
	LINUX_CLONE_SYSVSEM)

SYSCALL(unshare)
{
	uint64_t flags = a->a[0];
	struct proc *p = t->proc;
	bool alone, mm_shared, sh_shared;
	long err;

	if (flags & ~UNSHARE_FLAGS)
		return -EINVAL;
	if (flags & LINUX_CLONE_NEWUSER)
		flags |= LINUX_CLONE_THREAD | LINUX_CLONE_FS;
	if (flags & LINUX_CLONE_VM)
		flags |= LINUX_CLONE_SIGHAND;
	if (flags & LINUX_CLONE_SIGHAND)
		flags |= LINUX_CLONE_THREAD;
	if (flags & LINUX_CLONE_NEWNS)
		flags |= LINUX_CLONE_FS;
	fw_mutex_lock(&p->lock);
	alone = p->nthreads == 1;
	mm_shared = atomic_load(&p->mm->nref) > 1;
	sh_shared = atomic_load(&p->sighand->nref) > 1;
	fw_mutex_unlock(&p->lock);
	if (!alone && (flags & (LINUX_CLONE_THREAD | LINUX_CLONE_SIGHAND |
	    LINUX_CLONE_VM)))
		return -EINVAL;
	if ((flags & LINUX_CLONE_VM) && mm_shared)
		return -EINVAL;
	/* A table of actions shared with another process stays shared. */
	if ((flags & (LINUX_CLONE_SIGHAND | LINUX_CLONE_VM)) && sh_shared)
		return -EINVAL;
	if ((err = proc_namespaces(p, flags & UNSHARE_NS)) < 0)
		return err;
	if ((flags & LINUX_CLONE_FS) && (err = fs_struct_unshare(p)) < 0)
		return err;
	if (flags & LINUX_CLONE_FILES)
		return fdtable_unshare(p);
	return 0;
}
