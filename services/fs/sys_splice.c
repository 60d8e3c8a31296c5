/*
 * services/fs/sys_splice.c: splice(2), tee(2) and vmsplice(2) for pipes
 * and the files of the file system, by copying through a kernel buffer
 * (Trellis's pipes hold bytes, not pages, so nothing is moved by
 * reference).  Their answers are Linux's: unknown flags EINVAL; a
 * descriptor not open for reading or writing EBADF; an offset given for
 * a pipe ESPIPE; splice with no pipe at all, or from a pipe into itself,
 * EINVAL; tee between anything but two different pipes EINVAL; an
 * O_APPEND target of splice EINVAL; a pipe without readers EPIPE (and
 * SIGPIPE).  A splice into a pipe moves what the pipe has room for, one
 * out of a pipe what it holds (after waiting for some, or for its end);
 * SPLICE_F_NONBLOCK, or O_NONBLOCK on a pipe end, makes them EAGAIN
 * rather than wait.  vmsplice copies user memory into a pipe's write end
 * (as much as fits once there is room) or out of its read end.
 * Locks: only the pipes' own and those of kfile_read()/kfile_write().
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

#define SPLICE_ALL	(LINUX_SPLICE_F_MOVE | LINUX_SPLICE_F_NONBLOCK | \
			 LINUX_SPLICE_F_MORE | LINUX_SPLICE_F_GIFT)
#define CHUNK		65536

static bool
nonblocking(const struct file *f)
{
	return (atomic_load(&f->flags) & LINUX_O_NONBLOCK) != 0;
}

/*
 * ipipe_prep() and opipe_prep(): waits for data (or the end) in in and
 * room in out.  The room, 0 at the input's end, or -errno.
 */
static long
pipes_prep(struct file *in, struct file *out, bool nb)
{
	char c;
	long n;

	if ((n = pipe_peek_kernel(in, &c, 1, nb)) < 0)
		return n;
	if (n == 0)
		return 0;
	return pipe_wait_space(out, nb);
}

/* splice_pipe_to_pipe() and link_pipe() (tee, which keeps the data). */
static long
pipe_to_pipe(struct file *in, struct file *out, size_t len, bool nb,
    bool tee)
{
	long room, n;
	void *buf;

	if ((room = pipes_prep(in, out, nb)) <= 0)
		return room;
	len = MIN(len, MIN((size_t)room, (size_t)CHUNK));
	if ((buf = fw_alloc(len)) == NULL)
		return -ENOMEM;
	n = tee ? pipe_peek_kernel(in, buf, len, true) :
	    pipe_read_kernel(in, buf, len, true);
	if (n == -EAGAIN)
		n = 0;			/* another reader took it first */
	if (n > 0)
		n = pipe_write_kernel(out, buf, (size_t)n, nb);
	fw_free(buf);
	return n;
}

/* do_splice_from(): what pipe in holds, written to out at *pos. */
static long
pipe_to_file(struct file *in, struct file *out, uint64_t *pos, size_t len,
    bool nb)
{
	void *buf;
	long n, w;

	len = MIN(len, (size_t)CHUNK);
	if ((buf = fw_alloc(len)) == NULL)
		return -ENOMEM;
	if ((n = pipe_read_kernel(in, buf, len, nb)) > 0) {
		w = kfile_write(out, buf, (size_t)n, pos);
		n = w < 0 ? w : n;
	}
	fw_free(buf);
	return n;
}

/* splice_file_to_pipe(): from in at *pos, what pipe out has room for. */
static long
file_to_pipe(struct file *in, uint64_t *pos, struct file *out, size_t len,
    bool nb)
{
	void *buf;
	long room, n;

	if ((room = pipe_wait_space(out, nb)) < 0)
		return room;
	len = MIN(len, MIN((size_t)room, (size_t)CHUNK));
	if ((buf = fw_alloc(len)) == NULL)
		return -ENOMEM;
	if ((n = kfile_read(in, buf, len, pos)) > 0)
		n = pipe_write_kernel(out, buf, (size_t)n, true);
	fw_free(buf);
	return n;
}

/* An offset argument: 0 with *pos (and *ppos = pos), or none. */
static int
splice_off_get(struct fw_vm *vm, uint64_t uoff, uint64_t *pos,
    uint64_t **ppos)
{
	int err;

	*ppos = NULL;
	if (uoff == 0)
		return 0;
	if ((err = fw_copy_from_user(vm, pos, fw_uaddr(uoff),
	    sizeof(*pos))) < 0)
		return err;
	*ppos = pos;
	return 0;
}

/* do_splice() after __do_splice()'s offset checks. */
static long
splice_files(struct file *in, uint64_t *ipos, struct file *out,
    uint64_t *opos, size_t len, bool nb)
{
	const void *ip = pipe_of_file(in), *op = pipe_of_file(out);

	if (!file_readable(in) || !file_writable(out))
		return -EBADF;
	if (ip != NULL && op != NULL)
		return ip == op ? -EINVAL : pipe_to_pipe(in, out, len,
		    nb || nonblocking(in) || nonblocking(out), false);
	if (ip != NULL) {
		if ((opos != NULL && !out->seekable) ||
		    (atomic_load(&out->flags) & LINUX_O_APPEND) ||
		    (opos != NULL && (int64_t)*opos < 0))
			return -EINVAL;
		return pipe_to_file(in, out, opos, len, nb || nonblocking(in));
	}
	if (op != NULL) {
		if ((ipos != NULL && !in->seekable) ||
		    (ipos != NULL && (int64_t)*ipos < 0))
			return -EINVAL;
		return file_to_pipe(in, ipos, out, len, nb || nonblocking(out));
	}
	return -EINVAL;
}

static long
do_splice(struct thread *t, struct file *in, struct file *out,
    const struct syscall_args *a)
{
	uint64_t ioff, ooff, *ipos, *opos;
	struct fw_vm *vm = t->proc->vm;
	long n;
	int err;

	if ((pipe_of_file(in) != NULL && a->a[1] != 0) ||
	    (pipe_of_file(out) != NULL && a->a[3] != 0))
		return -ESPIPE;
	if ((err = splice_off_get(vm, a->a[3], &ooff, &opos)) < 0 ||
	    (err = splice_off_get(vm, a->a[1], &ioff, &ipos)) < 0)
		return err;
	n = splice_files(in, ipos, out, opos, (size_t)a->a[4],
	    (a->a[5] & LINUX_SPLICE_F_NONBLOCK) != 0);
	if (n == -EPIPE)
		signal_sigpipe(t);
	if (n > 0 && ((opos != NULL && fw_copy_to_user(vm, fw_uaddr(a->a[3]),
	    opos, sizeof(*opos)) < 0) || (ipos != NULL &&
	    fw_copy_to_user(vm, fw_uaddr(a->a[1]), ipos, sizeof(*ipos)) < 0)))
		n = -EFAULT;
	return n;
}

/* Both descriptors, neither O_PATH (fdget()): 0, or -EBADF. */
static int
two_files(struct proc *p, int a, int b, struct file **fa, struct file **fb)
{
	int err;

	if ((err = fd_get(p, a, fa)) < 0)
		return err;
	if ((err = fd_get(p, b, fb)) < 0) {
		file_unref(*fa);
		return err;
	}
	if ((atomic_load(&(*fa)->flags) | atomic_load(&(*fb)->flags)) &
	    LINUX_O_PATH) {
		file_unref(*fa);
		file_unref(*fb);
		return -EBADF;
	}
	return 0;
}

SYSCALL(splice)
{
	struct file *in, *out;
	long n;
	int err;

	if (a->a[4] == 0)
		return 0;
	if (a->a[5] & ~(uint64_t)SPLICE_ALL)
		return -EINVAL;
	if ((err = two_files(t->proc, (int)a->a[0], (int)a->a[2], &in,
	    &out)) < 0)
		return err;
	n = do_splice(t, in, out, a);
	file_unref(out);
	file_unref(in);
	return n;
}

SYSCALL(tee)
{
	struct file *in, *out;
	const void *ip, *op;
	long n;
	int err;

	if (a->a[3] & ~(uint64_t)SPLICE_ALL)
		return -EINVAL;
	if (a->a[2] == 0)
		return 0;
	if ((err = two_files(t->proc, (int)a->a[0], (int)a->a[1], &in,
	    &out)) < 0)
		return err;
	ip = pipe_of_file(in);
	op = pipe_of_file(out);
	if (!file_readable(in) || !file_writable(out))
		n = -EBADF;
	else if (ip == NULL || op == NULL || ip == op)
		n = -EINVAL;
	else
		n = pipe_to_pipe(in, out, (size_t)a->a[2],
		    (a->a[3] & LINUX_SPLICE_F_NONBLOCK) || nonblocking(in) ||
		    nonblocking(out), true);
	if (n == -EPIPE)
		signal_sigpipe(t);
	file_unref(out);
	file_unref(in);
	return n;
}

/* vmsplice_to_pipe(): as much as fits once the pipe has room (a chunk). */
static long
vmsplice_in(struct fw_vm *vm, struct file *f, const struct linux_iovec *iov,
    uint64_t cnt, bool nb)
{
	long room, done = 0, w;
	size_t n;
	uint64_t i;
	void *buf;

	if ((room = pipe_wait_space(f, nb)) < 0)
		return room;
	room = MIN(room, (long)CHUNK);
	if ((buf = fw_alloc((size_t)room)) == NULL)
		return -ENOMEM;
	for (i = 0; i < cnt && done < room; i++) {
		n = (size_t)MIN(iov[i].iov_len, (uint64_t)(room - done));
		if (fw_copy_from_user(vm, (char *)buf + done,
		    fw_uaddr(iov[i].iov_base), n) < 0) {
			done = done > 0 ? done : -EFAULT;
			break;
		}
		done += (long)n;
	}
	w = done > 0 ? pipe_write_kernel(f, buf, (size_t)done, true) : done;
	fw_free(buf);
	return w;
}

/* vmsplice_to_user(): what the pipe holds, after waiting for some. */
static long
vmsplice_out(struct fw_vm *vm, struct file *f, const struct linux_iovec *iov,
    uint64_t cnt, bool nb)
{
	long n, done = 0;
	uint64_t i;
	void *buf;

	if ((buf = fw_alloc(CHUNK)) == NULL)
		return -ENOMEM;
	for (i = 0; i < cnt; i++) {
		if (iov[i].iov_len == 0)
			continue;
		n = pipe_read_kernel(f, buf, (size_t)MIN(iov[i].iov_len,
		    (uint64_t)CHUNK), nb || done > 0);
		if (n > 0 && fw_copy_to_user(vm, fw_uaddr(iov[i].iov_base),
		    buf, (size_t)n) < 0)
			n = -EFAULT;
		if (n <= 0) {
			done = done > 0 ? done : n;
			break;
		}
		done += n;
		if ((uint64_t)n < iov[i].iov_len)
			break;
	}
	fw_free(buf);
	return done;
}

SYSCALL(vmsplice)
{
	struct proc *p = t->proc;
	bool nb = a->a[3] & LINUX_SPLICE_F_NONBLOCK, write;
	struct linux_iovec *iov;
	uint64_t i, total = 0;
	struct file *f;
	long n;
	int err;

	if (a->a[3] & ~(uint64_t)SPLICE_ALL)
		return -EINVAL;
	if ((err = fd_get(p, (int)a->a[0], &f)) < 0)
		return err;
	write = file_writable(f);
	if ((!write && !file_readable(f)) ||
	    (err = iovec_import(p->vm, a->a[1], a->a[2], &iov)) < 0) {
		file_unref(f);
		return err < 0 ? err : -EBADF;
	}
	for (i = 0; i < a->a[2]; i++)
		total += iov[i].iov_len;
	if (total == 0)
		n = 0;
	else if (pipe_of_file(f) == NULL)
		n = -EBADF;
	else
		n = write ? vmsplice_in(p->vm, f, iov, a->a[2], nb) :
		    vmsplice_out(p->vm, f, iov, a->a[2], nb);
	if (n == -EPIPE)
		signal_sigpipe(t);
	fw_free(iov);
	file_unref(f);
	return n;
}
