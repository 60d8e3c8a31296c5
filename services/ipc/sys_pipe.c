/*
 * services/ipc/sys_pipe.c: pipe(2) and pipe2(2).  pipe2 takes O_CLOEXEC
 * and O_NONBLOCK; any other flag (O_DIRECT's packet mode included) is
 * EINVAL.  Both descriptors are installed before the copy-out: when that
 * faults, both are closed again and the call is EFAULT, as on Linux.
 * Locks: none of its own (the fdtable's, inside fd_*()).
 */
#include <fw/errno.h>
#include <fw/uaccess.h>
#include <svc/file.h>
#include <svc/proc.h>
#include <svc/syscall.h>
#include <svc/vfs.h>
#include <uapi/fcntl.h>
#include "ipc.h"

/* Takes back a descriptor just installed; only a racing close can beat it. */
static void
pipe_fd_undo(struct proc *p, int fd)
{
	if (fd_close(p, fd) < 0)
		return;		/* another thread closed it first */
}

static long
do_pipe2(struct proc *p, fw_uaddr_t ufds, uint64_t flags)
{
	bool cloexec = flags & LINUX_O_CLOEXEC;
	struct file *rd, *wr;
	int32_t fds[2];
	int err;

	if (flags & ~(uint64_t)(LINUX_O_CLOEXEC | LINUX_O_NONBLOCK))
		return -EINVAL;
	if ((err = pipe_create(flags & LINUX_O_NONBLOCK, &rd, &wr)) < 0)
		return err;
	if ((err = fd_install(p, rd, cloexec)) < 0)
		goto out;
	fds[0] = err;
	if ((err = fd_install(p, wr, cloexec)) < 0) {
		pipe_fd_undo(p, fds[0]);
		goto out;
	}
	fds[1] = err;
	if (fw_copy_to_user(p->vm, ufds, fds, sizeof(fds)) < 0) {
		pipe_fd_undo(p, fds[0]);
		pipe_fd_undo(p, fds[1]);
		err = -EFAULT;
		goto out;
	}
	err = 0;
out:
	file_unref(rd);
	file_unref(wr);
	return err;
}

SYSCALL(pipe)
{
	return do_pipe2(t->proc, fw_uaddr(a->a[0]), 0);
}

SYSCALL(pipe2)
{
	return do_pipe2(t->proc, fw_uaddr(a->a[0]), a->a[1]);
}
