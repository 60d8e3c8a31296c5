/*
 * services/fs/fdtable.c: descriptor tables.  A table maps small integers
 * to counted open files, with FD_CLOEXEC per descriptor; it grows on
 * demand up to the process's RLIMIT_NOFILE (1024 by default) and is
 * shared by threads (and CLONE_FILES), hence its own lock.
 *
 * Locks used to protect fields in this file:
 *	a	atomic
 *	l	fds->lock
 * Lock order: fds->lock, then file->lock and fs_lock; file_unref() never
 * takes fds->lock.  p->fds and a thread's own t->fds only change in the
 * process's own syscalls (execve, unshare), so a syscall may read them
 * unlocked.
 */
#include <fw/alloc.h>
#include <svc/file.h>
#include <svc/lib.h>
#include <svc/vfs.h>
#include "fs.h"
#include "lock.h"

#define RLIMIT_NOFILE	7
#define FDTABLE_HARD_MAX	(1 << 20)

struct fdtable {
	struct fw_mutex	 lock;
	atomic_uint	 nref;		/* [a] */
	int		 cap;		/* [l] */
	struct file	**files;	/* [l] */
	uint8_t		*cloexec;	/* [l] */
};

/*
 * Drops the table's reference to f, a descriptor just closed: the POSIX
 * locks the table's owner holds on the file go first (close(2)).
 */
static void
fd_drop(const struct fdtable *fds, struct file *f)
{
	if (f == NULL)
		return;
	lock_posix_close(fds, f);
	file_unref(f);
}

int
fdtable_new(struct fdtable **out)
{
	struct fdtable *fds;

	if ((fds = fw_zalloc(1, sizeof(*fds))) == NULL)
		return -ENOMEM;
	fw_mutex_init(&fds->lock);
	atomic_init(&fds->nref, 1);
	*out = fds;
	return 0;
}

struct fdtable *
fdtable_ref(struct fdtable *fds)
{
	atomic_fetch_add(&fds->nref, 1);
	return fds;
}

void
fdtable_unref(struct fdtable *fds)
{
	int i;

	if (fds == NULL || atomic_fetch_sub(&fds->nref, 1) != 1)
		return;
	for (i = 0; i < fds->cap; i++)
		fd_drop(fds, fds->files[i]);
	fw_free(fds->files);
	fw_free(fds->cloexec);
	fw_free(fds);
}

/* Grows the arrays to hold descriptor fd.  -ENOMEM. */
static int
fdtable_grow_locked(struct fdtable *fds, int fd) FW_REQUIRES(&fds->lock)
{
	int cap = fds->cap ? fds->cap : 16;
	struct file **files;
	uint8_t *ce;

	while (cap <= fd)
		cap *= 2;
	if (cap <= fds->cap)
		return 0;
	/* NOLINTNEXTLINE(bugprone-sizeof-expression): an array of pointers */
	if ((files = fw_realloc(fds->files, (size_t)cap * sizeof(*files))) ==
	    NULL)
		return -ENOMEM;
	fds->files = files;
	if ((ce = fw_realloc(fds->cloexec, (size_t)cap)) == NULL)
		return -ENOMEM;
	fds->cloexec = ce;
	/* NOLINTNEXTLINE(bugprone-sizeof-expression): an array of pointers */
	memset(files + fds->cap, 0, (size_t)(cap - fds->cap) * sizeof(*files));
	memset(ce + fds->cap, 0, (size_t)(cap - fds->cap));
	fds->cap = cap;
	return 0;
}

/* RLIMIT_NOFILE's soft limit; 0 (not set up) means the default. */
static int
fd_limit(struct proc *p)
{
	uint64_t cur;

	fw_mutex_lock(&p->lock);
	cur = p->rlim[RLIMIT_NOFILE].cur;
	fw_mutex_unlock(&p->lock);
	if (cur == 0)
		return FDTABLE_DEFAULT_MAX;
	return cur > FDTABLE_HARD_MAX ? FDTABLE_HARD_MAX : (int)cur;
}

int
fd_install_from(struct proc *p, struct file *f, int min, bool cloexec)
{
	struct fdtable *fds = proc_fdtable(p);
	int limit = fd_limit(p), fd, err;

	if (min < 0 || min >= limit)
		return -EINVAL;
	fw_mutex_lock(&fds->lock);
	for (fd = min; fd < fds->cap && fds->files[fd] != NULL; fd++)
		;
	if (fd >= limit) {
		err = -EMFILE;
		goto out;
	}
	if ((err = fdtable_grow_locked(fds, fd)) < 0)
		goto out;
	fds->files[fd] = file_ref(f);
	fds->cloexec[fd] = cloexec;
	err = fd;
out:
	fw_mutex_unlock(&fds->lock);
	return err;
}

int
fd_install(struct proc *p, struct file *f, bool cloexec)
{
	return fd_install_from(p, f, 0, cloexec);
}

int
fd_install_at(struct proc *p, struct file *f, int fd, bool cloexec)
{
	struct fdtable *fds = proc_fdtable(p);
	struct file *old = NULL;
	int err;

	if (fd < 0 || fd >= fd_limit(p))
		return -EBADF;
	fw_mutex_lock(&fds->lock);
	if ((err = fdtable_grow_locked(fds, fd)) == 0) {
		old = fds->files[fd];
		fds->files[fd] = file_ref(f);
		fds->cloexec[fd] = cloexec;
		err = fd;
	}
	fw_mutex_unlock(&fds->lock);
	fd_drop(fds, old);
	return err;
}

int
fd_get(struct proc *p, int fd, struct file **out)
{
	struct fdtable *fds = proc_fdtable(p);
	int err = -EBADF;

	fw_mutex_lock(&fds->lock);
	if (fd >= 0 && fd < fds->cap && fds->files[fd] != NULL) {
		*out = file_ref(fds->files[fd]);
		err = 0;
	}
	fw_mutex_unlock(&fds->lock);
	return err;
}

int
fdtable_get(struct fdtable *fds, int fd, struct file **out, bool *cloexec)
{
	int err = -EBADF;

	fw_mutex_lock(&fds->lock);
	if (fd >= 0 && fd < fds->cap && fds->files[fd] != NULL) {
		*out = file_ref(fds->files[fd]);
		if (cloexec != NULL)
			*cloexec = fds->cloexec[fd];
		err = 0;
	}
	fw_mutex_unlock(&fds->lock);
	return err;
}

int
fdtable_next(struct fdtable *fds, int from)
{
	int fd, found = -1;

	fw_mutex_lock(&fds->lock);
	for (fd = from < 0 ? 0 : from; fd < fds->cap; fd++) {
		if (fds->files[fd] != NULL) {
			found = fd;
			break;
		}
	}
	fw_mutex_unlock(&fds->lock);
	return found;
}

int
fd_close(struct proc *p, int fd)
{
	struct fdtable *fds = proc_fdtable(p);
	struct file *f = NULL;

	fw_mutex_lock(&fds->lock);
	if (fd >= 0 && fd < fds->cap) {
		f = fds->files[fd];
		fds->files[fd] = NULL;
		fds->cloexec[fd] = 0;
	}
	fw_mutex_unlock(&fds->lock);
	if (f == NULL)
		return -EBADF;
	fd_drop(fds, f);
	return 0;
}

int
fd_get_cloexec(struct proc *p, int fd)
{
	struct fdtable *fds = proc_fdtable(p);
	int err = -EBADF;

	fw_mutex_lock(&fds->lock);
	if (fd >= 0 && fd < fds->cap && fds->files[fd] != NULL)
		err = fds->cloexec[fd];
	fw_mutex_unlock(&fds->lock);
	return err;
}

int
fd_set_cloexec(struct proc *p, int fd, bool on)
{
	struct fdtable *fds = proc_fdtable(p);
	int err = -EBADF;

	fw_mutex_lock(&fds->lock);
	if (fd >= 0 && fd < fds->cap && fds->files[fd] != NULL) {
		fds->cloexec[fd] = on;
		err = 0;
	}
	fw_mutex_unlock(&fds->lock);
	return err;
}

void
fdtable_close_on_exec(struct fdtable *fds)
{
	int i;

	fw_mutex_lock(&fds->lock);
	for (i = 0; i < fds->cap; i++) {
		if (fds->files[i] != NULL && fds->cloexec[i]) {
			fd_drop(fds, fds->files[i]);
			fds->files[i] = NULL;
			fds->cloexec[i] = 0;
		}
	}
	fw_mutex_unlock(&fds->lock);
}

int
fdtable_dup(struct fdtable *fds, struct fdtable **out)
{
	struct fdtable *n;
	int i, err;

	if ((err = fdtable_new(&n)) < 0)
		return err;
	fw_mutex_lock(&fds->lock);
	fw_mutex_lock(&n->lock);
	if (fds->cap > 0 && (err = fdtable_grow_locked(n, fds->cap - 1)) == 0) {
		for (i = 0; i < fds->cap; i++) {
			if (fds->files[i] != NULL)
				n->files[i] = file_ref(fds->files[i]);
			n->cloexec[i] = fds->cloexec[i];
		}
	}
	fw_mutex_unlock(&n->lock);
	fw_mutex_unlock(&fds->lock);
	if (err < 0) {
		fdtable_unref(n);
		return err;
	}
	*out = n;
	return 0;
}

struct fdtable *
proc_fdtable(struct proc *p)
{
	struct thread *t = thread_current();

	if (t != NULL && t->proc == p && t->fds != NULL)
		return t->fds;
	return p->fds;
}

/*
 * unshare(CLONE_FILES), close_range(2)'s CLOSE_RANGE_UNSHARE, execve(2):
 * the calling thread gets a table of its own when it shares one with
 * another thread or process.  Alone in p, its table becomes p's.
 * 0 or -ENOMEM.
 */
int
fdtable_unshare(struct proc *p)
{
	struct thread *t = thread_current();
	struct fdtable *old, *n;
	bool alone;
	int err;

	alone = thread_alone(t, p);
	if (!alone) {
		/* Threads share p->fds without counting: copy it. */
		if (t->fds != NULL && atomic_load(&t->fds->nref) == 1)
			return 0;
		if ((err = fdtable_dup(proc_fdtable(p), &n)) < 0)
			return err;
		old = t->fds;
		t->fds = n;
		fdtable_unref(old);
		return 0;
	}
	if (t != NULL)
		thread_settle_own(t);
	if (atomic_load(&p->fds->nref) == 1)
		return 0;
	if ((err = fdtable_dup(p->fds, &n)) < 0)
		return err;
	fw_mutex_lock(&p->lock);
	old = p->fds;
	p->fds = n;
	fw_mutex_unlock(&p->lock);
	fdtable_unref(old);
	return 0;
}

/* The lowest open descriptor in [fd, last], or -1. */
static int
fd_next_locked(struct fdtable *fds, unsigned int fd, unsigned int last)
    FW_REQUIRES(&fds->lock)
{
	for (; fd <= last && fd < (unsigned int)fds->cap; fd++) {
		if (fds->files[fd] != NULL)
			return (int)fd;
	}
	return -1;
}

void
fd_close_range(struct proc *p, unsigned int first, unsigned int last,
    bool cloexec)
{
	struct fdtable *fds = proc_fdtable(p);
	struct file *f;
	int fd;

	for (;;) {
		fw_mutex_lock(&fds->lock);
		if ((fd = fd_next_locked(fds, first, last)) < 0) {
			fw_mutex_unlock(&fds->lock);
			return;
		}
		if (cloexec) {
			for (; fd >= 0; fd = fd_next_locked(fds,
			    (unsigned int)fd + 1, last))
				fds->cloexec[fd] = 1;
			fw_mutex_unlock(&fds->lock);
			return;
		}
		f = fds->files[fd];
		fds->files[fd] = NULL;
		fds->cloexec[fd] = 0;
		fw_mutex_unlock(&fds->lock);
		fd_drop(fds, f);
		first = (unsigned int)fd + 1;
	}
}
