/*
 * services/ipc/pipe.c: pipes (pipe(7)).  A pipe is a 64 KiB ring buffer
 * with two ends, each an open file description: reads block while the
 * pipe is empty and a write end is open, and see end of file once none
 * is; writes block while it is full and a read end is open.  A write of
 * at most PIPE_BUF bytes is atomic (it waits until it fits whole); a
 * larger one may be split and interleaved.  Writing with no read end
 * open is EPIPE (the write calls add SIGPIPE: signal_sigpipe).
 *
 * Each end keeps its pipe in f->priv.  The ends hold the pipe alive: it is
 * freed when the last end is released.
 *
 * Readiness (pipe_poll, as Linux's): the read end is readable (EPOLLIN,
 * RDNORM) while bytes are buffered and hung up (EPOLLHUP) once no write
 * end is open; the write end is writable (EPOLLOUT, WRNORM) while
 * PIPE_BUF bytes fit (Linux: while a page slot is free) and in error
 * (EPOLLERR) once no read end is open.  Every read, write and close
 * notifies the pipe's one head.
 *
 * The capacity starts at 64 KiB and F_SETPIPE_SZ changes it to a power of
 * two of pages (pipe_set_size()), moving what the ring holds.
 *
 * Interface: pipe_create() (ipc.h); svc/pipe.h for the other subsystems.
 * Locks:
 *	p	pipe->lock; also atomic, so wait conditions can read them
 * file.c takes no file lock around a non-seekable file's reads and writes,
 * so ends shared after fork wait here, interruptibly, not on each other.
 */
#include <fw/alloc.h>
#include <fw/errno.h>
#include <fw/waitq.h>
#include <svc/file.h>
#include <svc/lib.h>
#include <svc/poll.h>
#include <svc/pipe.h>
#include <svc/vfs.h>
#include <uapi/fcntl.h>
#include <uapi/fs.h>
#include "ipc.h"
#include "pipe_impl.h"


static atomic_uint_fast64_t pipe_next_ino = 0x20000;

static struct pipe *
pipe_of(struct file *f)
{
	return f->priv;
}

void
pipe_free(struct pipe *p)
{
	fw_free(p->buf);
	fw_free(p);
}

static bool
pipe_readable(void *arg)
{
	struct pipe *p = arg;

	return atomic_load(&p->len) > 0 || atomic_load(&p->writers) == 0;
}

struct pipe_space_cond {
	struct pipe	*p;
	size_t		 need;
};

static bool
pipe_writable(void *arg)
{
	struct pipe_space_cond *c = arg;

	return atomic_load(&c->p->cap) - atomic_load(&c->p->len) >= c->need ||
	    atomic_load(&c->p->readers) == 0;
}

/*
 * Waits for data, then copies up to len bytes out, consuming them unless
 * peek (tee).  0 at end of file; -EAGAIN when nonblock; -ERESTARTSYS.
 */
static long
pipe_read_nb(struct file *f, void *buf, size_t len, bool nonblock,
    bool peek)
{
	struct pipe *p = pipe_of(f);
	uint8_t *dst = buf;
	size_t n, first, cap;

	fw_mutex_lock(&p->lock);
	while (atomic_load(&p->len) == 0) {
		if (atomic_load(&p->writers) == 0) {
			fw_mutex_unlock(&p->lock);
			return 0;
		}
		if (nonblock) {
			fw_mutex_unlock(&p->lock);
			return -EAGAIN;
		}
		fw_mutex_unlock(&p->lock);
		if (fw_waitq_wait(&p->rd_wq, pipe_readable, p, FW_NO_DEADLINE,
		    true) == -EINTR)
			return -ERESTARTSYS;
		fw_mutex_lock(&p->lock);
	}
	cap = atomic_load(&p->cap);
	n = MIN(len, atomic_load(&p->len));
	first = MIN(n, cap - p->head);
	memcpy(dst, p->buf + p->head, first);
	memcpy(dst + first, p->buf, n - first);
	if (!peek) {
		p->head = (p->head + n) % cap;
		atomic_fetch_sub(&p->len, n);
	}
	fw_mutex_unlock(&p->lock);
	if (!peek) {
		fw_waitq_wake_all(&p->wr_wq);
		poll_notify(&p->ph, LINUX_EPOLLOUT | LINUX_EPOLLWRNORM);
	}
	return (long)n;
}

long
pipe_read(struct file *f, void *buf, size_t len, uint64_t *off)
{
	return pipe_read_nb(f, buf, len,
	    (atomic_load(&f->flags) & LINUX_O_NONBLOCK) != 0, false);
}

/* Copies n bytes (they fit) into the ring.  Requires p->lock. */
static void
pipe_put_locked(struct pipe *p, const uint8_t *src, size_t n)
	FW_REQUIRES(&p->lock)
{
	size_t cap = atomic_load(&p->cap);
	size_t tail = (p->head + atomic_load(&p->len)) % cap;
	size_t first = MIN(n, cap - tail);

	memcpy(p->buf + tail, src, first);
	memcpy(p->buf, src + first, n - first);
	atomic_fetch_add(&p->len, n);
}

static long
pipe_write_nb(struct file *f, const void *buf, size_t len, bool nonblock)
{
	struct pipe *p = pipe_of(f);
	struct pipe_space_cond c = { p, 0 };
	const uint8_t *src = buf;
	size_t done = 0, space, n;

	fw_mutex_lock(&p->lock);
	while (done < len) {
		if (atomic_load(&p->readers) == 0) {
			fw_mutex_unlock(&p->lock);
			return done > 0 ? (long)done : -EPIPE;
		}
		space = atomic_load(&p->cap) - atomic_load(&p->len);
		/* Up to PIPE_BUF bytes go in whole; more may be split. */
		c.need = len - done <= PIPE_BUF ? len - done : 1;
		if (space >= c.need) {
			n = MIN(space, len - done);
			pipe_put_locked(p, src + done, n);
			done += n;
			fw_waitq_wake_all(&p->rd_wq);
			poll_notify(&p->ph, LINUX_EPOLLIN | LINUX_EPOLLRDNORM);
			continue;
		}
		if (nonblock) {
			fw_mutex_unlock(&p->lock);
			return done > 0 ? (long)done : -EAGAIN;
		}
		fw_mutex_unlock(&p->lock);
		if (fw_waitq_wait(&p->wr_wq, pipe_writable, &c, FW_NO_DEADLINE,
		    true) == -EINTR)
			return done > 0 ? (long)done : -ERESTARTSYS;
		fw_mutex_lock(&p->lock);
	}
	fw_mutex_unlock(&p->lock);
	return (long)done;
}

long
pipe_write(struct file *f, const void *buf, size_t len, uint64_t *off)
{
	return pipe_write_nb(f, buf, len,
	    (atomic_load(&f->flags) & LINUX_O_NONBLOCK) != 0);
}

/* A FIFO, as Linux's pipefs shows it. */
static void
pipe_stat(struct file *f, struct linux_stat *st)
{
	st->st_ino = pipe_of(f)->ino;
	st->st_nlink = 1;
	st->st_mode = LINUX_S_IFIFO | 0600;
	st->st_blksize = PIPE_BUF;
}

bool
pipe_drop_end(struct pipe *p, bool reader)
{
	bool last;

	fw_mutex_lock(&p->lock);
	atomic_fetch_sub(reader ? &p->readers : &p->writers, 1);
	last = atomic_load(&p->readers) == 0 && atomic_load(&p->writers) == 0;
	/* Under the lock: once it drops, the other end may free p. */
	if (!last) {
		fw_waitq_wake_all(reader ? &p->wr_wq : &p->rd_wq);
		poll_notify(&p->ph, 0);	/* EPOLLERR for writers, HUP for readers */
	}
	fw_mutex_unlock(&p->lock);
	return last;
}

static void
pipe_rd_release(struct file *f)
{
	struct pipe *p = pipe_of(f);

	if (pipe_drop_end(p, true))
		pipe_free(p);
}

static void
pipe_wr_release(struct file *f)
{
	struct pipe *p = pipe_of(f);

	if (pipe_drop_end(p, false))
		pipe_free(p);
}

uint32_t
pipe_rd_poll(struct file *f, struct poll_table *pt)
{
	struct pipe *p = pipe_of(f);
	uint32_t mask = 0;

	poll_wait(pt, &p->ph);
	if (atomic_load(&p->len) > 0)
		mask |= LINUX_EPOLLIN | LINUX_EPOLLRDNORM;
	if (atomic_load(&p->writers) == 0)
		mask |= LINUX_EPOLLHUP;
	return mask;
}

uint32_t
pipe_wr_poll(struct file *f, struct poll_table *pt)
{
	struct pipe *p = pipe_of(f);
	uint32_t mask = 0;

	poll_wait(pt, &p->ph);
	if (atomic_load(&p->cap) - atomic_load(&p->len) >= PIPE_BUF)
		mask |= LINUX_EPOLLOUT | LINUX_EPOLLWRNORM;
	if (atomic_load(&p->readers) == 0)
		mask |= LINUX_EPOLLERR;
	return mask;
}

static const struct file_ops pipe_rd_ops = {
	.anon_name = "pipe",
	.read = pipe_read,
	.poll = pipe_rd_poll,
	.stat = pipe_stat,
	.release = pipe_rd_release,
};

static const struct file_ops pipe_wr_ops = {
	.anon_name = "pipe",
	.write = pipe_write,
	.poll = pipe_wr_poll,
	.stat = pipe_stat,
	.release = pipe_wr_release,
};

struct pipe *
pipe_alloc(void)
{
	struct pipe *p;

	if ((p = fw_zalloc(1, sizeof(*p))) == NULL)
		return NULL;
	if ((p->buf = fw_alloc(PIPE_CAPACITY)) == NULL) {
		fw_free(p);
		return NULL;
	}
	fw_mutex_init(&p->lock);
	fw_waitq_init(&p->rd_wq);
	fw_waitq_init(&p->wr_wq);
	pollhead_init(&p->ph);
	atomic_init(&p->len, 0);
	atomic_init(&p->cap, PIPE_CAPACITY);
	atomic_init(&p->readers, 0);
	atomic_init(&p->writers, 0);
	p->ino = atomic_fetch_add(&pipe_next_ino, 1);
	return p;
}

int
pipe_create(bool nonblock, struct file **rd, struct file **wr)
{
	unsigned int nb = nonblock ? LINUX_O_NONBLOCK : 0;
	struct file *r = NULL, *w = NULL;
	struct pipe *p;
	int err;

	if ((p = pipe_alloc()) == NULL)
		return -ENOMEM;
	/* Each end counts once it exists, so its release is balanced. */
	if ((err = file_alloc(&pipe_rd_ops, NULL, LINUX_O_RDONLY | nb, false,
	    &r)) < 0)
		goto fail;
	r->priv = p;
	atomic_store(&p->readers, 1);
	if ((err = file_alloc(&pipe_wr_ops, NULL, LINUX_O_WRONLY | nb, false,
	    &w)) < 0)
		goto fail;
	w->priv = p;
	atomic_store(&p->writers, 1);
	*rd = r;
	*wr = w;
	return 0;
fail:
	if (r != NULL)
		file_unref(r);		/* the last end: frees p */
	else
		pipe_free(p);
	return err;
}

/*
 * The calls other subsystems make on pipes (svc/pipe.h): fcntl(2)'s pipe
 * sizes, and kernel-buffer transfers for splice(2), tee(2), vmsplice(2)
 * and sendfile(2).
 */
const void *
pipe_of_file(const struct file *f)
{
	if (f->ops != &pipe_rd_ops && f->ops != &pipe_wr_ops &&
	    !fifo_is_end(f))
		return NULL;
	return f->priv;
}

long
pipe_get_size(struct file *f)
{
	if (pipe_of_file(f) == NULL)
		return -EBADF;
	return (long)atomic_load(&pipe_of(f)->cap);
}

size_t
pipe_io_size(struct file *f)
{
	if (pipe_of_file(f) == NULL)
		return 0;
	return MIN(atomic_load(&pipe_of(f)->cap), PIPE_MAX_SIZE);
}

/* round_pipe_size(): a page at least, else the next power of two. */
static size_t
pipe_round_size(unsigned int size)
{
	size_t r = FW_PAGE_SIZE;

	if (size > (1U << 31))
		return 0;
	while (r < size)
		r <<= 1;
	return r;
}

/* Moves the bytes held into a new ring of cap bytes, from its start. */
static int
pipe_resize_locked(struct pipe *p, size_t cap) FW_REQUIRES(&p->lock)
{
	size_t len = atomic_load(&p->len), old = atomic_load(&p->cap);
	size_t first = MIN(len, old - p->head);
	uint8_t *nbuf;

	if ((nbuf = fw_alloc(cap)) == NULL)
		return -ENOMEM;
	memcpy(nbuf, p->buf + p->head, first);
	memcpy(nbuf + first, p->buf, len - first);
	fw_free(p->buf);
	p->buf = nbuf;
	p->head = 0;
	atomic_store(&p->cap, cap);
	return 0;
}

long
pipe_set_size(struct file *f, unsigned int arg, bool privileged)
{
	size_t cap = pipe_round_size(arg), used;
	struct pipe *p;
	long err;

	if (pipe_of_file(f) == NULL)
		return -EBADF;
	p = pipe_of(f);
	if (cap == 0)
		return -EINVAL;
	fw_mutex_lock(&p->lock);
	used = fw_page_up(atomic_load(&p->len));
	if (cap > atomic_load(&p->cap) && cap > PIPE_MAX_SIZE && !privileged)
		err = -EPERM;
	else if (used > cap)
		err = -EBUSY;		/* the data held would not fit */
	else if (cap == atomic_load(&p->cap) ||
	    (err = pipe_resize_locked(p, cap)) == 0)
		err = (long)cap;
	fw_mutex_unlock(&p->lock);
	fw_waitq_wake_all(&p->wr_wq);
	poll_notify(&p->ph, LINUX_EPOLLOUT | LINUX_EPOLLWRNORM);
	return err;
}

long
pipe_read_kernel(struct file *f, void *buf, size_t len, bool nonblock)
{
	return pipe_read_nb(f, buf, len, nonblock, false);
}

long
pipe_peek_kernel(struct file *f, void *buf, size_t len, bool nonblock)
{
	return pipe_read_nb(f, buf, len, nonblock, true);
}

long
pipe_write_kernel(struct file *f, const void *buf, size_t len,
    bool nonblock)
{
	return pipe_write_nb(f, buf, len, nonblock);
}

long
pipe_wait_space(struct file *f, bool nonblock)
{
	struct pipe *p = pipe_of(f);
	struct pipe_space_cond c = { p, 1 };
	size_t space;

	for (;;) {
		fw_mutex_lock(&p->lock);
		space = atomic_load(&p->cap) - atomic_load(&p->len);
		if (atomic_load(&p->readers) == 0) {
			fw_mutex_unlock(&p->lock);
			return -EPIPE;
		}
		fw_mutex_unlock(&p->lock);
		if (space > 0)
			return (long)space;
		if (nonblock)
			return -EAGAIN;
		if (fw_waitq_wait(&p->wr_wq, pipe_writable, &c, FW_NO_DEADLINE,
		    true) == -EINTR)
			return -ERESTARTSYS;
	}
}
