/*
 * services/fs/sys_umask.c: umask(2): sets the creation mask to mask & 0777
 * and returns the old one, in the
 * fs_struct CLONE_FS shares.  Locks: proc->lock, then the fs_struct's.
 */
#include <svc/syscall.h>
#include "fs.h"

SYSCALL(umask)
{
	struct fs_struct *fs = proc_fs(t->proc);
	uint32_t old;

	/* The caller's own thread keeps its process's context. */
	old = fs_struct_set_umask(fs, (uint32_t)a->a[0] & 0777);
	fs_struct_unref(fs);
	return old;
}
