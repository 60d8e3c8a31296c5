/*
 * proc/sys_exit.c: exit(2) ends the calling thread alone (the process ends
 * with its last thread, with that thread's status); exit_group(2) ends every
 * thread of the process.  The thread loop notices on its way back to user
 * mode.  Locks: proc->lock.
 */
#include <svc/proc.h>
#include <svc/syscall.h>

SYSCALL(exit)
{
	struct proc *p = t->proc;

	fw_mutex_lock(&p->lock);
	t->exiting = true;
	t->exit_code = (int)(a->a[0] & 0xff) << 8;
	fw_mutex_unlock(&p->lock);
	return 0;
}

SYSCALL(exit_group)
{
	proc_exit(t->proc, (int)(a->a[0] & 0xff) << 8);
	return 0;
}
