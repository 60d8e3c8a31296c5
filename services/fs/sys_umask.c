/*
 * services/fs/sys_umask.c: umask(2): sets the creation mask to mask & 0777
 * and returns the old one.  Locks: proc->lock.
 */
#include <svc/syscall.h>
#include "fs.h"

SYSCALL(umask)
{
	struct proc *p = t->proc;
	uint32_t old;

	fw_mutex_lock(&p->lock);
	old = p->umask;
	p->umask = (uint32_t)a->a[0] & 0777;
	fw_mutex_unlock(&p->lock);
	return old;
}
