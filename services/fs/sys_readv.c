/*
 * services/fs/sys_readv.c: readv(2) and writev(2).  The iovec array is
 * copied in whole and checked before any I/O: more than IOV_MAX entries,
 * or a length whose sum overflows ssize_t, is EINVAL; an unreadable array
 * is EFAULT.  Then each segment goes through file.c in turn, stopping at
 * the first short transfer.  No locks of its own.
 */
#include <fw/alloc.h>
#include <fw/uaccess.h>
#include <svc/file.h>
#include <svc/proc.h>
#include <svc/signal.h>
#include <svc/syscall.h>
#include <svc/vfs.h>
#include "fs.h"

int
iovec_import(struct fw_vm *vm, uint64_t uiov, uint64_t cnt,
    struct linux_iovec **out)
{
	struct linux_iovec *iov;
	uint64_t total = 0, i;
	int err;

	if (cnt > LINUX_IOV_MAX)
		return -EINVAL;
	if ((iov = fw_zalloc(cnt ? cnt : 1, sizeof(*iov))) == NULL)
		return -ENOMEM;
	if ((err = fw_copy_from_user(vm, iov, fw_uaddr(uiov),
	    cnt * sizeof(*iov))) < 0)
		goto fail;
	for (i = 0; i < cnt; i++) {
		if ((int64_t)iov[i].iov_len < 0 ||
		    iov[i].iov_len > (uint64_t)INT64_MAX - total) {
			err = -EINVAL;
			goto fail;
		}
		total += iov[i].iov_len;
	}
	*out = iov;
	return 0;
fail:
	fw_free(iov);
	return err;
}

static long
rw_vec(struct thread *t, const struct syscall_args *a, bool write)
{
	struct proc *p = t->proc;
	struct linux_iovec *iov;
	uint64_t i, cnt = a->a[2];
	long n, done = 0;
	struct file *f;
	int err;

	if ((err = fd_get(p, (int)a->a[0], &f)) < 0)
		return err;
	if (write ? !file_writable(f) : !file_readable(f)) {
		err = -EBADF;
		goto out;
	}
	if ((err = iovec_import(p->vm, a->a[1], cnt, &iov)) < 0)
		goto out;
	if (f->ops->rw_user != NULL) {
		/* A socket: the whole vector is one message; it raises
		 * SIGPIPE itself, as its protocol says. */
		done = f->ops->rw_user(f, p->vm, iov, cnt, write);
		cnt = 0;
	}
	for (i = 0; i < cnt; i++) {
		if (iov[i].iov_len == 0)
			continue;
		n = write ? file_write_user(f, p->vm,
		    fw_uaddr(iov[i].iov_base), iov[i].iov_len, NULL) :
		    file_read_user(f, p->vm, fw_uaddr(iov[i].iov_base),
		    iov[i].iov_len, NULL);
		if (n < 0) {
			if (n == -EPIPE)
				signal_sigpipe(t);
			if (done == 0)
				done = n;
			break;
		}
		done += n;
		if ((uint64_t)n < iov[i].iov_len)
			break;
	}
	fw_free(iov);
	file_unref(f);
	return done;
out:
	file_unref(f);
	return err;
}

SYSCALL(readv)
{
	return rw_vec(t, a, false);
}

SYSCALL(writev)
{
	return rw_vec(t, a, true);
}
