/*
 * services/fs/sys_fcntl.c: fcntl(2) (F_DUPFD, F_DUPFD_CLOEXEC, F_GETFD,
 * F_SETFD, F_GETFL, F_SETFL), dup(2), dup2(2) and dup3(2).  F_SETFL
 * changes O_APPEND, O_NONBLOCK and O_NOATIME (the owner's, else EPERM)
 * and is EBADF on O_PATH; the lock, pipe and seal commands are in
 * sys_flock.c (fcntl_more()), and unknown ones EINVAL there.
 * dup2 of a descriptor onto itself checks it and returns it; dup3 refuses
 * that (EINVAL) and any flag but O_CLOEXEC.
 * Locks: the fdtable's, inside fd_*(); flags are atomic.
 */
#include <svc/file.h>
#include <svc/syscall.h>
#include <svc/vfs.h>
#include "fs.h"

#define SETFL_MASK	(LINUX_O_APPEND | LINUX_O_NONBLOCK | LINUX_O_NOATIME)

/* setfl(): O_NOATIME only for the owner or CAP_FOWNER (EPERM). */
static int
fcntl_noatime_ok(struct proc *p, struct file *f)
{
	struct fsctx c;
	int err = 0;

	if (f->vnode == NULL)
		return 0;
	fsctx_get(p, &c);
	fw_mutex_lock(&fs_lock);
	if (c.cred.fsuid != 0 && c.cred.fsuid != f->vnode->uid)
		err = -EPERM;
	fw_mutex_unlock(&fs_lock);
	fsctx_put(&c);
	return err;
}

static long
fcntl_dupfd(struct proc *p, int fd, uint64_t min, bool cloexec)
{
	struct file *f;
	int err;

	if ((err = fd_get(p, fd, &f)) < 0)
		return err;
	err = min > INT32_MAX ? -EINVAL :
	    fd_install_from(p, f, (int)min, cloexec);
	file_unref(f);
	return err;
}

static long
fcntl_fl(struct proc *p, int fd, bool set, uint64_t arg)
{
	unsigned int old, new;
	struct file *f;
	int err;

	if ((err = fd_get(p, fd, &f)) < 0)
		return err;
	old = atomic_load(&f->flags);
	if (!set) {
		file_unref(f);
		return old;
	}
	if ((old & LINUX_O_PATH) || ((arg & LINUX_O_NOATIME) &&
	    !(old & LINUX_O_NOATIME) && (err = fcntl_noatime_ok(p, f)) < 0)) {
		file_unref(f);
		return (old & LINUX_O_PATH) ? -EBADF : err;
	}
	do {
		new = (old & ~(unsigned int)SETFL_MASK) |
		    ((unsigned int)arg & SETFL_MASK);
	} while (!atomic_compare_exchange_weak(&f->flags, &old, new));
	file_unref(f);
	return 0;
}

SYSCALL(fcntl)
{
	struct proc *p = t->proc;
	int fd = (int)a->a[0];

	switch ((int)a->a[1]) {
	case LINUX_F_DUPFD:
		return fcntl_dupfd(p, fd, a->a[2], false);
	case LINUX_F_DUPFD_CLOEXEC:
		return fcntl_dupfd(p, fd, a->a[2], true);
	case LINUX_F_GETFD:
		return fd_get_cloexec(p, fd);
	case LINUX_F_SETFD:
		return fd_set_cloexec(p, fd, (a->a[2] & LINUX_FD_CLOEXEC) != 0);
	case LINUX_F_GETFL:
		return fcntl_fl(p, fd, false, 0);
	case LINUX_F_SETFL:
		return fcntl_fl(p, fd, true, a->a[2]);
	default:
		return fcntl_more(t, fd, (int)a->a[1], a->a[2]);
	}
}

SYSCALL(dup)
{
	return fcntl_dupfd(t->proc, (int)a->a[0], 0, false);
}

static long
do_dup3(struct proc *p, int oldfd, int newfd, int flags)
{
	struct file *f;
	int err;

	if (flags & ~LINUX_O_CLOEXEC)
		return -EINVAL;
	if (newfd < 0)
		return -EBADF;
	if ((err = fd_get(p, oldfd, &f)) < 0)
		return err;
	err = fd_install_at(p, f, newfd, (flags & LINUX_O_CLOEXEC) != 0);
	file_unref(f);
	return err;
}

SYSCALL(dup2)
{
	struct proc *p = t->proc;
	int oldfd = (int)a->a[0], newfd = (int)a->a[1];
	struct file *f;
	int err;

	if (oldfd == newfd) {
		if ((err = fd_get(p, oldfd, &f)) < 0)
			return err;
		file_unref(f);
		return newfd;
	}
	return do_dup3(p, oldfd, newfd, 0);
}

SYSCALL(dup3)
{
	if ((int)a->a[0] == (int)a->a[1])
		return -EINVAL;
	return do_dup3(t->proc, (int)a->a[0], (int)a->a[1], (int)a->a[2]);
}
