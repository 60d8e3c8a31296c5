/*
 * proc/pidfd.c: pidfds (svc/pidfd.h), and pidfd_open(2) and
 * pidfd_getfd(2) (kernel/pid.c, kernel/fork.c pidfd_prepare).  A process
 * gets its handle with its first pidfd; the handle keeps the pid, a link
 * to the process until proc_free() cuts it, the exit and reap states and
 * the head its pollers hang on.  Each pidfd holds a reference to the
 * handle, so a pidfd polled or kept after the reap stays valid.
 *
 * A pidfd of one thread (PIDFD_THREAD, CLONE_PIDFD | CLONE_THREAD) has a
 * handle of its own, kept by the thread (the leader's by its process):
 * readable once that thread has ended, hung up once it is gone (a
 * non-leader at once, the leader when its process is reaped).  Signals
 * sent through it go to that thread.
 *
 * Interface: svc/pidfd.h; sys_pidfd_open, sys_pidfd_getfd.
 * Locks used to protect fields in this file:
 *	I	immutable after creation
 *	P	proc_table_lock
 *	a	atomic
 */
#include <fw/alloc.h>
#include <fw/errno.h>
#include <fw/string.h>
#include <fw/uaccess.h>
#include <svc/file.h>
#include <svc/pidfd.h>
#include <svc/poll.h>
#include <svc/proc.h>
#include <svc/syscall.h>
#include <svc/vfs.h>
#include <uapi/fcntl.h>
#include <uapi/fs.h>

struct pidfd_handle {
	atomic_uint	 nref;		/* [a] */
	int		 pid;		/* [I] */
	struct proc	*proc;		/* [P] NULL once reaped */
	atomic_bool	 exited;	/* [a] */
	atomic_bool	 reaped;	/* [a] */
	bool		 thread;	/* [I] PIDFD_THREAD: pid is a tid */
	struct pollhead	 ph;
};

static const struct file_ops pidfd_ops;

static void
pidfd_handle_unref(struct pidfd_handle *h)
{
	if (h != NULL && atomic_fetch_sub(&h->nref, 1) == 1)
		fw_free(h);
}

/* pidfd_poll: readable once exited, hung up once reaped. */
static uint32_t
pidfd_poll(struct file *f, struct poll_table *pt)
{
	struct pidfd_handle *h = f->priv;

	poll_wait(pt, &h->ph);
	if (atomic_load(&h->reaped))
		return LINUX_EPOLLIN | LINUX_EPOLLRDNORM | LINUX_EPOLLHUP;
	if (atomic_load(&h->exited))
		return LINUX_EPOLLIN | LINUX_EPOLLRDNORM;
	return 0;
}

/* As Linux's pidfs shows it: one inode per pid. */
static void
pidfd_stat(struct file *f, struct linux_stat *st)
{
	struct pidfd_handle *h = f->priv;

	st->st_dev = 5;
	st->st_ino = 0x80000000ULL + (uint64_t)h->pid;
	st->st_nlink = 1;
	st->st_mode = 0700;
	st->st_blksize = FW_PAGE_SIZE;
}

static void
pidfd_release(struct file *f)
{
	pidfd_handle_unref(f->priv);
}

static const struct file_ops pidfd_ops = {
	.anon_name = "pidfd",
	.poll = pidfd_poll,
	.stat = pidfd_stat,
	.release = pidfd_release,
};

/*
 * The handle in *slot (p's or one of its threads'), made if need be: pid,
 * and whether it names a thread.  NULL: -ENOMEM.
 */
static struct pidfd_handle *
pidfd_handle_get_locked(struct pidfd_handle **slot, struct proc *p, int pid,
    bool thread, bool exited) FW_REQUIRES(&proc_table_lock)
{
	struct pidfd_handle *h = *slot;

	if (h == NULL) {
		if ((h = fw_zalloc(1, sizeof(*h))) == NULL)
			return NULL;
		atomic_init(&h->nref, 1);	/* the slot's */
		h->pid = pid;
		h->proc = p;
		h->thread = thread;
		atomic_init(&h->exited, exited);
		atomic_init(&h->reaped, false);
		pollhead_init(&h->ph);
		*slot = h;
	}
	atomic_fetch_add(&h->nref, 1);
	return h;
}

/* A pidfd of h (one reference of the caller's, consumed). */
static int
pidfd_file(struct pidfd_handle *h, unsigned int flags, struct file **out)
{
	struct file *f;
	int err;

	if ((err = file_alloc(&pidfd_ops, NULL, LINUX_O_RDWR |
	    (flags & LINUX_O_NONBLOCK), false, &f)) < 0) {
		pidfd_handle_unref(h);
		return err;
	}
	f->priv = h;
	*out = f;
	return 0;
}

int
pidfd_create_locked(struct proc *p, unsigned int flags, struct file **out)
{
	struct pidfd_handle *h;

	/* exited is set before the exit takes proc_table_lock (pidfd_exited). */
	if ((h = pidfd_handle_get_locked(&p->pidfd, p, p->pid, false,
	    atomic_load(&p->dead))) == NULL)
		return -ENOMEM;
	return pidfd_file(h, flags, out);
}

int
pidfd_create_thread_locked(struct proc *p, struct thread *t,
    unsigned int flags, struct file **out)
{
	struct pidfd_handle *h;

	if (t->pidfd_ended)
		return -ESRCH;
	if ((h = pidfd_handle_get_locked(t->tid == p->pid ? &p->tpidfd :
	    &t->pidfd, p, t->tid, true, false)) == NULL)
		return -ENOMEM;
	return pidfd_file(h, flags, out);
}

int
pidfd_proc_locked(struct file *f, struct proc **out)
{
	struct pidfd_handle *h;

	if (f->ops != &pidfd_ops)
		return -EBADF;
	h = f->priv;
	if (h->proc == NULL)
		return -ESRCH;
	*out = h->proc;
	return 0;
}

int
pidfd_pid_of(struct proc *self, int fd, bool *nonblock, bool *reaped,
    bool *thread)
{
	struct pidfd_handle *h;
	struct file *f;
	int pid;

	if (fd_get(self, fd, &f) < 0)
		return -EBADF;
	if (f->ops != &pidfd_ops) {
		file_unref(f);
		return -EBADF;
	}
	h = f->priv;
	pid = h->pid;
	*nonblock = atomic_load(&f->flags) & LINUX_O_NONBLOCK;
	*reaped = atomic_load(&h->reaped);
	*thread = h->thread;
	file_unref(f);
	return pid;
}

void
pidfd_exited(struct proc *p)
{
	struct pidfd_handle *h;

	fw_mutex_lock(&proc_table_lock);
	if ((h = p->pidfd) != NULL) {
		atomic_store(&h->exited, true);
		poll_notify(&h->ph, LINUX_EPOLLIN | LINUX_EPOLLRDNORM);
	}
	fw_mutex_unlock(&proc_table_lock);
}

/* What *slot names is gone: its pidfds hang up and name nothing. */
static void
pidfd_cut_locked(struct pidfd_handle **slot) FW_REQUIRES(&proc_table_lock)
{
	struct pidfd_handle *h = *slot;

	if (h == NULL)
		return;
	*slot = NULL;
	h->proc = NULL;
	atomic_store(&h->exited, true);
	atomic_store(&h->reaped, true);
	poll_notify(&h->ph, 0);
	pidfd_handle_unref(h);
}

void
pidfd_freed_locked(struct proc *p)
{
	pidfd_cut_locked(&p->pidfd);
	pidfd_cut_locked(&p->tpidfd);
}

void
pidfd_thread_ended(struct thread *t)
{
	struct proc *p = t->proc;
	struct pidfd_handle *h;

	fw_mutex_lock(&proc_table_lock);
	t->pidfd_ended = true;
	if (t->tid != p->pid)
		pidfd_cut_locked(&t->pidfd);	/* a thread leaves no zombie */
	else if ((h = p->tpidfd) != NULL) {
		atomic_store(&h->exited, true);
		poll_notify(&h->ph, LINUX_EPOLLIN | LINUX_EPOLLRDNORM);
	}
	fw_mutex_unlock(&proc_table_lock);
}

int
pidfd_install_new(struct proc *self, struct proc *c, struct thread *ct,
    uint64_t upidfd, int *fd)
{
	struct file *f;
	int32_t n;
	int err;

	fw_mutex_lock(&proc_table_lock);
	err = ct != NULL ? pidfd_create_thread_locked(c, ct, 0, &f) :
	    pidfd_create_locked(c, 0, &f);
	fw_mutex_unlock(&proc_table_lock);
	if (err < 0)
		return err;
	n = fd_install(self, f, true);
	file_unref(f);
	if (n < 0)
		return n;
	if (fw_copy_to_user(self->vm, fw_uaddr(upidfd), &n, sizeof(n)) < 0) {
		pidfd_install_undo(self, n);
		return -EFAULT;
	}
	*fd = n;
	return 0;
}

void
pidfd_install_undo(struct proc *self, int fd)
{
	if (fd_close(self, fd) < 0)
		return;			/* another thread closed it first */
}

/* p's thread tid, still on its list, or NULL. */
static struct thread *
pidfd_thread_locked(struct proc *p, int tid) FW_REQUIRES(&proc_table_lock)
{
	struct thread *t;

	fw_mutex_lock(&p->lock);
	for (t = p->threads; t != NULL && t->tid != tid; t = t->next_thread)
		;
	fw_mutex_unlock(&p->lock);
	return t;
}

/*
 * pidfd_open(pid, flags): always close-on-exec.  PIDFD_THREAD (O_EXCL)
 * names the thread pid, any thread; else pid must lead its process
 * (ENOENT), as Linux 6.15's pidfd_prepare has it.
 */
SYSCALL(pidfd_open)
{
	int pid = (int)a->a[0], err;
	uint64_t flags = (uint32_t)a->a[1];
	struct thread *th;
	struct file *f;
	struct proc *p;

	if (flags & ~(uint64_t)(LINUX_O_NONBLOCK | LINUX_O_EXCL))
		return -EINVAL;
	if (pid <= 0)
		return -EINVAL;
	fw_mutex_lock(&proc_table_lock);
	p = proc_find_locked(pid);
	th = p != NULL && (flags & LINUX_O_EXCL) ?
	    pidfd_thread_locked(p, pid) : NULL;
	if (p == NULL || ((flags & LINUX_O_EXCL) && th == NULL))
		err = -ESRCH;			/* gone: only its pid is left */
	else if (th == NULL)
		err = p->pid != pid ? -ENOENT :
		    pidfd_create_locked(p, (unsigned int)flags, &f);
	else
		err = pidfd_create_thread_locked(p, th, (unsigned int)flags,
		    &f);
	fw_mutex_unlock(&proc_table_lock);
	if (err < 0)
		return err;
	err = fd_install(t->proc, f, true);
	file_unref(f);
	return err;
}

/*
 * ptrace_may_access(PTRACE_MODE_ATTACH_REALCREDS) as far as Trellis has
 * it: oneself, root (CAP_SYS_PTRACE), or the same real ids all round on
 * a dumpable process.
 */
static bool
pidfd_may_access(struct proc *self, struct proc *q)
{
	struct cred me, them;
	bool dumpable;

	if (q == self)
		return true;
	fw_mutex_lock(&self->lock);
	me = self->cred;
	fw_mutex_unlock(&self->lock);
	if (me.euid == 0)
		return true;
	fw_mutex_lock(&q->lock);
	them = q->cred;
	dumpable = q->dumpable;
	fw_mutex_unlock(&q->lock);
	return dumpable && me.uid == them.uid && me.uid == them.euid &&
	    me.uid == them.suid && me.gid == them.gid &&
	    me.gid == them.egid && me.gid == them.sgid;
}

/*
 * The file at q's fd: 0 with *out referenced, -EPERM, -EBADF; -ESRCH
 * when q is exiting and its files are gone (or going), as Linux's
 * __pidfd_fget.
 */
static int
pidfd_fget_locked(struct proc *self, struct proc *q, int fd,
    struct file **out) FW_REQUIRES(&proc_table_lock)
{
	int err;

	if (!pidfd_may_access(self, q))
		return -EPERM;
	fw_mutex_lock(&q->lock);
	err = q->fds != NULL ? fd_get(q, fd, out) : -EBADF;
	if (err == -EBADF && q->exiting)
		err = -ESRCH;
	fw_mutex_unlock(&q->lock);
	return err;
}

/* pidfd_getfd(pidfd, targetfd, flags): a copy, close-on-exec. */
SYSCALL(pidfd_getfd)
{
	struct file *pf, *f = NULL;
	struct proc *q;
	int err;

	if (a->a[2] != 0)
		return -EINVAL;
	if (fd_get(t->proc, (int)a->a[0], &pf) < 0)
		return -EBADF;
	fw_mutex_lock(&proc_table_lock);
	if ((err = pidfd_proc_locked(pf, &q)) == 0)
		err = pidfd_fget_locked(t->proc, q, (int)a->a[1], &f);
	fw_mutex_unlock(&proc_table_lock);
	file_unref(pf);
	if (err < 0)
		return err;
	err = fd_install(t->proc, f, true);
	file_unref(f);
	return err;
}
