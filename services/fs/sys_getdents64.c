/*
 * services/fs/sys_getdents64.c: getdents64(2).  Records are built in a
 * kernel buffer by the directory's file ops, then copied out; the offset
 * moves only once the copy succeeded.  A buffer too small for the next
 * record is EINVAL; a non-directory is ENOTDIR.
 * Locks: file->lock around the offset; fs_lock inside the op.
 */
#include <fw/alloc.h>
#include <fw/uaccess.h>
#include <svc/file.h>
#include <svc/lib.h>
#include <svc/syscall.h>
#include <svc/vfs.h>
#include "fs.h"

#define GETDENTS_MAX	32768

static long
getdents_copy(struct file *f, struct fw_vm *vm, uint64_t ubuf, size_t len)
{
	uint64_t pos;
	void *kbuf;
	long n;

	len = MIN(len, (size_t)GETDENTS_MAX);
	if ((kbuf = fw_alloc(len ? len : 1)) == NULL)
		return -ENOMEM;
	fw_mutex_lock(&f->lock);
	pos = f->pos;
	n = f->ops->getdents(f, kbuf, len, &pos);
	if (n > 0 && fw_copy_to_user(vm, fw_uaddr(ubuf), kbuf, (size_t)n) < 0)
		n = -EFAULT;
	if (n >= 0)
		f->pos = pos;
	fw_mutex_unlock(&f->lock);
	fw_free(kbuf);
	return n;
}

SYSCALL(getdents64)
{
	struct proc *p = t->proc;
	struct file *f;
	long n;
	int err;

	if ((err = fd_get(p, (int)a->a[0], &f)) < 0)
		return err;
	if (atomic_load(&f->flags) & LINUX_O_PATH)
		n = -EBADF;
	else if (f->ops->getdents == NULL)
		n = -ENOTDIR;
	else
		n = getdents_copy(f, p->vm, a->a[1], (size_t)(unsigned int)a->a[2]);
	file_unref(f);
	return n;
}
