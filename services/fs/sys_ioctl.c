/*
 * services/fs/sys_ioctl.c: ioctl(2).  FIONBIO, FIOCLEX and FIONCLEX work
 * on every descriptor (do_vfs_ioctl()); the rest goes to the file's ops,
 * and a file without them (regular files, directories) is ENOTTY.
 * Locks: none of its own.
 */
#include <fw/uaccess.h>
#include <svc/file.h>
#include <svc/syscall.h>
#include <svc/vfs.h>
#include <uapi/tty.h>
#include "fs.h"

#define LINUX_FIONCLEX	0x5450
#define LINUX_FIOCLEX	0x5451

static long
ioctl_fionbio(struct proc *p, struct file *f, uint64_t arg)
{
	int32_t on;
	int err;

	if ((err = fw_copy_from_user(p->vm, &on, fw_uaddr(arg),
	    sizeof(on))) < 0)
		return err;
	if (on)
		atomic_fetch_or(&f->flags, (unsigned int)LINUX_O_NONBLOCK);
	else
		atomic_fetch_and(&f->flags, ~(unsigned int)LINUX_O_NONBLOCK);
	return 0;
}

SYSCALL(ioctl)
{
	struct proc *p = t->proc;
	int fd = (int)a->a[0];
	unsigned int cmd = (unsigned int)a->a[1];
	struct file *f;
	long r;
	int err;

	if ((err = fd_get(p, fd, &f)) < 0)
		return err;
	if (atomic_load(&f->flags) & LINUX_O_PATH)
		r = -EBADF;
	else if (cmd == LINUX_FIOCLEX || cmd == LINUX_FIONCLEX)
		r = fd_set_cloexec(p, fd, cmd == LINUX_FIOCLEX);
	else if (cmd == LINUX_FIONBIO)
		r = ioctl_fionbio(p, f, a->a[2]);
	else if (f->ops->ioctl == NULL)
		r = -ENOTTY;
	else
		r = f->ops->ioctl(f, t, cmd, a->a[2]);
	file_unref(f);
	return r;
}
