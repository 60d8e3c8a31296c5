/*
 * services/fs/sys_read.c: read(2), write(2), pread64(2), pwrite64(2).
 * Decoding only; file.c moves the bytes.  Positional I/O needs a seekable
 * file (ESPIPE) and a non-negative offset (EINVAL, checked first as
 * Linux's ksys_pread64() does).  No locks of its own.
 */
#include <svc/file.h>
#include <svc/proc.h>
#include <svc/signal.h>
#include <svc/syscall.h>
#include <svc/vfs.h>
#include "fs.h"

/*
 * read, write, pread64, pwrite64: descriptor a[0], buffer a[1], count
 * a[2], and for the positional ones the offset a[3].
 */
static long
fd_rw(struct thread *t, const struct syscall_args *a, bool positional,
    bool write)
{
	struct proc *p = t->proc;
	uint64_t off = a->a[3];
	fw_uaddr_t buf = fw_uaddr(a->a[1]);
	size_t len = (size_t)a->a[2];
	struct file *f;
	long n;
	int err;

	if (positional && (int64_t)off < 0)
		return -EINVAL;
	if ((err = fd_get(p, (int)a->a[0], &f)) < 0)
		return err;
	if (positional && !f->seekable)
		n = -ESPIPE;
	else if (write)
		n = file_write_user(f, p->vm, buf, len,
		    positional ? &off : NULL);
	else
		n = file_read_user(f, p->vm, buf, len,
		    positional ? &off : NULL);
	/* A socket raises SIGPIPE itself, as its protocol says. */
	if (n == -EPIPE && f->ops->rw_user == NULL)
		signal_sigpipe(t);
	file_unref(f);
	return n;
}

SYSCALL(read)
{
	return fd_rw(t, a, false, false);
}

SYSCALL(write)
{
	return fd_rw(t, a, false, true);
}

SYSCALL(pread64)
{
	return fd_rw(t, a, true, false);
}

SYSCALL(pwrite64)
{
	return fd_rw(t, a, true, true);
}
