/*
 * services/fs/sys_read.c: read(2), write(2), pread64(2), pwrite64(2).
 * Decoding only; file.c moves the bytes.  Positional I/O needs a seekable
 * file (ESPIPE) and a non-negative offset (EINVAL, checked first as
 * Linux's ksys_pread64() does).  No locks of its own.
 */
#include <svc/file.h>
#include <svc/syscall.h>
#include <svc/vfs.h>
#include "fs.h"

SYSCALL(read)
{
	struct proc *p = t->proc;
	struct file *f;
	long n;
	int err;

	if ((err = fd_get(p, (int)a->a[0], &f)) < 0)
		return err;
	n = file_read_user(f, p->vm, fw_uaddr(a->a[1]), (size_t)a->a[2],
	    NULL);
	file_unref(f);
	return n;
}

SYSCALL(write)
{
	struct proc *p = t->proc;
	struct file *f;
	long n;
	int err;

	if ((err = fd_get(p, (int)a->a[0], &f)) < 0)
		return err;
	n = file_write_user(f, p->vm, fw_uaddr(a->a[1]), (size_t)a->a[2],
	    NULL);
	file_unref(f);
	return n;
}

/* The shared checks of pread64 and pwrite64: 0 with *out, or -errno. */
static int
positional_file(struct proc *p, const struct syscall_args *a,
    struct file **out)
{
	int err;

	if ((int64_t)a->a[3] < 0)
		return -EINVAL;
	if ((err = fd_get(p, (int)a->a[0], out)) < 0)
		return err;
	if (!(*out)->seekable) {
		file_unref(*out);
		return -ESPIPE;
	}
	return 0;
}

SYSCALL(pread64)
{
	struct proc *p = t->proc;
	uint64_t off = a->a[3];
	struct file *f;
	long n;
	int err;

	if ((err = positional_file(p, a, &f)) < 0)
		return err;
	n = file_read_user(f, p->vm, fw_uaddr(a->a[1]), (size_t)a->a[2],
	    &off);
	file_unref(f);
	return n;
}

SYSCALL(pwrite64)
{
	struct proc *p = t->proc;
	uint64_t off = a->a[3];
	struct file *f;
	long n;
	int err;

	if ((err = positional_file(p, a, &f)) < 0)
		return err;
	n = file_write_user(f, p->vm, fw_uaddr(a->a[1]), (size_t)a->a[2],
	    &off);
	file_unref(f);
	return n;
}
