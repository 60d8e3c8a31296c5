/*
 * proc/thread_own.c: what a thread may hold apart from its process: a
 * descriptor table and an fs context of its own (clone(2) of CLONE_THREAD
 * without CLONE_FILES or CLONE_FS, unshare(2) in a threaded process).
 * The process's own table and context stay those of its other threads,
 * and of /proc/<pid>/fd and pidfd_getfd(2).
 *
 * Interface: thread_current, thread_alone, thread_settle_own (svc/proc.h).
 * Locks: proc->lock to swap the process's pointers; t's own are [t].
 */
#include <fw/task.h>
#include <svc/proc.h>
#include <svc/vfs.h>

struct thread *
thread_current(void)
{
	return fw_task_data(fw_task_current());
}

bool
thread_alone(struct thread *t, struct proc *p)
{
	bool alone;

	fw_mutex_lock(&p->lock);
	alone = t == NULL || p->nthreads <= 1;
	fw_mutex_unlock(&p->lock);
	return alone;
}

void
thread_settle_own(struct thread *t)
{
	struct proc *p = t->proc;
	struct fdtable *fds = NULL;
	struct fs_struct *fs = NULL;

	fw_mutex_lock(&p->lock);
	if (t->fds != NULL) {
		fds = p->fds;
		p->fds = t->fds;
		t->fds = NULL;
	}
	if (t->fs != NULL) {
		fs = p->fs;
		p->fs = t->fs;
		t->fs = NULL;
	}
	fw_mutex_unlock(&p->lock);
	fdtable_unref(fds);
	fs_struct_unref(fs);
}
