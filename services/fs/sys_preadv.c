/*
 * services/fs/sys_preadv.c: preadv(2), pwritev(2), preadv2(2) and
 * pwritev2(2).  The offset is pos_l (x86-64 keeps the whole of it in one
 * register; pos_h shifts out); a negative one is EINVAL, except that the
 * v2 calls take -1 as "the file position", as readv(2) and writev(2) do.
 * Then, in Linux's order: the descriptor (EBADF), a position on a file
 * without one (ESPIPE), the open mode (EBADF), the iovec (EINVAL,
 * EFAULT), nothing at all for zero bytes, and the flags of
 * kiocb_set_rw_flags() (EOPNOTSUPP for unknown ones and for those tmpfs
 * lacks: RWF_NOWAIT on a regular file, RWF_ATOMIC, RWF_DONTCACHE; EINVAL
 * for RWF_APPEND with RWF_NOAPPEND).  RWF_APPEND writes at the end of a
 * regular file, RWF_NOAPPEND ignores O_APPEND, RWF_NOWAIT on a pipe does
 * not wait, RWF_NOSIGNAL spares SIGPIPE; the sync and priority flags
 * change nothing on the ramfs.
 * Locks: file->lock for the file position; fs_lock inside the writes.
 */
#include <fw/alloc.h>
#include <fw/uaccess.h>
#include <svc/file.h>
#include <svc/lib.h>
#include <svc/pipe.h>
#include <svc/signal.h>
#include <svc/syscall.h>
#include <svc/vfs.h>
#include "fs.h"
#include "vext.h"

#define RWF_NOSIGNAL	0x100		/* Linux 6.16 */
#define RWF_SUPPORTED	(LINUX_RWF_HIPRI | LINUX_RWF_DSYNC | LINUX_RWF_SYNC | \
			 LINUX_RWF_NOWAIT | LINUX_RWF_APPEND | \
			 LINUX_RWF_NOAPPEND | LINUX_RWF_ATOMIC | \
			 LINUX_RWF_DONTCACHE | RWF_NOSIGNAL)
#define CHUNK		16384

/* One vectored transfer. */
struct rwv {
	struct file	*f;
	struct fw_vm	*vm;
	bool		 write;
	bool		 nowait;	/* RWF_NOWAIT on a pipe */
	int		 append;	/* -1 O_APPEND as is, 0 off, 1 on */
	uint64_t	*pos;		/* NULL: the file position */
};

/* kiocb_set_rw_flags() for tmpfs files and pipes. */
static int
rwf_check(struct rwv *rw, unsigned int flags)
{
	bool pipe = pipe_of_file(rw->f) != NULL;

	rw->append = -1;
	if (flags == 0)
		return 0;
	if (flags & ~(unsigned int)RWF_SUPPORTED)
		return -EOPNOTSUPP;
	if ((flags & LINUX_RWF_APPEND) && (flags & LINUX_RWF_NOAPPEND))
		return -EINVAL;
	if ((flags & LINUX_RWF_NOWAIT) && !pipe)
		return -EOPNOTSUPP;
	if (flags & (LINUX_RWF_ATOMIC | LINUX_RWF_DONTCACHE))
		return -EOPNOTSUPP;
	rw->nowait = flags & LINUX_RWF_NOWAIT;
	if (rw->write && (flags & LINUX_RWF_APPEND))
		rw->append = 1;
	else if (rw->write && (flags & LINUX_RWF_NOAPPEND))
		rw->append = 0;
	return 0;
}

/* A regular file's write with the append choice made here. */
static long
rwv_write_reg(struct rwv *rw, fw_uaddr_t ubuf, size_t len, uint64_t *pos,
    void *kbuf)
{
	size_t done = 0, n;
	long w;

	while (done < len) {
		n = MIN(len - done, (size_t)CHUNK);
		if (fw_copy_from_user(rw->vm, kbuf, fw_uaddr_add(ubuf, done),
		    n) < 0)
			return done > 0 ? (long)done : -EFAULT;
		w = vnode_write(rw->f->vnode, kbuf, n, pos, rw->append == 1);
		if (w <= 0)
			return done > 0 ? (long)done : w;
		done += (size_t)w;
		if ((size_t)w < n)
			break;
	}
	return (long)done;
}

/* A pipe's transfer without waiting (RWF_NOWAIT), one chunk. */
static long
rwv_pipe_nowait(struct rwv *rw, fw_uaddr_t ubuf, size_t len, void *kbuf)
{
	long n;

	len = MIN(len, (size_t)CHUNK);
	if (rw->write) {
		if (fw_copy_from_user(rw->vm, kbuf, ubuf, len) < 0)
			return -EFAULT;
		return pipe_write_kernel(rw->f, kbuf, len, true);
	}
	if ((n = pipe_read_kernel(rw->f, kbuf, len, true)) > 0 &&
	    fw_copy_to_user(rw->vm, ubuf, kbuf, (size_t)n) < 0)
		return -EFAULT;
	return n;
}

/* One segment: bytes moved or -errno; *pos advances for positional I/O. */
static long
rwv_one(struct rwv *rw, fw_uaddr_t ubuf, size_t len, void *kbuf)
{
	struct file *f = rw->f;
	uint64_t pos;
	long n;

	if (rw->nowait)
		return rwv_pipe_nowait(rw, ubuf, len, kbuf);
	if (rw->append < 0 || f->vnode == NULL ||
	    !vnode_is(f->vnode, LINUX_S_IFREG)) {
		n = rw->write ? file_write_user(f, rw->vm, ubuf, len, rw->pos) :
		    file_read_user(f, rw->vm, ubuf, len, rw->pos);
		if (n > 0 && rw->pos != NULL)
			*rw->pos += (uint64_t)n;
		return n;
	}
	if (rw->pos != NULL)
		return rwv_write_reg(rw, ubuf, len, rw->pos, kbuf);
	fw_mutex_lock(&f->lock);
	pos = f->pos;
	n = rwv_write_reg(rw, ubuf, len, &pos, kbuf);
	f->pos = pos;
	fw_mutex_unlock(&f->lock);
	return n;
}

static long
rwv_loop(struct rwv *rw, const struct linux_iovec *iov, uint64_t cnt)
{
	long n, done = 0;
	uint64_t i;
	void *kbuf;

	if ((kbuf = fw_alloc(CHUNK)) == NULL)
		return -ENOMEM;
	for (i = 0; i < cnt; i++) {
		if (iov[i].iov_len == 0)
			continue;
		n = rwv_one(rw, fw_uaddr(iov[i].iov_base),
		    (size_t)iov[i].iov_len, kbuf);
		if (n < 0) {
			if (done == 0)
				done = n;
			break;
		}
		done += n;
		if ((uint64_t)n < iov[i].iov_len)
			break;
	}
	fw_free(kbuf);
	return done;
}

/* The checks in Linux's order, then the transfer. */
static long
rwv_file(struct rwv *rw, const struct syscall_args *a, unsigned int flags)
{
	struct linux_iovec *iov;
	uint64_t i, total = 0;
	long n;
	int err;

	if (rw->pos != NULL && !rw->f->seekable)
		return -ESPIPE;
	if (rw->write ? !file_writable(rw->f) : !file_readable(rw->f))
		return -EBADF;
	if ((err = iovec_import(rw->vm, a->a[1], a->a[2], &iov)) < 0)
		return err;
	for (i = 0; i < a->a[2]; i++)
		total += iov[i].iov_len;
	if (total == 0)
		n = 0;
	else if ((n = rwf_check(rw, flags)) == 0)
		n = rwv_loop(rw, iov, a->a[2]);
	fw_free(iov);
	return n;
}

static long
do_rwv(struct thread *t, const struct syscall_args *a, bool v2, bool write)
{
	unsigned int flags = v2 ? (unsigned int)a->a[5] : 0;
	struct rwv rw = { .vm = t->proc->vm, .write = write };
	int64_t pos = (int64_t)a->a[3];
	uint64_t upos = (uint64_t)pos;
	long n;
	int err;

	if (pos < 0 && !(v2 && pos == -1))
		return -EINVAL;
	if ((err = fd_get(t->proc, (int)a->a[0], &rw.f)) < 0)
		return err;
	rw.pos = pos == -1 ? NULL : &upos;
	n = rwv_file(&rw, a, flags);
	file_unref(rw.f);
	if (n == -EPIPE && !(flags & RWF_NOSIGNAL))
		signal_sigpipe(t);
	return n;
}

SYSCALL(preadv)
{
	return do_rwv(t, a, false, false);
}

SYSCALL(pwritev)
{
	return do_rwv(t, a, false, true);
}

SYSCALL(preadv2)
{
	return do_rwv(t, a, true, false);
}

SYSCALL(pwritev2)
{
	return do_rwv(t, a, true, true);
}
