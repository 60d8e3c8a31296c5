/*
 * services/fs/inotify.c: inotify(7).  An instance is a file with a queue
 * of events; a watch (a mark) ties an instance to a vnode with a mask and
 * a watch descriptor.  The file system reports what happens through
 * fsnotify_locked() (fs.h): each mark whose mask meets the event queues a
 * record, the same event twice in a row is queued once, and past 16384
 * records one IN_Q_OVERFLOW stands for the rest.  A vnode whose last link
 * goes ends its watches with IN_DELETE_SELF and IN_IGNORED, as does
 * inotify_rm_watch; IN_ONESHOT ends one after its first event.
 *
 * Interface: the fs.h hooks, sys_inotify_init, sys_inotify_init1,
 * sys_inotify_add_watch, sys_inotify_rm_watch.
 * Locks used to protect fields in this file:
 *	F	fs_lock: marks, on their vnode and their instance
 *	q	inotify->lock (a spinlock): the queue
 *	a	atomic
 * Lock order: fs_lock, inotify->lock, the pollhead's.  A mark holds its
 * vnode; the instance's last close drops its marks.
 */
#include <fw/alloc.h>
#include <fw/spinlock.h>
#include <fw/uaccess.h>
#include <fw/waitq.h>
#include <svc/file.h>
#include <svc/lib.h>
#include <svc/poll.h>
#include <svc/syscall.h>
#include <uapi/inotify.h>
#include <uapi/tty.h>
#include "fs.h"

#define INOTIFY_MAX_QUEUED	16384	/* fs.inotify.max_queued_events */
#define INOTIFY_MAX_WATCHES	8192	/* fs.inotify.max_user_watches */

struct inotify_event_rec {
	struct inotify_event_rec	*next;
	struct linux_inotify_event	 ev;
	char				 name[];	/* ev.len bytes */
};

struct inotify {
	struct fw_spinlock		 lock;
	struct inotify_event_rec	*head, **tail;	/* [q] */
	struct inotify_event_rec	*last;		/* [q] for merging */
	size_t				 count, bytes;	/* [q] */
	struct fw_waitq			 wq;
	struct pollhead			 ph;
	struct inotify_mark		*marks;		/* [F] */
	int				 next_wd;	/* [F] */
	int				 nmarks;	/* [F] */
};

struct inotify_mark {
	struct inotify_mark	*next_on_vnode;	/* [F] */
	struct inotify_mark	*next_on_inst;	/* [F] */
	struct vnode		*v;		/* [I] counted */
	struct inotify		*in;		/* [I] */
	int			 wd;		/* [I] */
	uint32_t		 mask;		/* [F] */
};

/* How many marks exist: the hooks do nothing while there are none. */
static atomic_uint inotify_nmarks;

static struct inotify_event_rec *
rec_new(int wd, uint32_t mask, uint32_t cookie, const char *name)
{
	size_t nlen = name != NULL ? str_len(name) : 0, len = 0;
	struct inotify_event_rec *r;

	if (nlen > 0)
		len = (nlen + 1 + 15) & ~(size_t)15;
	if ((r = fw_zalloc(1, sizeof(*r) + len)) == NULL)
		return NULL;
	r->ev.wd = wd;
	r->ev.mask = mask;
	r->ev.cookie = cookie;
	r->ev.len = (uint32_t)len;
	if (nlen > 0)
		memcpy(r->name, name, nlen);
	return r;
}

static bool
rec_same(const struct inotify_event_rec *a, const struct inotify_event_rec *b)
{
	return a->ev.wd == b->ev.wd && a->ev.mask == b->ev.mask &&
	    a->ev.cookie == b->ev.cookie && a->ev.len == b->ev.len &&
	    memcmp(a->name, b->name, a->ev.len) == 0;
}

/* Queues an event on in (consumes r; NULL: out of memory, overflow). */
static void
inotify_queue(struct inotify *in, struct inotify_event_rec *r)
{
	fw_spin_lock(&in->lock);
	if (r != NULL && in->last != NULL && rec_same(in->last, r)) {
		fw_spin_unlock(&in->lock);
		fw_free(r);
		return;
	}
	if (r == NULL || in->count >= INOTIFY_MAX_QUEUED) {
		fw_free(r);
		if (in->last != NULL &&
		    in->last->ev.mask == LINUX_IN_Q_OVERFLOW) {
			fw_spin_unlock(&in->lock);
			return;
		}
		fw_spin_unlock(&in->lock);
		if ((r = rec_new(-1, LINUX_IN_Q_OVERFLOW, 0, NULL)) == NULL)
			return;
		fw_spin_lock(&in->lock);
	}
	*in->tail = r;
	in->tail = &r->next;
	in->last = r;
	in->count++;
	in->bytes += sizeof(r->ev) + r->ev.len;
	fw_spin_unlock(&in->lock);
	fw_waitq_wake_all(&in->wq);
	poll_notify(&in->ph, LINUX_EPOLLIN | LINUX_EPOLLRDNORM);
}

/* Takes m off its vnode and instance and frees it, queueing IN_IGNORED. */
static void
mark_drop_locked(struct inotify_mark *m) FW_REQUIRES(&fs_lock)
{
	struct inotify_mark **pp;

	for (pp = &m->v->marks; *pp != NULL; pp = &(*pp)->next_on_vnode) {
		if (*pp == m) {
			*pp = m->next_on_vnode;
			break;
		}
	}
	for (pp = &m->in->marks; *pp != NULL; pp = &(*pp)->next_on_inst) {
		if (*pp == m) {
			*pp = m->next_on_inst;
			break;
		}
	}
	m->in->nmarks--;
	inotify_queue(m->in, rec_new(m->wd, LINUX_IN_IGNORED, 0, NULL));
	atomic_fetch_sub(&inotify_nmarks, 1);
	vnode_unref(m->v);
	fw_free(m);
}

/* Reports mask (with name, or none) to the marks on v that want it. */
static void
notify_marks_locked(struct vnode *v, uint32_t mask, const char *name,
    uint32_t cookie) FW_REQUIRES(&fs_lock)
{
	struct inotify_mark *m, *next;

	for (m = v->marks; m != NULL; m = next) {
		next = m->next_on_vnode;
		if (!(m->mask & mask & LINUX_IN_ALL_EVENTS))
			continue;
		inotify_queue(m->in, rec_new(m->wd, mask & (m->mask |
		    LINUX_IN_ISDIR), cookie, name));
		if (m->mask & LINUX_IN_ONESHOT)
			mark_drop_locked(m);
	}
}

void
fsnotify_locked(struct vnode *dir, struct vnode *v, uint32_t mask,
    const char *name, uint32_t cookie)
{
	bool isdir = v != NULL && vnode_is(v, LINUX_S_IFDIR);

	if (atomic_load(&inotify_nmarks) == 0)
		return;
	if (isdir)
		mask |= LINUX_IN_ISDIR;
	if (v != NULL && !(mask & (LINUX_IN_CREATE | LINUX_IN_DELETE |
	    LINUX_IN_MOVED_FROM | LINUX_IN_MOVED_TO)))
		notify_marks_locked(v, mask, NULL, cookie);
	if (dir == NULL && v != NULL)
		dir = v->parent;
	if (dir != NULL && dir != v) {
		if (name == NULL && v != NULL && dir->ops->name_of != NULL) {
			const char *n;
			size_t len;
			char buf[LINUX_NAME_MAX + 1];

			if (dir->ops->name_of(dir, v, &n, &len) < 0)
				return;
			memcpy(buf, n, len);
			buf[len] = '\0';
			notify_marks_locked(dir, mask, buf, cookie);
			return;
		}
		notify_marks_locked(dir, mask, name, cookie);
	}
}

bool
fsnotify_active(void)
{
	return atomic_load(&inotify_nmarks) != 0;
}

void
fsnotify_gone_locked(struct vnode *v)
{
	if (atomic_load(&inotify_nmarks) == 0 || v->nlink > 0)
		return;
	notify_marks_locked(v, LINUX_IN_DELETE_SELF, NULL, 0);
	while (v->marks != NULL)
		mark_drop_locked(v->marks);
}

void
fsnotify_close(struct file *f)
{
	if (atomic_load(&inotify_nmarks) == 0 || f->vnode == NULL ||
	    f->mnt == NULL || (atomic_load(&f->flags) & LINUX_O_PATH))
		return;
	fw_mutex_lock(&fs_lock);
	fsnotify_locked(NULL, f->vnode, file_writable(f) ?
	    LINUX_IN_CLOSE_WRITE : LINUX_IN_CLOSE_NOWRITE, NULL, 0);
	fw_mutex_unlock(&fs_lock);
}

/* The instance side: a file of no file system. */

static struct inotify *
inotify_of(struct file *f)
{
	return f->priv;
}

static bool
inotify_ready(void *arg)
{
	struct inotify *in = arg;
	bool r;

	fw_spin_lock(&in->lock);
	r = in->head != NULL;
	fw_spin_unlock(&in->lock);
	return r;
}

/* Moves whole events into buf: bytes, -EINVAL if the first does not fit. */
static long
inotify_take(struct inotify *in, void *buf, size_t len)
{
	struct inotify_event_rec *r;
	size_t off = 0, n;
	uint8_t *p = buf;

	fw_spin_lock(&in->lock);
	while ((r = in->head) != NULL) {
		n = sizeof(r->ev) + r->ev.len;
		if (n > len - off)
			break;
		memcpy(p + off, &r->ev, sizeof(r->ev));
		memcpy(p + off + sizeof(r->ev), r->name, r->ev.len);
		off += n;
		in->head = r->next;
		if (in->head == NULL) {
			in->tail = &in->head;
			in->last = NULL;
		}
		in->count--;
		in->bytes -= n;
		fw_free(r);
	}
	fw_spin_unlock(&in->lock);
	return off == 0 ? -EINVAL : (long)off;
}

static long
inotify_read(struct file *f, void *buf, size_t len, uint64_t *off)
{
	struct inotify *in = inotify_of(f);

	(void)off;
	while (!inotify_ready(in)) {
		if (atomic_load(&f->flags) & LINUX_O_NONBLOCK)
			return -EAGAIN;
		if (fw_waitq_wait(&in->wq, inotify_ready, in, FW_NO_DEADLINE,
		    true) < 0)
			return -ERESTARTSYS;
	}
	return inotify_take(in, buf, len);
}

static uint32_t
inotify_poll(struct file *f, struct poll_table *pt)
{
	struct inotify *in = inotify_of(f);

	poll_wait(pt, &in->ph);
	return inotify_ready(in) ? LINUX_EPOLLIN | LINUX_EPOLLRDNORM : 0;
}

static long
inotify_ioctl(struct file *f, struct thread *t, unsigned int cmd,
    uint64_t arg)
{
	struct inotify *in = inotify_of(f);
	int n;

	if (cmd != LINUX_FIONREAD)
		return -ENOTTY;
	fw_spin_lock(&in->lock);
	n = (int)in->bytes;
	fw_spin_unlock(&in->lock);
	return fw_copy_to_user(t->proc->vm, fw_uaddr(arg), &n, sizeof(n));
}

static void
inotify_release(struct file *f)
{
	struct inotify *in = inotify_of(f);
	struct inotify_event_rec *r;

	fw_mutex_lock(&fs_lock);
	while (in->marks != NULL)
		mark_drop_locked(in->marks);
	fw_mutex_unlock(&fs_lock);
	while ((r = in->head) != NULL) {
		in->head = r->next;
		fw_free(r);
	}
	fw_free(in);
}

static const struct file_ops inotify_ops = {
	.anon_name = "inotify",
	.read = inotify_read,
	.poll = inotify_poll,
	.ioctl = inotify_ioctl,
	.release = inotify_release,
};

static long
inotify_new(struct thread *t, uint64_t flags)
{
	struct inotify *in;
	struct file *f;
	int fd, err;

	if (flags & ~(uint64_t)(LINUX_IN_CLOEXEC | LINUX_IN_NONBLOCK))
		return -EINVAL;
	if ((in = fw_zalloc(1, sizeof(*in))) == NULL)
		return -ENOMEM;
	fw_spin_init(&in->lock);
	fw_waitq_init(&in->wq);
	pollhead_init(&in->ph);
	in->tail = &in->head;
	in->next_wd = 1;
	if ((err = file_alloc(&inotify_ops, NULL, LINUX_O_RDONLY |
	    (unsigned int)(flags & LINUX_IN_NONBLOCK), false, &f)) < 0) {
		fw_free(in);
		return err;
	}
	f->priv = in;
	fd = fd_install(t->proc, f, flags & LINUX_IN_CLOEXEC);
	file_unref(f);
	return fd;
}

SYSCALL(inotify_init)
{
	(void)a;
	return inotify_new(t, 0);
}

SYSCALL(inotify_init1)
{
	return inotify_new(t, a->a[0]);
}

/* The instance fd names: 0 with *out referenced, -EBADF, or -EINVAL. */
static int
inotify_get(struct proc *p, int fd, struct file **out)
{
	int err;

	if ((err = fd_get(p, fd, out)) < 0)
		return err;
	if ((*out)->ops != &inotify_ops) {
		file_unref(*out);
		return -EINVAL;
	}
	return 0;
}

/* Adds or changes in's watch on v: its wd, or -errno. */
static long
watch_locked(struct inotify *in, struct vnode *v, uint32_t mask)
    FW_REQUIRES(&fs_lock)
{
	struct inotify_mark *m;

	for (m = v->marks; m != NULL && m->in != in; m = m->next_on_vnode)
		;
	if (m != NULL) {
		if (mask & LINUX_IN_MASK_CREATE)
			return -EEXIST;
		m->mask = (mask & LINUX_IN_MASK_ADD) ? m->mask | mask : mask;
		return m->wd;
	}
	if (in->nmarks >= INOTIFY_MAX_WATCHES)
		return -ENOSPC;
	if ((m = fw_zalloc(1, sizeof(*m))) == NULL)
		return -ENOMEM;
	m->v = vnode_ref(v);
	m->in = in;
	m->wd = in->next_wd++;
	m->mask = mask;
	m->next_on_vnode = v->marks;
	v->marks = m;
	m->next_on_inst = in->marks;
	in->marks = m;
	in->nmarks++;
	atomic_fetch_add(&inotify_nmarks, 1);
	return m->wd;
}

SYSCALL(inotify_add_watch)
{
	struct proc *p = t->proc;
	uint32_t mask = (uint32_t)a->a[2];
	struct fsctx c;
	struct walk w;
	struct file *f;
	char *path;
	long ret;

	if ((ret = inotify_get(p, (int)a->a[0], &f)) < 0)
		return ret;
	if (!(mask & LINUX_IN_ALL_EVENTS) || ((mask & LINUX_IN_MASK_ADD) &&
	    (mask & LINUX_IN_MASK_CREATE))) {
		file_unref(f);
		return -EINVAL;
	}
	if ((ret = path_get(p->vm, a->a[1], &path)) < 0) {
		file_unref(f);
		return ret;
	}
	fsctx_get(p, &c);
	ret = lookup_at(&c, LINUX_AT_FDCWD, path, 0,
	    (mask & LINUX_IN_DONT_FOLLOW) ? 0 : WALK_FOLLOW, &w);
	if (ret == 0 && (mask & LINUX_IN_ONLYDIR) &&
	    !vnode_is(w.v, LINUX_S_IFDIR))
		ret = -ENOTDIR;
	if (ret == 0) {
		fw_mutex_lock(&fs_lock);
		ret = vnode_permission(w.v, &c, LINUX_R_OK);
		if (ret == 0)
			ret = watch_locked(inotify_of(f), w.v, mask);
		fw_mutex_unlock(&fs_lock);
	}
	walk_done(&w);
	fsctx_put(&c);
	path_put(path);
	file_unref(f);
	return ret;
}

SYSCALL(inotify_rm_watch)
{
	struct inotify_mark *m;
	struct inotify *in;
	struct file *f;
	long ret;

	if ((ret = inotify_get(t->proc, (int)a->a[0], &f)) < 0)
		return ret;
	in = inotify_of(f);
	ret = -EINVAL;
	fw_mutex_lock(&fs_lock);
	for (m = in->marks; m != NULL; m = m->next_on_inst) {
		if (m->wd == (int)a->a[1]) {
			mark_drop_locked(m);
			ret = 0;
			break;
		}
	}
	fw_mutex_unlock(&fs_lock);
	file_unref(f);
	return ret;
}
