/*
 * proc/sys_exit.c: exit(2) and exit_group(2).  While processes have one
 * thread, ending the thread ends the process; the thread loop notices
 * proc->exiting on its way back to user mode.  Locks: proc->lock.
 */
#include <svc/proc.h>
#include <svc/syscall.h>

SYSCALL(exit)
{
	proc_exit(t->proc, (int)(a->a[0] & 0xff) << 8);
	return 0;
}

SYSCALL(exit_group)
{
	proc_exit(t->proc, (int)(a->a[0] & 0xff) << 8);
	return 0;
}
