/*
 * services/fs/sys_sendfile.c: sendfile(2) and copy_file_range(2), through
 * a kernel buffer, and the in-kernel I/O that splice(2) shares (fs.h:
 * kfile_read(), kfile_write()).
 *
 * sendfile reads from a regular file or device at *offset (which then
 * must be seekable: ESPIPE) or its position, and writes to any file open
 * for writing at that file's position; a pipe or directory cannot be
 * read from so (EINVAL), an O_APPEND target is EINVAL, and the position
 * read from moves only by what was written.  copy_file_range wants two
 * regular files (EISDIR, EINVAL), open to read and to write without
 * O_APPEND (EBADF), flags 0 (EINVAL), ranges that do not wrap (EOVERFLOW)
 * or overlap in one file (EINVAL); it stops at the end of the input.
 * Checks follow do_sendfile() and generic_copy_file_checks().
 * Locks: file->lock for positions; fs_lock inside the file ops.
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

#define CHUNK		65536
#define MAX_RW_COUNT	0x7ffff000UL

long
kfile_read(struct file *f, void *buf, size_t len, uint64_t *pos)
{
	uint64_t p;
	long n;

	if (f->ops->read == NULL)
		return -EINVAL;
	if (pos != NULL || !f->seekable) {
		p = pos != NULL ? *pos : 0;
		n = f->ops->read(f, buf, len, &p);
		if (pos != NULL)
			*pos = p;
		return n;
	}
	fw_mutex_lock(&f->lock);
	n = f->ops->read(f, buf, len, &f->pos);
	fw_mutex_unlock(&f->lock);
	return n;
}

long
kfile_write(struct file *f, const void *buf, size_t len, uint64_t *pos)
{
	uint64_t p;
	long n;

	if (f->ops->write == NULL)
		return -EINVAL;
	if (pos != NULL || !f->seekable) {
		p = pos != NULL ? *pos : 0;
		n = f->ops->write(f, buf, len, &p);
		if (pos != NULL)
			*pos = p;
		return n;
	}
	fw_mutex_lock(&f->lock);
	n = f->ops->write(f, buf, len, &f->pos);
	fw_mutex_unlock(&f->lock);
	return n;
}

/*
 * Reads into a buffer and writes it all out, at *ipos (moved back over
 * what could not be written) and at *opos (NULL: out's position):
 * bytes moved, or -errno when nothing moved.
 */
static long
move_loop(struct file *in, uint64_t *ipos, struct file *out,
    uint64_t *opos, size_t count)
{
	long r, w, done = 0;
	void *buf;

	if ((buf = fw_alloc(MIN(count, (size_t)CHUNK))) == NULL)
		return -ENOMEM;
	while ((size_t)done < count) {
		r = kfile_read(in, buf, MIN(count - (size_t)done,
		    (size_t)CHUNK), ipos);
		if (r <= 0) {
			done = done > 0 ? done : r;
			break;
		}
		w = kfile_write(out, buf, (size_t)r, opos);
		if (w > 0)
			done += w;
		if (w < r) {
			*ipos -= (uint64_t)(r - MAX(w, 0L));
			done = done > 0 ? done : w;
			break;
		}
	}
	fw_free(buf);
	return done;
}

/* A file sendfile may read: not a pipe, not a directory. */
static bool
splice_readable(struct file *f)
{
	uint32_t type = file_mode(f) & LINUX_S_IFMT;

	return f->ops->read != NULL && type != LINUX_S_IFIFO &&
	    type != LINUX_S_IFDIR;
}

/* do_sendfile()'s checks of the input; its position goes in *pos. */
static int
sendfile_in(struct file *in, const uint64_t *ppos, uint64_t *pos)
{
	if (!file_readable(in))
		return -EBADF;
	if (ppos != NULL && !in->seekable)
		return -ESPIPE;
	if (ppos != NULL) {
		*pos = *ppos;
	} else {
		fw_mutex_lock(&in->lock);
		*pos = in->pos;
		fw_mutex_unlock(&in->lock);
	}
	return (int64_t)*pos < 0 ? -EINVAL : 0;
}

/* Then of the output, and do_splice_direct()'s of what may be read. */
static int
sendfile_out(struct file *in, struct file *out)
{
	if (!file_writable(out))
		return -EBADF;
	if (!splice_readable(in))
		return -EINVAL;
	if (pipe_of_file(out) == NULL &&
	    (atomic_load(&out->flags) & LINUX_O_APPEND))
		return -EINVAL;
	return 0;
}

/* The copy; into a pipe, what it has room for (splice_file_to_pipe()). */
static long
sendfile_move(struct file *in, uint64_t *pos, struct file *out,
    size_t count)
{
	long room;

	if (count == 0)
		return 0;
	if (pipe_of_file(out) != NULL) {
		if ((room = pipe_wait_space(out, (atomic_load(&out->flags) &
		    LINUX_O_NONBLOCK) != 0)) < 0)
			return room;
		count = MIN(count, (size_t)room);
	}
	return move_loop(in, pos, out, NULL, count);
}

static long
do_sendfile(struct thread *t, int ofd, int ifd, uint64_t *ppos,
    size_t count)
{
	struct file *in, *out;
	uint64_t pos = 0;
	long n;
	int err;

	if ((err = fd_get(t->proc, ifd, &in)) < 0)
		return err;
	if ((n = sendfile_in(in, ppos, &pos)) == 0 &&
	    (n = fd_get(t->proc, ofd, &out)) == 0) {
		if ((n = sendfile_out(in, out)) == 0)
			n = sendfile_move(in, &pos, out,
			    MIN(count, (size_t)MAX_RW_COUNT));
		file_unref(out);
	}
	if (n == -EPIPE)
		signal_sigpipe(t);
	if (n > 0 && ppos != NULL) {
		*ppos = pos;
	} else if (n > 0) {
		fw_mutex_lock(&in->lock);
		in->pos = pos;
		fw_mutex_unlock(&in->lock);
	}
	file_unref(in);
	return n;
}

SYSCALL(sendfile)
{
	struct proc *p = t->proc;
	uint64_t pos;
	long n;
	int err;

	if (a->a[2] == 0)
		return do_sendfile(t, (int)a->a[0], (int)a->a[1], NULL,
		    (size_t)a->a[3]);
	if ((err = fw_copy_from_user(p->vm, &pos, fw_uaddr(a->a[2]),
	    sizeof(pos))) < 0)
		return err;
	n = do_sendfile(t, (int)a->a[0], (int)a->a[1], &pos, (size_t)a->a[3]);
	if (fw_copy_to_user(p->vm, fw_uaddr(a->a[2]), &pos, sizeof(pos)) < 0)
		return -EFAULT;
	return n;
}

/* generic_copy_file_checks(): 0 with *count cut to the input's end. */
static int
copy_checks(struct file *in, uint64_t pin, struct file *out, uint64_t pout,
    size_t *count)
{
	struct vnode *vi = in->vnode, *vo = out->vnode;
	uint64_t size;

	if ((vi != NULL && vnode_is(vi, LINUX_S_IFDIR)) ||
	    (vo != NULL && vnode_is(vo, LINUX_S_IFDIR)))
		return -EISDIR;
	if (vi == NULL || vo == NULL || !vnode_is(vi, LINUX_S_IFREG) ||
	    !vnode_is(vo, LINUX_S_IFREG))
		return -EINVAL;
	if (!file_readable(in) || !file_writable(out) ||
	    (atomic_load(&out->flags) & LINUX_O_APPEND))
		return -EBADF;
	if (pin + *count < pin || pout + *count < pout)
		return -EOVERFLOW;
	fw_mutex_lock(&fs_lock);
	size = vi->size;
	fw_mutex_unlock(&fs_lock);
	*count = pin >= size ? 0 : (size_t)MIN((uint64_t)*count, size - pin);
	if ((int64_t)pin < 0 || (int64_t)pout < 0)
		return -EINVAL;
	if (vi == vo && pout + *count > pin && pout < pin + *count)
		return -EINVAL;
	return 0;
}

/* The two positions: *off from user memory, or the file's own. */
static int
copy_pos(struct proc *p, struct file *f, uint64_t uoff, uint64_t *pos)
{
	if (uoff != 0)
		return fw_copy_from_user(p->vm, pos, fw_uaddr(uoff),
		    sizeof(*pos));
	fw_mutex_lock(&f->lock);
	*pos = f->pos;
	fw_mutex_unlock(&f->lock);
	return 0;
}

static void
copy_pos_put(struct proc *p, struct file *f, uint64_t uoff, uint64_t pos,
    long *n)
{
	if (uoff == 0) {
		fw_mutex_lock(&f->lock);
		f->pos = pos;
		fw_mutex_unlock(&f->lock);
	} else if (fw_copy_to_user(p->vm, fw_uaddr(uoff), &pos,
	    sizeof(pos)) < 0) {
		*n = -EFAULT;
	}
}

static long
do_copy_file_range(struct proc *p, struct file *in, struct file *out,
    const struct syscall_args *a)
{
	uint64_t pin, pout;
	size_t count = (size_t)a->a[4];
	long n;
	int err;

	if ((atomic_load(&in->flags) | atomic_load(&out->flags)) &
	    LINUX_O_PATH)
		return -EBADF;
	if ((err = copy_pos(p, in, a->a[1], &pin)) < 0 ||
	    (err = copy_pos(p, out, a->a[3], &pout)) < 0)
		return err;
	if (a->a[5] != 0)
		return -EINVAL;
	if ((err = copy_checks(in, pin, out, pout, &count)) < 0)
		return err;
	count = MIN(count, (size_t)MAX_RW_COUNT);
	if (count == 0)
		return 0;
	if ((n = move_loop(in, &pin, out, &pout, count)) <= 0)
		return n;
	copy_pos_put(p, in, a->a[1], pin, &n);
	copy_pos_put(p, out, a->a[3], pout, &n);
	return n;
}

SYSCALL(copy_file_range)
{
	struct file *in, *out;
	long n;
	int err;

	if ((err = fd_get(t->proc, (int)a->a[0], &in)) < 0)
		return err;
	if ((err = fd_get(t->proc, (int)a->a[2], &out)) < 0) {
		file_unref(in);
		return err;
	}
	n = do_copy_file_range(t->proc, in, out, a);
	file_unref(out);
	file_unref(in);
	return n;
}
