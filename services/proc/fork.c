/*
 * proc/fork.c: fork(2), vfork(2) and clone(2) for the flag sets that copy
 * a new process.  The child gets a copy-on-write copy of the memory
 * (mm_fork), a copy of the descriptor table sharing the open files, of the
 * fs context (root, cwd, umask) and of the signal actions (or the same
 * ones, with CLONE_FILES, CLONE_FS, CLONE_SIGHAND), credentials and
 * supplementary groups, limits, the dumpable and no_new_privs flags (not
 * the parent-death signal or the subreaper flag), and one thread that
 * resumes from the parent's registers with rax = 0.  CLONE_VM shares the
 * memory instead; CLONE_VFORK (vfork(2)) holds the parent until the child
 * execs or exits.
 *
 * RLIMIT_NPROC is enforced here, before the memory is copied.
 *
 * Interface: proc_fork, thread_copy_fpstate (svc/proc.h); sys_fork,
 * sys_vfork.
 * Locks: the parent's proc->lock while its fields are copied (then the
 * fdtable's lock inside fdtable_dup); mm_fork takes the parent's mm->lock.
 * The child is in the process table from proc_new on (so its ids are set
 * under its lock) but in the tree only from proc_link_child.
 */
#include <fw/alloc.h>
#include <fw/errno.h>
#include <fw/string.h>
#include <fw/uaccess.h>
#include <fw/waitq.h>
#include <fw/task.h>
#include <fw/user.h>
#include <fw/vm.h>
#include <svc/file.h>
#include <svc/ktimer.h>
#include <svc/mm.h>
#include <svc/pidfd.h>
#include <svc/proc.h>
#include <svc/syscall.h>
#include <svc/vfs.h>
#include <uapi/wait.h>

/*
 * A vfork parent's wait for its child (kernel/fork.c wait_for_vfork_done):
 * counted, since parent and child each drop it in their own time.
 */
struct vfork_done {
	atomic_uint	nref;
	atomic_bool	done;
	struct fw_waitq	wq;
};

static struct vfork_done *
vfork_new(void)
{
	struct vfork_done *vd;

	if ((vd = fw_zalloc(1, sizeof(*vd))) == NULL)
		return NULL;
	atomic_store(&vd->nref, 2);		/* the parent's, the child's */
	fw_waitq_init(&vd->wq);
	return vd;
}

static void
vfork_put(struct vfork_done *vd)
{
	if (atomic_fetch_sub(&vd->nref, 1) == 1)
		fw_free(vd);
}

static bool
vfork_is_done(void *arg)
{
	struct vfork_done *vd = arg;

	return atomic_load(&vd->done);
}

void
proc_vfork_release(struct proc *p)
{
	struct vfork_done *vd;

	fw_mutex_lock(&p->lock);
	vd = p->vfork;
	p->vfork = NULL;
	fw_mutex_unlock(&p->lock);
	if (vd == NULL)
		return;
	atomic_store(&vd->done, true);
	fw_waitq_wake_all(&vd->wq);
	vfork_put(vd);
}

/*
 * The parent sleeps until the child execs or exits.  Only its own end
 * cuts the wait short: other signals stay pending until after (the
 * interrupt is cleared; the queues still hold them).
 */
static void
vfork_wait(struct thread *t, struct vfork_done *vd)
{
	bool ending;

	while (fw_waitq_wait(&vd->wq, vfork_is_done, vd, FW_NO_DEADLINE,
	    true) != 0) {
		(void)fw_task_clear_interrupt();
		fw_mutex_lock(&t->proc->lock);
		ending = t->proc->exiting || t->exiting;
		fw_mutex_unlock(&t->proc->lock);
		if (ending)
			break;
	}
	vfork_put(vd);
}

/* Hides a child's threads from senders (kill) before they are freed. */
static void
fork_drop_threads(struct proc *c)
{
	fw_mutex_lock(&c->lock);
	c->threads = NULL;
	c->nthreads = 0;
	fw_mutex_unlock(&c->lock);
}

/* Frees a child that never ran. */
static void
fork_undo(struct proc *c, struct thread *ct)
{
	fork_drop_threads(c);
	proc_vfork_release(c);
	ktimer_exit(c);
	if (ct != NULL) {
		fw_uthread_free(ct->uthread);
		fw_free(ct);
	}
	fdtable_unref(c->fds);
	fs_struct_unref(c->fs);
	file_unref(c->exe);
	mm_free(c->mm);
	fw_vm_unref(c->vm);
	proc_free(c);
}

/*
 * Copies what the child inherits from p, but memory and threads: the
 * descriptor table itself with CLONE_FILES, the fs context itself with
 * CLONE_FS, the table of signal actions itself with CLONE_SIGHAND; signal
 * handlers back to SIG_DFL (SIG_IGN stays) with clone3's
 * CLONE_CLEAR_SIGHAND.
 */
static int
fork_copy_proc(struct proc *p, struct proc *c, uint64_t flags)
{
	struct sighand *sh = NULL, *old_sh = NULL;
	/* The calling thread's own, if it has them. */
	struct fs_struct *fs = proc_fs(p);
	struct fdtable *fds = proc_fdtable(p);
	struct cred cred;
	int pgid, sid, err;

	fw_mutex_lock(&p->lock);
	pgid = p->pgid;
	sid = p->sid;
	cred = p->cred;
	c->groups = proc_groups_ref(p->groups);
	c->dumpable = p->dumpable;
	c->no_new_privs = p->no_new_privs;
	memcpy(c->rlim, p->rlim, sizeof(c->rlim));
	memcpy(c->comm, p->comm, sizeof(c->comm));
	if (flags & LINUX_CLONE_SIGHAND)
		sh = sighand_ref(p->sighand);
	else
		sighand_copy(c->sighand, p->sighand,
		    (flags & LINUX_CLONE_CLEAR_SIGHAND) != 0);
	c->exe = p->exe != NULL ? file_ref(p->exe) : NULL;
	c->exe_denied = c->exe != NULL && file_deny_write(c->exe);
	err = 0;
	if (flags & LINUX_CLONE_FS)
		c->fs = fs_struct_ref(fs);
	else
		err = fs_struct_copy(fs, &c->fs);
	if (err == 0 && fds != NULL && (flags & LINUX_CLONE_FILES))
		c->fds = fdtable_ref(fds);
	else if (err == 0 && fds != NULL)
		err = fdtable_dup(fds, &c->fds);
	fw_mutex_unlock(&p->lock);
	fs_struct_unref(fs);
	/* The process table shows c already: these are read under c's lock. */
	fw_mutex_lock(&c->lock);
	c->pgid = pgid;
	c->sid = sid;
	c->cred = cred;
	if (sh != NULL) {
		old_sh = c->sighand;
		c->sighand = sh;
	}
	fw_mutex_unlock(&c->lock);
	sighand_unref(old_sh);
	return err;
}

/* Counts the processes whose real uid is the one in arg. */
struct fork_nproc {
	uint32_t	uid;
	uint64_t	count;
};

static bool
fork_count_uid(struct proc *q, void *arg)
{
	struct fork_nproc *n = arg;

	fw_mutex_lock(&q->lock);
	if (q->cred.uid == n->uid)
		n->count++;
	fw_mutex_unlock(&q->lock);
	return false;
}

/*
 * RLIMIT_NPROC, as copy_process() checks it: with the child counted, its
 * real user may own no more processes (zombies included) than p's soft
 * limit.  Root as the real user, or a parent with euid 0, is exempt.
 */
static int
fork_check_nproc(struct proc *p)
{
	struct fork_nproc n = { 0, 0 };
	uint64_t max;
	bool exempt;

	fw_mutex_lock(&p->lock);
	max = p->rlim[LINUX_RLIMIT_NPROC].cur;
	exempt = p->cred.uid == 0 || p->cred.euid == 0;
	n.uid = p->cred.uid;
	fw_mutex_unlock(&p->lock);
	if (exempt)
		return 0;
	fw_mutex_lock(&proc_table_lock);
	(void)proc_search_locked(fork_count_uid, &n);
	fw_mutex_unlock(&proc_table_lock);
	return n.count > max ? -EAGAIN : 0;
}

int
thread_copy_fpstate(struct thread *t, struct thread *ct)
{
	size_t n = fw_fpstate_size();
	uint8_t *img;
	int err;

	if ((img = fw_alloc(n)) == NULL)
		return -ENOMEM;
	if ((err = fw_uthread_fpstate_get(t->uthread, img, n)) == 0)
		err = fw_uthread_fpstate_set(ct->uthread, img, n);
	fw_free(img);
	return err == -EIO ? -EAGAIN : err;
}

/* The child's thread: the parent's registers, returning 0 from the call. */
static int
fork_thread(struct thread *t, struct proc *c, uint64_t flags, uint64_t newsp,
    uint64_t child_tid, uint64_t tls, struct thread **out)
{
	struct thread *ct;
	int err;

	if ((err = thread_new(c, &ct)) < 0)
		return err;
	if ((err = thread_clone_from(t, ct, c->vm, flags, newsp, child_tid,
	    tls)) < 0) {
		fork_drop_threads(c);
		fw_uthread_free(ct->uthread);
		fw_free(ct);
		return err;
	}
	ct->sigmask = t->sigmask;
	fw_mutex_lock(&t->proc->lock);
	ct->cpus = t->cpus;			/* the affinity is inherited */
	fw_mutex_unlock(&t->proc->lock);
	atomic_store(&ct->cpus_changed, ct->cpus != 0);
	ct->altstack_sp = t->altstack_sp;
	ct->altstack_size = t->altstack_size;
	ct->altstack_flags = t->altstack_flags;
	*out = ct;
	return 0;
}

int
proc_fork(struct thread *t, const struct clone_req *r)
{
	uint64_t flags = r->flags, newsp = r->newsp, tls = r->tls;
	uint64_t parent_tid = r->parent_tid, child_tid = r->child_tid;
	struct proc *p = t->proc, *c;
	struct thread *ct = NULL;
	struct vfork_done *vd = NULL;
	int err, pid, pidfd = -1;

	if ((err = proc_new(0, p->pid, &c)) < 0)
		return err;
	pid = c->pid;
	if ((err = fork_copy_proc(p, c, flags)) < 0 ||
	    (err = fork_check_nproc(p)) < 0)
		goto fail;
	if (flags & LINUX_CLONE_VM)
		c->mm = mm_ref(p->mm);		/* one memory, two processes */
	else if ((err = mm_fork(p->mm, &c->mm)) < 0)
		goto fail;
	c->vm = fw_vm_ref(c->mm->vm);
	c->exit_signal = (int)(flags & LINUX_CSIGNAL);
	if ((err = fork_thread(t, c, flags, newsp, child_tid, tls, &ct)) < 0)
		goto fail;
	if ((flags & LINUX_CLONE_VFORK) && (vd = vfork_new()) == NULL) {
		err = -ENOMEM;
		goto fail;
	}
	c->vfork = vd;
	if ((flags & LINUX_CLONE_PIDFD) &&
	    (err = pidfd_install_new(p, c, NULL, r->pidfd, &pidfd)) < 0)
		goto fail;
	if (flags & LINUX_CLONE_CHILD_SETTID)
		thread_put_tid(c->vm, child_tid, pid);
	if (flags & LINUX_CLONE_PARENT_SETTID)
		thread_put_tid(p->vm, parent_tid, pid);
	if ((err = proc_link_child(p, c,
	    (flags & LINUX_CLONE_PARENT) != 0)) < 0)
		goto fail;
	proc_cpu_watch(c);			/* an inherited RLIMIT_CPU */
	if ((err = thread_start(ct)) < 0) {
		proc_unlink_child(c);
		goto fail;
	}
	if (vd != NULL)
		vfork_wait(t, vd);
	return pid;
fail:
	if (pidfd >= 0)
		pidfd_install_undo(p, pidfd);
	fork_undo(c, ct);
	if (vd != NULL)
		vfork_put(vd);			/* the parent's reference */
	return err;
}

SYSCALL(fork)
{
	static const struct clone_req r = { LINUX_SIGCHLD, 0, 0, 0, 0, 0 };

	(void)a;
	return proc_fork(t, &r);
}

/* vfork(2): clone(CLONE_VM | CLONE_VFORK | SIGCHLD). */
SYSCALL(vfork)
{
	static const struct clone_req r = { LINUX_CLONE_VM |
	    LINUX_CLONE_VFORK | LINUX_SIGCHLD, 0, 0, 0, 0, 0 };

	(void)a;
	return proc_fork(t, &r);
}
