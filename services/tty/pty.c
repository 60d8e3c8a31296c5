/*
 * services/tty/pty.c: pseudo-terminal pairs (pty(7), pts(4)).  Opening a
 * ptmx makes a pair whose slave node /dev/pts/N appears in that ptmx's
 * devpts instance, locked until TIOCSPTLCK unlocks it; the node goes when
 * the master closes, the pair when its master and every slave file have.
 *
 * What Linux does, and so this file: a master read takes the output queue
 * and, once every slave has closed, EIO after it is drained; a master
 * read before any slave opened waits.  When the master closes the slave
 * is hung up: its reads return 0 (what was queued is thrown away), its
 * writes and ioctls EIO, its poll every event (hung_up_tty_fops).  A
 * slave read in canonical mode takes a line; otherwise VMIN and VTIME
 * (termios(3)) decide how long it waits and for how much.
 *
 * Readiness: master readable while output is queued, or with EPOLLHUP
 * once the slaves closed; writable while the input queue has room.
 * Slave readable while a read would return, writable while the output
 * queue has room.
 *
 * Interface: tty.h (pty_*), pty_slave_open() (fs.h).
 * Locks: tty.h.  pty_list_lock guards the registry and is held while a
 * pair is looked up and its counts change, so a found pair stays alive.
 */
#include <fw/alloc.h>
#include <fw/timer.h>
#include <svc/file.h>
#include <svc/lib.h>
#include <uapi/fcntl.h>
#include "tty.h"

struct fw_mutex pty_list_lock;
struct pty *pty_list;				/* [L] */

struct pty *
pty_of(const struct file *f)
{
	if (f->ops != &pty_master_ops && f->ops != &pty_slave_ops)
		return NULL;
	return f->priv;
}

bool
pty_is_master(const struct file *f)
{
	return f->ops == &pty_master_ops;
}

void
pty_changed_locked(struct pty *t, uint32_t events)
{
	atomic_fetch_add(&t->seq, 1);
	fw_waitq_wake_all(&t->wq);
	poll_notify(&t->ph, events);
}

struct pty_wait {
	struct pty	*t;
	unsigned int	 seen;
};

static bool
pty_moved(void *arg)
{
	struct pty_wait *c = arg;

	return atomic_load(&c->t->seq) != c->seen;
}

/* Waits, lock dropped, for a change: 0, -ETIMEDOUT or -ERESTARTSYS. */
static int
pty_wait_locked(struct pty *t, uint64_t deadline) FW_REQUIRES(&t->lock)
{
	struct pty_wait c = { t, atomic_load(&t->seq) };
	int err;

	fw_mutex_unlock(&t->lock);
	err = fw_waitq_wait(&t->wq, pty_moved, &c, deadline, true);
	fw_mutex_lock(&t->lock);
	return err == -EINTR ? -ERESTARTSYS : err;
}

static bool
nonblock(const struct file *f)
{
	return (atomic_load(&f->flags) & LINUX_O_NONBLOCK) != 0;
}

static long
pty_master_read(struct file *f, void *buf, size_t len, uint64_t *off)
{
	struct pty *t = f->priv;
	size_t n = 0;
	int err = 0;

	fw_mutex_lock(&t->lock);
	while (t->out.len == 0 && len > 0 && err == 0) {
		if (t->slave_hup)
			err = -EIO;
		else if (nonblock(f))
			err = -EAGAIN;
		else
			err = pty_wait_locked(t, FW_NO_DEADLINE);
	}
	if (err == 0) {
		n = MIN(len, t->out.len);
		memcpy(buf, t->out.buf, n);
		memmove(t->out.buf, t->out.buf + n, t->out.len - n);
		t->out.len -= n;
		pty_changed_locked(t, LINUX_EPOLLOUT | LINUX_EPOLLWRNORM);
	}
	fw_mutex_unlock(&t->lock);
	return err < 0 ? err : (long)n;
}

static long
pty_master_write(struct file *f, const void *buf, size_t len, uint64_t *off)
{
	struct pty *t = f->priv;
	const uint8_t *src = buf;
	struct tty_sigs sigs;
	size_t done = 0, n;
	int pgrp, err = 0;

	fw_mutex_lock(&t->lock);
	while (done < len && err == 0) {
		sigs.n = 0;
		n = n_tty_receive_locked(t, src + done, len - done, &sigs);
		done += n;
		if (n > 0)
			pty_changed_locked(t, 0);
		if (sigs.n > 0) {
			pgrp = t->pgrp;
			fw_mutex_unlock(&t->lock);
			tty_send_sigs(pgrp, &sigs);
			fw_mutex_lock(&t->lock);
		} else if (done < len) {
			err = nonblock(f) ? -EAGAIN :
			    pty_wait_locked(t, FW_NO_DEADLINE);
		}
	}
	fw_mutex_unlock(&t->lock);
	return done > 0 ? (long)done : err;
}

/* What ends a non-canonical read: VMIN bytes (or all wanted), VTIME. */
static long
slave_read_raw_locked(struct pty *t, const struct file *f, uint8_t *buf,
    size_t len) FW_REQUIRES(&t->lock)
{
	size_t min = t->tio.c_cc[LINUX_VMIN], got = 0;
	uint64_t tim = t->tio.c_cc[LINUX_VTIME] * 100000000ULL;
	uint64_t deadline = tim != 0 && min == 0 ?
	    fw_clock_monotonic() + tim : FW_NO_DEADLINE;
	long n;
	int err;

	for (;;) {
		if ((n = n_tty_read_locked(t, buf + got, len - got)) > 0) {
			got += (size_t)n;
			if (tim != 0 && min != 0)
				deadline = fw_clock_monotonic() + tim;
		}
		if (got == len || (min == 0 && (got > 0 || tim == 0)) ||
		    (min != 0 && got >= min) || !t->master_open)
			break;
		if (nonblock(f))
			return got > 0 ? (long)got : -EAGAIN;
		if ((err = pty_wait_locked(t, deadline)) == -ETIMEDOUT)
			break;
		if (err < 0)
			return got > 0 ? (long)got : err;
	}
	return (long)got;
}

static long
slave_read_canon_locked(struct pty *t, const struct file *f, uint8_t *buf,
    size_t len) FW_REQUIRES(&t->lock)
{
	long n;
	int err;

	while ((n = n_tty_read_locked(t, buf, len)) == -EAGAIN &&
	    t->master_open) {
		if (nonblock(f))
			return -EAGAIN;
		if ((err = pty_wait_locked(t, FW_NO_DEADLINE)) < 0)
			return err;
	}
	return n == -EAGAIN ? 0 : n;
}

static long
pty_slave_read(struct file *f, void *buf, size_t len, uint64_t *off)
{
	struct pty *t = f->priv;
	long n;
	int err;

	if ((err = tty_job_check(t, thread_current(),
	    true)) < 0)
		return err;
	fw_mutex_lock(&t->lock);
	if (!t->master_open || len == 0)
		n = 0;				/* hung up, or nothing asked */
	else if (t->tio.c_lflag & LINUX_ICANON)
		n = slave_read_canon_locked(t, f, buf, len);
	else
		n = slave_read_raw_locked(t, f, buf, len);
	if (!t->master_open)
		n = 0;
	if (n > 0)
		pty_changed_locked(t, LINUX_EPOLLOUT | LINUX_EPOLLWRNORM);
	fw_mutex_unlock(&t->lock);
	return n;
}

static long
pty_slave_write(struct file *f, const void *buf, size_t len, uint64_t *off)
{
	struct pty *t = f->priv;
	const uint8_t *src = buf;
	size_t done = 0, n;
	int err;

	if ((err = tty_job_check(t, thread_current(),
	    false)) < 0)
		return err;
	fw_mutex_lock(&t->lock);
	while (done < len && err == 0) {
		if (!t->master_open) {
			err = -EIO;
			break;
		}
		n = n_tty_write_locked(t, src + done, len - done);
		done += n;
		if (n > 0)
			pty_changed_locked(t, LINUX_EPOLLIN | LINUX_EPOLLRDNORM);
		else
			err = nonblock(f) ? -EAGAIN :
			    pty_wait_locked(t, FW_NO_DEADLINE);
	}
	fw_mutex_unlock(&t->lock);
	return done > 0 ? (long)done : err;
}

static uint32_t
pty_master_poll(struct file *f, struct poll_table *pt)
{
	struct pty *t = f->priv;
	uint32_t mask = 0;

	poll_wait(pt, &t->ph);
	fw_mutex_lock(&t->lock);
	if (t->out.len > 0)
		mask |= LINUX_EPOLLIN | LINUX_EPOLLRDNORM;
	if (t->slave_hup)
		mask |= LINUX_EPOLLIN | LINUX_EPOLLRDNORM | LINUX_EPOLLHUP;
	if (t->ld.len < TTY_BUF - 1)
		mask |= LINUX_EPOLLOUT | LINUX_EPOLLWRNORM;
	fw_mutex_unlock(&t->lock);
	return mask;
}

static uint32_t
pty_slave_poll(struct file *f, struct poll_table *pt)
{
	struct pty *t = f->priv;
	uint32_t mask = 0;

	poll_wait(pt, &t->ph);
	fw_mutex_lock(&t->lock);
	if (!t->master_open)
		mask = LINUX_EPOLLIN | LINUX_EPOLLOUT | LINUX_EPOLLERR |
		    LINUX_EPOLLHUP | LINUX_EPOLLRDNORM | LINUX_EPOLLWRNORM;
	if (n_tty_inq_locked(t) > 0 || (t->ld.ready > 0 &&
	    (t->tio.c_lflag & LINUX_ICANON)))
		mask |= LINUX_EPOLLIN | LINUX_EPOLLRDNORM;
	if (t->out.len < TTY_BUF)
		mask |= LINUX_EPOLLOUT | LINUX_EPOLLWRNORM;
	fw_mutex_unlock(&t->lock);
	return mask;
}

static void
pty_free(struct pty *t)
{
	vnode_unref(t->node);
	sb_unref(t->sb);
	fw_free(t);
}

/* Takes t off the registry if no file holds it any more. */
static bool
pty_unlink_dead_locked(struct pty *t) FW_REQUIRES(&pty_list_lock)
{
	struct pty **pp;

	if (t->master_open || t->nslave > 0)
		return false;
	for (pp = &pty_list; *pp != t; pp = &(*pp)->next)
		;
	*pp = t->next;
	return true;
}

static void
pty_master_release(struct file *f)
{
	struct pty *t = f->priv;
	int sid, pgrp;
	bool dead;

	/* While the index is still taken: no new pair can have its name. */
	devpts_node_remove(t->sb, t->index);
	fw_mutex_lock(&pty_list_lock);
	fw_mutex_lock(&t->lock);
	t->master_open = false;
	sid = t->session;
	pgrp = t->pgrp;
	t->session = t->pgrp = 0;
	n_tty_flush_locked(t);
	pty_changed_locked(t, 0);
	fw_mutex_unlock(&t->lock);
	dead = pty_unlink_dead_locked(t);
	fw_mutex_unlock(&pty_list_lock);
	if (sid != 0)
		tty_hangup_session(sid, pgrp);
	if (dead)
		pty_free(t);
}

static void
pty_slave_release(struct file *f)
{
	struct pty *t = f->priv;
	bool dead;

	fw_mutex_lock(&pty_list_lock);
	fw_mutex_lock(&t->lock);
	if (--t->nslave == 0) {
		t->slave_hup = true;
		pty_changed_locked(t, 0);
	}
	fw_mutex_unlock(&t->lock);
	dead = pty_unlink_dead_locked(t);
	fw_mutex_unlock(&pty_list_lock);
	if (dead)
		pty_free(t);
}

const struct file_ops pty_master_ops = {
	.read = pty_master_read,
	.write = pty_master_write,
	.ioctl = pty_ioctl,
	.poll = pty_master_poll,
	.release = pty_master_release,
};

const struct file_ops pty_slave_ops = {
	.read = pty_slave_read,
	.write = pty_slave_write,
	.ioctl = pty_ioctl,
	.poll = pty_slave_poll,
	.release = pty_slave_release,
};

int
pty_slave_file_locked(struct pty *t, unsigned int flags, struct file **out)
{
	int err;

	fw_mutex_lock(&t->lock);
	err = t->locked || !t->master_open ? -EIO : 0;
	if (err == 0)
		err = file_alloc(&pty_slave_ops, t->node, flags, false, out);
	if (err == 0) {
		(*out)->priv = t;
		t->nslave++;
		t->slave_hup = false;
	}
	fw_mutex_unlock(&t->lock);
	return err;
}

int
pty_slave_file(struct pty *t, unsigned int flags, struct file **out)
{
	int err;

	fw_mutex_lock(&pty_list_lock);
	err = pty_slave_file_locked(t, flags, out);
	fw_mutex_unlock(&pty_list_lock);
	return err;
}

int
pty_slave_open(struct vnode *v, unsigned int flags, struct file **out)
{
	struct pty *t;
	int err = -EIO;

	fw_mutex_lock(&pty_list_lock);
	for (t = pty_list; t != NULL && t->node != v; t = t->next)
		;
	if (t != NULL)
		err = pty_slave_file_locked(t, flags, out);
	fw_mutex_unlock(&pty_list_lock);
	return err;
}

/* The lowest index free in sb, or -ENOSPC past its max=. */
static int
pty_index_locked(struct superblock *sb) FW_REQUIRES(&pty_list_lock)
{
	struct pty *t;
	int i;

	for (i = 0; (uint64_t)i < devpts_max(sb); i++) {
		for (t = pty_list; t != NULL; t = t->next) {
			if (t->sb == sb && t->index == i)
				break;
		}
		if (t == NULL)
			return i;
	}
	return -ENOSPC;
}

int
pty_master_open(struct superblock *sb, struct vnode *v,
    const struct cred *cr, unsigned int flags, struct file **out)
{
	struct pty *t;
	int err;

	if ((t = fw_zalloc(1, sizeof(*t))) == NULL)
		return -ENOMEM;
	t->tio = tty_std_termios;
	t->locked = true;
	t->master_open = true;
	fw_mutex_lock(&pty_list_lock);
	if ((err = t->index = pty_index_locked(sb)) < 0 ||
	    (err = devpts_node_new(sb, t->index, cr->fsuid, cr->fsgid,
	    &t->node)) < 0)
		goto fail;
	if ((err = file_alloc(&pty_master_ops, v, flags, false, out)) < 0) {
		devpts_node_remove(sb, t->index);
		vnode_unref(t->node);
		goto fail;
	}
	(*out)->priv = t;
	atomic_fetch_add(&sb->nref, 1);
	t->sb = sb;
	t->next = pty_list;
	pty_list = t;
	fw_mutex_unlock(&pty_list_lock);
	return 0;
fail:
	fw_mutex_unlock(&pty_list_lock);
	fw_free(t);
	return err;
}
