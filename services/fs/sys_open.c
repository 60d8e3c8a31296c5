/*
 * services/fs/sys_open.c: open(2), openat(2), creat(2) and close(2).  The
 * path is copied in, vfs_open() does the work, and the file is installed at
 * the lowest free descriptor (O_CLOEXEC sets FD_CLOEXEC).  No locks of its
 * own.
 */
#include <svc/file.h>
#include <svc/syscall.h>
#include <svc/vfs.h>
#include "fs.h"

static long
do_openat(struct proc *p, int dirfd, uint64_t upath, int flags,
    unsigned int mode)
{
	struct file *f;
	char *path;
	int err;

	if ((err = path_get(p->vm, upath, &path)) < 0)
		return err;
	err = vfs_open(p, dirfd, path, flags, mode, &f);
	path_put(path);
	if (err < 0)
		return err;
	err = fd_install(p, f, (flags & LINUX_O_CLOEXEC) != 0);
	file_unref(f);
	return err;
}

SYSCALL(openat)
{
	return do_openat(t->proc, (int)a->a[0], a->a[1], (int)a->a[2],
	    (unsigned int)a->a[3]);
}

SYSCALL(open)
{
	return do_openat(t->proc, LINUX_AT_FDCWD, a->a[0], (int)a->a[1],
	    (unsigned int)a->a[2]);
}

/* creat(2): open(2) with O_CREAT|O_WRONLY|O_TRUNC. */
SYSCALL(creat)
{
	return do_openat(t->proc, LINUX_AT_FDCWD, a->a[0], LINUX_O_CREAT |
	    LINUX_O_WRONLY | LINUX_O_TRUNC, (unsigned int)a->a[1]);
}

SYSCALL(close)
{
	return fd_close(t->proc, (int)a->a[0]);
}
