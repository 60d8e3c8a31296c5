/*
 * services/fs/sys_flock.c: flock(2), and the fcntl(2) commands beyond the
 * descriptor ones (sys_fcntl.c): record locks (F_GETLK, F_SETLK,
 * F_SETLKW and the F_OFD_ forms; lock.c does the work), pipe sizes
 * (F_GETPIPE_SZ, F_SETPIPE_SZ: services/ipc/pipe.c) and seals
 * (F_ADD_SEALS, F_GET_SEALS: vext.c).  LOCK_MAND, long gone from Linux,
 * is accepted and ignored as Linux does; any other operation than
 * LOCK_SH, LOCK_EX or LOCK_UN (with LOCK_NB) is EINVAL.  An O_PATH
 * descriptor is EBADF to all of these.  Record and flock locks need a
 * file of the file system (EINVAL for pipes and consoles here).
 * Locks: none of its own.
 */
#include <fw/uaccess.h>
#include <svc/file.h>
#include <svc/pipe.h>
#include <svc/syscall.h>
#include <svc/vfs.h>
#include "fs.h"
#include "lock.h"
#include "vext.h"

#define LOCK_MAND	32

SYSCALL(flock)
{
	int op = (int)a->a[1], type = op & ~LINUX_LOCK_NB, err;
	struct file *f;

	if (op & LOCK_MAND)
		return 0;
	if (type != LINUX_LOCK_SH && type != LINUX_LOCK_EX &&
	    type != LINUX_LOCK_UN)
		return -EINVAL;
	if ((err = fd_get(t->proc, (int)a->a[0], &f)) < 0)
		return err;
	if (atomic_load(&f->flags) & LINUX_O_PATH)
		err = -EBADF;
	else if (f->vnode == NULL)
		err = -EINVAL;
	else
		err = lock_flock(f, op);
	file_unref(f);
	return err;
}

static long
fcntl_lock(struct proc *p, int fd, struct file *f, int cmd, uint64_t uarg)
{
	struct linux_flock fl;
	int err;

	if ((err = fw_copy_from_user(p->vm, &fl, fw_uaddr(uarg),
	    sizeof(fl))) < 0)
		return err;
	if (f->vnode == NULL)
		return -EINVAL;
	if ((err = lock_fcntl(p, fd, f, cmd, &fl)) < 0)
		return err;
	if (cmd == LINUX_F_GETLK || cmd == LINUX_F_OFD_GETLK)
		return fw_copy_to_user(p->vm, fw_uaddr(uarg), &fl, sizeof(fl));
	return 0;
}

/* The commands of this file on f (not O_PATH): -EINVAL for others. */
static long
fcntl_cmd(struct thread *t, int fd, struct file *f, int cmd, uint64_t arg)
{
	struct proc *p = t->proc;
	bool privileged;

	switch (cmd) {
	case LINUX_F_GETLK:
	case LINUX_F_SETLK:
	case LINUX_F_SETLKW:
	case LINUX_F_OFD_GETLK:
	case LINUX_F_OFD_SETLK:
	case LINUX_F_OFD_SETLKW:
		return fcntl_lock(p, fd, f, cmd, arg);
	case LINUX_F_GETPIPE_SZ:
		return pipe_get_size(f);
	case LINUX_F_SETPIPE_SZ:
		fw_mutex_lock(&p->lock);
		privileged = p->cred.euid == 0;	/* CAP_SYS_RESOURCE */
		fw_mutex_unlock(&p->lock);
		return pipe_set_size(f, (unsigned int)arg, privileged);
	case LINUX_F_ADD_SEALS:
		return seal_add(f, (uint32_t)arg);
	case LINUX_F_GET_SEALS:
		return seal_get(f);
	default:
		return -EINVAL;
	}
}

long
fcntl_more(struct thread *t, int fd, int cmd, uint64_t arg)
{
	struct file *f;
	long r;
	int err;

	if ((err = fd_get(t->proc, fd, &f)) < 0)
		return err;
	if (atomic_load(&f->flags) & LINUX_O_PATH)
		r = -EBADF;
	else
		r = fcntl_cmd(t, fd, f, cmd, arg);
	file_unref(f);
	return r;
}
