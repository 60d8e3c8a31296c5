/*
 * services/ipc/fifo.c: named pipes (fifo(7)).  A FIFO's vnode gets a pipe
 * at its first open, which every end opened on it shares until the last
 * closes; then the FIFO is empty again.  Opens meet as Linux's do
 * (fs/pipe.c fifo_open()):
 *  - O_RDONLY waits until a writer has opened (at once with O_NONBLOCK);
 *  - O_WRONLY waits until a reader has opened, and with O_NONBLOCK and no
 *    reader is ENXIO;
 *  - O_RDWR counts as both and never waits.
 * "Has opened" counts opens (r_opens, w_opens), so a reader and a writer
 * that come and go at once still release each other.  Reads, writes and
 * readiness are the pipe's (pipe.c); fstat is the FIFO's own vnode's.
 *
 * Interface: fifo_open() (svc/pipe.h), fifo_is_end() (pipe_impl.h).
 * Locks used to protect fields in this file:
 *	F	fifo_lock, taken before a pipe's lock
 *	a	atomic (wait conditions read them)
 */
#include <fw/alloc.h>
#include <fw/errno.h>
#include <fw/mutex.h>
#include <fw/waitq.h>
#include <svc/file.h>
#include <svc/pipe.h>
#include <uapi/fcntl.h>
#include "pipe_impl.h"

/* The pipe of a FIFO vnode with ends open, found by the vnode. */
struct fifo {
	const struct vnode	*key;		/* [F] not counted: the ends
						   hold it */
	struct pipe		*pipe;		/* [F] */
	atomic_uint		 r_opens;	/* [a] opens for reading */
	atomic_uint		 w_opens;	/* [a] opens for writing */
	struct fw_waitq		 wq;		/* opens waiting for the other
						   side */
	struct fifo		*next;		/* [F] */
};

static struct fw_mutex fifo_lock;		/* zeroed: unlocked */
static struct fifo *fifos;			/* [F] */

static struct fifo *
fifo_find_locked(const struct vnode *v) FW_REQUIRES(&fifo_lock)
{
	struct fifo *f;

	for (f = fifos; f != NULL && f->key != v; f = f->next)
		;
	return f;
}

static struct fifo *
fifo_get_locked(const struct vnode *v) FW_REQUIRES(&fifo_lock)
{
	struct fifo *f = fifo_find_locked(v);

	if (f != NULL)
		return f;
	if ((f = fw_zalloc(1, sizeof(*f))) == NULL)
		return NULL;
	if ((f->pipe = pipe_alloc()) == NULL) {
		fw_free(f);
		return NULL;
	}
	f->key = v;
	fw_waitq_init(&f->wq);
	f->next = fifos;
	fifos = f;
	return f;
}

/* Takes v's record off the list if its pipe has no end left. */
static struct fifo *
fifo_unlink_if_idle_locked(const struct vnode *v, const struct pipe *p)
	FW_REQUIRES(&fifo_lock)
{
	struct fifo **link, *f;

	if (atomic_load(&p->readers) != 0 || atomic_load(&p->writers) != 0)
		return NULL;
	for (link = &fifos; (f = *link) != NULL; link = &f->next)
		if (f->key == v) {
			*link = f->next;
			return f;
		}
	return NULL;
}

static void
fifo_free(struct fifo *f)
{
	if (f != NULL) {
		pipe_free(f->pipe);
		fw_free(f);
	}
}

/* An end of v's FIFO (reading, writing or both) closed. */
static void
fifo_put(const struct vnode *v, struct pipe *p, bool rd, bool wr)
{
	struct fifo *f;

	fw_mutex_lock(&fifo_lock);
	if (wr)
		(void)pipe_drop_end(p, false);
	if (rd)
		(void)pipe_drop_end(p, true);
	f = fifo_unlink_if_idle_locked(v, p);
	fw_mutex_unlock(&fifo_lock);
	fifo_free(f);
}

static void
fifo_rd_release(struct file *f)
{
	fifo_put(f->vnode, f->priv, true, false);
}

static void
fifo_wr_release(struct file *f)
{
	fifo_put(f->vnode, f->priv, false, true);
}

static void
fifo_rw_release(struct file *f)
{
	fifo_put(f->vnode, f->priv, true, true);
}

static uint32_t
fifo_rw_poll(struct file *f, struct poll_table *pt)
{
	return pipe_rd_poll(f, pt) | pipe_wr_poll(f, NULL);
}

static const struct file_ops fifo_rd_ops = {
	.read = pipe_read,
	.poll = pipe_rd_poll,
	.release = fifo_rd_release,
};
static const struct file_ops fifo_wr_ops = {
	.write = pipe_write,
	.poll = pipe_wr_poll,
	.release = fifo_wr_release,
};
static const struct file_ops fifo_rw_ops = {
	.read = pipe_read,
	.write = pipe_write,
	.poll = fifo_rw_poll,
	.release = fifo_rw_release,
};

bool
fifo_is_end(const struct file *f)
{
	return f->ops == &fifo_rd_ops || f->ops == &fifo_wr_ops ||
	    f->ops == &fifo_rw_ops;
}

/* Until the other side's open count differs from the one at the start. */
struct fifo_wait {
	atomic_uint	*opens;
	unsigned int	 seen;
};

static bool
fifo_other_came(void *arg)
{
	const struct fifo_wait *w = arg;

	return atomic_load(w->opens) != w->seen;
}

int
fifo_open(struct vnode *v, unsigned int flags, struct file **out)
{
	unsigned int acc = flags & LINUX_O_ACCMODE;
	bool rd = acc != LINUX_O_WRONLY, wr = acc != LINUX_O_RDONLY;
	bool nonblock = (flags & LINUX_O_NONBLOCK) != 0;
	const struct file_ops *ops = rd && wr ? &fifo_rw_ops :
	    rd ? &fifo_rd_ops : &fifo_wr_ops;
	struct fifo_wait w = { NULL, 0 };
	struct pipe *p;
	struct fifo *f;
	int err = 0;

	fw_mutex_lock(&fifo_lock);
	if ((f = fifo_get_locked(v)) == NULL) {
		fw_mutex_unlock(&fifo_lock);
		return -ENOMEM;
	}
	p = f->pipe;
	if (wr && !rd && nonblock && atomic_load(&p->readers) == 0) {
		err = -ENXIO;		/* no reader, and no waiting */
	} else {
		fw_mutex_lock(&p->lock);
		if (rd) {
			atomic_fetch_add(&p->readers, 1);
			atomic_fetch_add(&f->r_opens, 1);
		}
		if (wr) {
			atomic_fetch_add(&p->writers, 1);
			atomic_fetch_add(&f->w_opens, 1);
		}
		fw_mutex_unlock(&p->lock);
		fw_waitq_wake_all(&f->wq);
		if (rd && !wr && !nonblock && atomic_load(&p->writers) == 0)
			w = (struct fifo_wait){ &f->w_opens,
			    atomic_load(&f->w_opens) };
		else if (wr && !rd && atomic_load(&p->readers) == 0)
			w = (struct fifo_wait){ &f->r_opens,
			    atomic_load(&f->r_opens) };
	}
	fw_mutex_unlock(&fifo_lock);
	if (err == 0 && w.opens != NULL &&
	    fw_waitq_wait(&f->wq, fifo_other_came, &w, FW_NO_DEADLINE,
	    true) == -EINTR)
		err = -ERESTARTSYS;
	if (err == 0 && (err = file_alloc(ops, v, flags, false, out)) == 0)
		(*out)->priv = p;
	if (err == -ENXIO)			/* counted nothing */
		fifo_put(v, p, false, false);
	else if (err < 0)			/* take our counts back */
		fifo_put(v, p, rd, wr);
	return err;
}
