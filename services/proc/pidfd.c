/*
 * proc/pidfd.c: pidfds (svc/pidfd.h), and pidfd_open(2) and
 * pidfd_getfd(2) (kernel/pid.c, kernel/fork.c pidfd_prepare).  A process
 * gets its handle with its first pidfd; the handle keeps the pid, a link
 * to the process until proc_free() cuts it, the exit and reap states and
 * the head its pollers hang on.  Each pidfd holds a reference to the
 * handle, so a pidfd polled or kept after the reap stays valid.
 *
 * Not built: PIDFD_THREAD (a pidfd of one thread): EINVAL, as before
 * Linux 6.9; so CLONE_PIDFD with CLONE_THREAD is EINVAL too (clone.c).
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

int
pidfd_create_locked(struct proc *p, unsigned int flags, struct file **out)
{
	struct pidfd_handle *h = p->pidfd;
	struct file *f;
	int err;

	if (h == NULL) {
		if ((h = fw_zalloc(1, sizeof(*h))) == NULL)
			return -ENOMEM;
		atomic_init(&h->nref, 1);	/* p's */
		h->pid = p->pid;
		h->proc = p;
		/* Set before the exit takes proc_table_lock (pidfd_exited). */
		atomic_init(&h->exited, atomic_load(&p->dead));
		atomic_init(&h->reaped, false);
		pollhead_init(&h->ph);
		p->pidfd = h;
	}
	if ((err = file_alloc(&pidfd_ops, NULL, LINUX_O_RDWR |
	    (flags & LINUX_O_NONBLOCK), false, &f)) < 0)
		return err;
	atomic_fetch_add(&h->nref, 1);
	f->priv = h;
	*out = f;
	return 0;
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
pidfd_pid_of(struct proc *self, int fd, bool *nonblock, bool *reaped)
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

void
pidfd_freed_locked(struct proc *p)
{
	struct pidfd_handle *h = p->pidfd;

	if (h == NULL)
		return;
	p->pidfd = NULL;
	h->proc = NULL;
	atomic_store(&h->exited, true);
	atomic_store(&h->reaped, true);
	poll_notify(&h->ph, 0);
	pidfd_handle_unref(h);
}

/* pidfd_open(pid, flags): always close-on-exec. */
SYSCALL(pidfd_open)
{
	int pid = (int)a->a[0], err;
	uint64_t flags = (uint32_t)a->a[1];
	struct file *f;
	struct proc *p;

	if (flags & ~(uint64_t)(LINUX_O_NONBLOCK | LINUX_O_EXCL))
		return -EINVAL;
	if ((flags & LINUX_O_EXCL) || pid <= 0)
		return -EINVAL;			/* PIDFD_THREAD: not built */
	fw_mutex_lock(&proc_table_lock);
	if ((p = proc_find_locked(pid)) == NULL)
		err = -ESRCH;
	else if (p->pid != pid)
		err = -ENOENT;			/* a thread, not a leader */
	else
		err = pidfd_create_locked(p, (unsigned int)flags, &f);
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
