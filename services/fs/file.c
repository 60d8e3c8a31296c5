/*
 * services/fs/file.c: open file descriptions (svc/file.h).  This layer
 * owns every copy between user memory and a file: it moves bytes through
 * a kernel bounce buffer, so the ops below it (ramfs, devices, console)
 * see kernel memory only and no file-system lock is held across a user
 * access.  A regular file's reads skip the bounce where the file system
 * hands out its cache frames (read_frames): they are copied to the user
 * after its lock is dropped, each kept by its reference meanwhile.  Reads
 * and writes at the file offset hold file->lock, so threads sharing a
 * description see each update once.
 *
 * Locks: see svc/file.h.
 */
#include <fw/alloc.h>
#include <fw/frame.h>
#include <fw/uaccess.h>
#include <svc/file.h>
#include <svc/lib.h>
#include <svc/pipe.h>
#include <svc/poll.h>
#include <svc/vfs.h>
#include "fs.h"
#include "lock.h"

/*
 * The bounce buffer: a file with a position is read and written through it
 * in FILE_CHUNK pieces, all in one call.  A stream (a pipe, a terminal)
 * reads one piece per call, as it may block between pieces: its piece is
 * a whole default pipe (64 KiB), or a whole pipe that F_SETPIPE_SZ made
 * larger, up to pipe-max-size (1 MiB), so a read returns what a full pipe
 * holds and a write fills one at once, as on Linux, in one call each.
 */
#define FILE_CHUNK	16384
_Static_assert(FILE_CHUNK / FW_PAGE_SIZE + 1 <= FILE_READ_FRAMES,
    "a read_frames piece spans at most FILE_READ_FRAMES pages");
#define STREAM_CHUNK	65536
#define MAX_RW_COUNT	0x7ffff000UL	/* Linux's INT_MAX & PAGE_MASK */

int
file_alloc(const struct file_ops *ops, struct vnode *v, unsigned int flags,
    bool seekable, struct file **out)
{
	struct file *f;

	if ((f = fw_zalloc(1, sizeof(*f))) == NULL)
		return -ENOMEM;
	atomic_init(&f->nref, 1);
	atomic_init(&f->flags, flags);
	atomic_init(&f->epitems, NULL);
	f->ops = ops;
	f->vnode = v != NULL ? vnode_ref(v) : NULL;
	f->seekable = seekable;
	fw_mutex_init(&f->lock);
	*out = f;
	return 0;
}

struct file *
file_ref(struct file *f)
{
	atomic_fetch_add(&f->nref, 1);
	return f;
}

void
file_unref(struct file *f)
{
	if (f == NULL || atomic_fetch_sub(&f->nref, 1) != 1)
		return;
	fsnotify_close(f);
	/*
	 * Epoll items hold no reference (Linux's eventpoll_release): they go
	 * first, while the object they poll is still whole.  No one can add
	 * one now, as that needs a reference.
	 */
	if (atomic_load(&f->epitems) != NULL)
		epoll_file_release(f);
	if (f->vnode != NULL)
		lock_file_release(f);	/* flock and OFD locks (lock.c) */
	if (f->ops->release != NULL)
		f->ops->release(f);
	if (f->write_held)
		vnode_put_write(f->vnode);
	vnode_unref(f->vnode);
	mount_unref(f->mnt);
	vpath_drop(&f->dir);
	fw_free(f->name);
	fw_free(f);
}

bool
file_readable(const struct file *f)
{
	unsigned int fl = atomic_load(&f->flags);

	return !(fl & LINUX_O_PATH) &&
	    (fl & LINUX_O_ACCMODE) != LINUX_O_WRONLY;
}

bool
file_writable(const struct file *f)
{
	unsigned int fl = atomic_load(&f->flags);

	return !(fl & LINUX_O_PATH) && ((fl & LINUX_O_ACCMODE) ==
	    LINUX_O_WRONLY || (fl & LINUX_O_ACCMODE) == LINUX_O_RDWR);
}

/* The bounce piece for f, read once per call (a pipe's size may change). */
static size_t
chunk_of(struct file *f)
{
	if (f->seekable)
		return FILE_CHUNK;
	return MAX(pipe_io_size(f), (size_t)STREAM_CHUNK);
}

/*
 * Reads pieces of up to chunk bytes until len, a short read, or
 * (non-seekable) the first read.
 */
static long
read_loop(struct file *f, struct fw_vm *vm, fw_uaddr_t ubuf, size_t len,
    uint64_t *pos, void *kbuf, size_t chunk)
{
	size_t done = 0;
	long n;

	while (done < len) {
		size_t want = MIN(len - done, chunk);

		/* A read may consume (a pipe): a bad buffer loses nothing. */
		if (fw_user_writable(vm, fw_uaddr_add(ubuf, done), want) < 0)
			return done > 0 ? (long)done : -EFAULT;
		if ((n = f->ops->read(f, kbuf, want, pos)) <= 0)
			return done > 0 ? (long)done : n;
		if (fw_copy_to_user(vm, fw_uaddr_add(ubuf, done), kbuf,
		    (size_t)n) < 0)
			return done > 0 ? (long)done : -EFAULT;
		done += (size_t)n;
		if ((size_t)n < want || !f->seekable)
			break;
	}
	return (long)done;
}

/*
 * A read that copies once: pieces of up to chunk bytes, each page of a
 * piece straight from the file's cache frame to the user, or from kbuf
 * where the file had no frame.  The file keeps its bytes, so no check
 * comes first: a fault ends the read where it hit (each copy stops at a
 * user page's end), the position moved by what was delivered, as
 * Linux's short read.
 */
static long
read_frames_loop(struct file *f, struct fw_vm *vm, fw_uaddr_t ubuf,
    size_t len, uint64_t *pos, void *kbuf, size_t chunk)
{
	struct fw_frame *frames[FILE_READ_FRAMES];
	size_t done = 0, got, k, m, i, in, npages;
	uint64_t start, to;
	int err = 0;
	long n;

	while (done < len) {
		size_t want = MIN(len - done, chunk);

		start = *pos;
		if ((n = f->ops->read_frames(f, kbuf, want, pos, frames)) <= 0)
			return done > 0 ? (long)done : n;
		for (k = 0, got = 0; err == 0 && k < (size_t)n; k += m) {
			i = (size_t)(((start + k) >> FW_PAGE_SHIFT) -
			    (start >> FW_PAGE_SHIFT));
			in = (size_t)((start + k) & (FW_PAGE_SIZE - 1));
			to = ubuf.v + done + k;
			m = MIN((size_t)n - k, FW_PAGE_SIZE - in);
			m = MIN(m, FW_PAGE_SIZE - (size_t)(to & (FW_PAGE_SIZE - 1)));
			if (frames[i] != NULL)
				err = fw_copy_frame_to_user(vm, fw_uaddr(to),
				    frames[i], in, m);
			else
				err = fw_copy_to_user(vm, fw_uaddr(to),
				    (const char *)kbuf + k, m);
			if (err == 0)
				got = k + m;
		}
		npages = (size_t)(((start + (uint64_t)n - 1) >> FW_PAGE_SHIFT) -
		    (start >> FW_PAGE_SHIFT)) + 1;
		for (i = 0; i < npages; i++)
			fw_frame_unref(frames[i]);
		done += got;
		if (err < 0) {
			*pos = start + got;
			return done > 0 ? (long)done : -EFAULT;
		}
		if ((size_t)n < want)
			break;
	}
	return (long)done;
}

static long
write_loop(struct file *f, struct fw_vm *vm, fw_uaddr_t ubuf, size_t len,
    uint64_t *pos, void *kbuf, size_t chunk)
{
	size_t done = 0;
	long n;

	while (done < len) {
		size_t want = MIN(len - done, chunk);

		if (fw_copy_from_user(vm, kbuf, fw_uaddr_add(ubuf, done),
		    want) < 0)
			return done > 0 ? (long)done : -EFAULT;
		if ((n = f->ops->write(f, kbuf, want, pos)) <= 0)
			return done > 0 ? (long)done : n;
		done += (size_t)n;
		if ((size_t)n < want)
			break;
	}
	return (long)done;
}

typedef long (*rw_loop_fn)(struct file *f, struct fw_vm *vm,
    fw_uaddr_t ubuf, size_t len, uint64_t *pos, void *kbuf, size_t chunk);

/*
 * Runs a read or write loop through a bounce buffer, at *off (pread and
 * pwrite) or at the file position, which the file's lock keeps whole.
 */
static long
rw_user(struct file *f, struct fw_vm *vm, fw_uaddr_t ubuf, size_t len,
    const uint64_t *off, rw_loop_fn loop)
{
	uint64_t pos;
	size_t chunk;
	void *kbuf;
	long n;

	len = MIN(len, (size_t)MAX_RW_COUNT);
	if (len == 0)
		return 0;
	chunk = MIN(len, chunk_of(f));
	if ((kbuf = fw_alloc(chunk)) == NULL)
		return -ENOMEM;
	if (off != NULL || !f->seekable) {
		/* A pipe or terminal has no position to keep whole: its
		 * readers and writers wait in its own ops, interruptibly. */
		pos = off != NULL ? *off : 0;
		n = loop(f, vm, ubuf, len, &pos, kbuf, chunk);
	} else {
		fw_mutex_lock(&f->lock);
		pos = f->pos;
		n = loop(f, vm, ubuf, len, &pos, kbuf, chunk);
		f->pos = pos;
		fw_mutex_unlock(&f->lock);
	}
	fw_free(kbuf);
	return n;
}

/* A file that takes its user I/O whole (sockets: svc/file.h rw_user). */
static long
rw_user_whole(struct file *f, struct fw_vm *vm, fw_uaddr_t ubuf, size_t len,
    bool write)
{
	struct linux_iovec iov = { ubuf.v, MIN(len, (size_t)MAX_RW_COUNT) };

	return f->ops->rw_user(f, vm, &iov, 1, write);
}

long
file_read_user(struct file *f, struct fw_vm *vm, fw_uaddr_t ubuf,
    size_t len, const uint64_t *off)
{
	if (!file_readable(f))
		return -EBADF;
	if (f->vnode != NULL && vnode_is(f->vnode, LINUX_S_IFDIR))
		return -EISDIR;
	if (f->ops->rw_user != NULL)
		return rw_user_whole(f, vm, ubuf, len, false);
	if (f->ops->read_frames != NULL && f->seekable)
		return rw_user(f, vm, ubuf, len, off, read_frames_loop);
	if (f->ops->read == NULL)
		return -EINVAL;
	return rw_user(f, vm, ubuf, len, off, read_loop);
}

long
file_write_user(struct file *f, struct fw_vm *vm, fw_uaddr_t ubuf,
    size_t len, const uint64_t *off)
{
	if (!file_writable(f))
		return -EBADF;
	if (f->ops->rw_user != NULL)
		return rw_user_whole(f, vm, ubuf, len, true);
	if (f->ops->write == NULL)
		return -EINVAL;
	return rw_user(f, vm, ubuf, len, off, write_loop);
}

/* In-kernel positional I/O (execve's loader); ignores O_ACCMODE for reads. */
long
file_pread(struct file *f, void *buf, size_t len, uint64_t off)
{
	if (f->ops->read == NULL ||
	    (f->vnode != NULL && vnode_is(f->vnode, LINUX_S_IFDIR)))
		return -EISDIR;
	return f->ops->read(f, buf, len, &off);
}

long
file_pwrite(struct file *f, const void *buf, size_t len, uint64_t off)
{
	if (f->ops->write == NULL)
		return -EINVAL;
	return f->ops->write(f, buf, len, &off);
}

void
file_stat(struct file *f, struct linux_stat *st)
{
	if (f->vnode == NULL || (f->mnt == NULL && f->ops->stat != NULL)) {
		memset(st, 0, sizeof(*st));
		if (f->ops->stat != NULL)
			f->ops->stat(f, st);
		return;
	}
	fw_mutex_lock(&fs_lock);
	vnode_stat_locked(f->vnode, st);
	fw_mutex_unlock(&fs_lock);
}

uint64_t
file_size(struct file *f)
{
	struct linux_stat st;

	file_stat(f, &st);
	return (uint64_t)st.st_size;
}

unsigned int
file_mode(struct file *f)
{
	struct linux_stat st;

	file_stat(f, &st);
	return st.st_mode;
}

int
file_may_exec(struct proc *p, struct file *f)
{
	struct fsctx c;
	int err;

	if (f->vnode == NULL || !vnode_is(f->vnode, LINUX_S_IFREG))
		return -EACCES;
	fsctx_get(p, &c);
	fw_mutex_lock(&fs_lock);
	err = vnode_permission(f->vnode, &c, LINUX_X_OK);
	fw_mutex_unlock(&fs_lock);
	fsctx_put(&c);
	return err;
}
