/*
 * services/fs/lock_range.c: POSIX and OFD record locks (lock.h:
 * lock_fcntl()), as fs/locks.c keeps them.  A lock covers [start, end]
 * (end inclusive, INT64_MAX for "to the end of the file, however far");
 * setting one replaces whatever its owner held over that range, splitting
 * a lock of another type and merging with touching locks of the same
 * type.  A POSIX waiter first checks that the chain of owners waiting on
 * each other does not lead back to itself (EDEADLK), following at most
 * ten links as Linux does; OFD locks are not checked, as on Linux.
 *
 * Locks used to protect fields in this file:
 *	L	lock_mutex (lock_impl.h)
 */
#include <fw/alloc.h>
#include <svc/file.h>
#include <svc/lib.h>
#include <svc/proc.h>
#include "lock.h"
#include "lock_impl.h"

#define MAX_DEADLK	10

/* A POSIX F_SETLKW waiter: owner waits for a lock of blocker. */
struct lock_waiter {
	struct lock_waiter	*next;		/* [L] */
	const void		*owner, *blocker;	/* [L] */
};

static struct lock_waiter *lock_waiters;		/* [L] */

/* Waits as locks_wait_locked(), listed as a waiter for deadlock checks. */
static int
range_wait_locked(struct vlocks *l, struct lock_waiter *w)
    FW_REQUIRES(&lock_mutex)
{
	struct lock_waiter **pp;
	int err;

	w->next = lock_waiters;
	lock_waiters = w;
	err = locks_wait_locked(l, atomic_load(&l->gen));
	for (pp = &lock_waiters; *pp != NULL; pp = &(*pp)->next) {
		if (*pp == w) {
			*pp = w->next;
			break;
		}
	}
	return err;
}

/* posix_locks_deadlock(): whether blocker's chain of waits reaches owner. */
static bool
deadlock_locked(const void *owner, const void *blocker)
    FW_REQUIRES(&lock_mutex)
{
	const struct lock_waiter *w;
	int i;

	for (i = 0; i < MAX_DEADLK; i++) {
		for (w = lock_waiters; w != NULL && w->owner != blocker;
		    w = w->next)
			;
		if (w == NULL)
			return false;
		if ((blocker = w->blocker) == owner)
			return true;
	}
	return false;
}

static bool
overlaps(const struct vlock *x, int64_t s, int64_t e)
{
	return x->start <= e && s <= x->end;
}

static bool
touches(const struct vlock *x, int64_t s, int64_t e)
{
	return x->start <= (e == OFFSET_MAX ? e : e + 1) &&
	    s <= (x->end == OFFSET_MAX ? x->end : x->end + 1);
}

static bool
conflicts(const struct vlock *a, const struct vlock *b)
{
	return a->owner != b->owner && overlaps(a, b->start, b->end) &&
	    (a->type == LINUX_F_WRLCK || b->type == LINUX_F_WRLCK);
}

static struct vlock *
find_conflict_locked(struct vlock *list, const struct vlock *req)
    FW_REQUIRES(&lock_mutex)
{
	for (; list != NULL; list = list->next) {
		if (conflicts(list, req))
			return list;
	}
	return NULL;
}

/* Inserts x into the list at *pp, ordered by start. */
static void
insert_sorted(struct vlock **pp, struct vlock *x)
{
	for (; *pp != NULL && (*pp)->start <= x->start; pp = &(*pp)->next)
		;
	x->next = *pp;
	*pp = x;
}

/*
 * Cuts [s, e] out of x, an own lock of another type overlapping it;
 * spare takes x's right part when x spans the range (and is consumed:
 * *spare becomes NULL).
 */
static bool
cut_locked(struct vlock *x, int64_t s, int64_t e, struct vlock **spare)
    FW_REQUIRES(&lock_mutex)
{
	if (x->start < s && x->end > e) {
		**spare = *x;
		(*spare)->start = e + 1;
		x->end = s - 1;
		(*spare)->next = x->next;
		x->next = *spare;
		*spare = NULL;
	} else if (x->start < s) {
		x->end = s - 1;
	} else if (x->end > e) {
		x->start = e + 1;
	} else {
		return true;			/* covered: remove x */
	}
	return false;
}

/*
 * What becomes of x, one of req's owner's locks, when req takes [s, e]:
 * merged into req (same type, touching), cut around the range, or gone.
 * True when x is to be removed.
 */
static bool
own_lock_update_locked(struct vlock *x, struct vlock *req, int64_t s,
    int64_t e, struct vlock **spare) FW_REQUIRES(&lock_mutex)
{
	if (req->type != LINUX_F_UNLCK && x->type == req->type &&
	    touches(x, s, e)) {
		req->start = MIN(req->start, x->start);
		req->end = MAX(req->end, x->end);
		return true;
	}
	return overlaps(x, s, e) && cut_locked(x, s, e, spare);
}

/*
 * Makes req's owner hold req->type over [req->start, req->end] (nothing
 * for F_UNLCK).  Consumes req (linked or freed) and maybe *spare.
 */
static void
ranges_apply_locked(struct vlocks *l, struct vlock *req, struct vlock **spare)
    FW_REQUIRES(&lock_mutex)
{
	int64_t s = req->start, e = req->end;
	struct vlock **pp = &l->ranges, *x;

	while ((x = *pp) != NULL) {
		if (x->owner == req->owner &&
		    own_lock_update_locked(x, req, s, e, spare)) {
			*pp = x->next;
			fw_free(x);
		} else {
			pp = &x->next;
		}
	}
	if (req->type == LINUX_F_UNLCK)
		fw_free(req);
	else
		insert_sorted(&l->ranges, req);
	locks_changed(l);
}

/* flock_to_posix_lock(): the range fl names in f, or -EINVAL, -EOVERFLOW. */
static int
range_of(struct file *f, const struct linux_flock *fl, struct vlock *x)
{
	int64_t base, start;

	switch (fl->l_whence) {
	case LINUX_SEEK_SET:
		base = 0;
		break;
	case LINUX_SEEK_CUR:
		fw_mutex_lock(&f->lock);
		base = (int64_t)f->pos;
		fw_mutex_unlock(&f->lock);
		break;
	case LINUX_SEEK_END:
		fw_mutex_lock(&fs_lock);
		base = (int64_t)f->vnode->size;
		fw_mutex_unlock(&fs_lock);
		break;
	default:
		return -EINVAL;
	}
	if (fl->l_start > OFFSET_MAX - base)
		return -EOVERFLOW;
	if ((start = base + fl->l_start) < 0)
		return -EINVAL;
	if (fl->l_len > 0) {
		if (fl->l_len - 1 > OFFSET_MAX - start)
			return -EOVERFLOW;
		x->start = start;
		x->end = start + fl->l_len - 1;
	} else if (fl->l_len < 0) {
		if (start + fl->l_len < 0)
			return -EINVAL;
		x->start = start + fl->l_len;
		x->end = start - 1;
	} else {
		x->start = start;
		x->end = OFFSET_MAX;
	}
	if (fl->l_type != LINUX_F_RDLCK && fl->l_type != LINUX_F_WRLCK &&
	    fl->l_type != LINUX_F_UNLCK)
		return -EINVAL;
	x->type = fl->l_type;
	return 0;
}

static int
lock_getlk(struct vlocks *l, struct vlock *req, struct linux_flock *fl)
{
	const struct vlock *c;

	fw_mutex_lock(&lock_mutex);
	if ((c = find_conflict_locked(l->ranges, req)) == NULL) {
		fl->l_type = LINUX_F_UNLCK;
	} else {
		fl->l_type = (int16_t)c->type;
		fl->l_whence = LINUX_SEEK_SET;
		fl->l_start = c->start;
		fl->l_len = c->end == OFFSET_MAX ? 0 : c->end - c->start + 1;
		fl->l_pid = c->pid;
	}
	fw_mutex_unlock(&lock_mutex);
	return 0;
}

/* F_SETLK(W) with req and a spare allocated: both consumed. */
static int
lock_setlk(struct vlocks *l, struct vlock *req, struct vlock *spare,
    bool wait, bool posix)
{
	struct lock_waiter w = { NULL, req->owner, NULL };
	struct vlock *c;
	int err = 0;

	fw_mutex_lock(&lock_mutex);
	for (;;) {
		if (req->type == LINUX_F_UNLCK ||
		    (c = find_conflict_locked(l->ranges, req)) == NULL) {
			ranges_apply_locked(l, req, &spare);
			req = NULL;
			break;
		}
		if (!wait) {
			err = -EAGAIN;
			break;
		}
		if (posix && deadlock_locked(req->owner, c->owner)) {
			err = -EDEADLK;
			break;
		}
		w.blocker = c->owner;
		err = posix ? range_wait_locked(l, &w) :
		    locks_wait_locked(l, atomic_load(&l->gen));
		if (err < 0)
			break;
	}
	fw_mutex_unlock(&lock_mutex);
	fw_free(req);
	fw_free(spare);
	return err;
}

/* Drops what the owner holds over [start, end] (a lost close race). */
static void
lock_undo(struct vlocks *l, const struct vlock *like)
{
	struct vlock *req, *spare;

	req = fw_alloc(sizeof(*req));
	spare = fw_alloc(sizeof(*spare));
	if (req != NULL && spare != NULL) {
		*req = *like;
		req->type = LINUX_F_UNLCK;
		if (lock_setlk(l, req, spare, false, false) == 0)
			return;
	}
	fw_free(req);
	fw_free(spare);
}

static bool
lock_ofd(int cmd)
{
	return cmd == LINUX_F_OFD_GETLK || cmd == LINUX_F_OFD_SETLK ||
	    cmd == LINUX_F_OFD_SETLKW;
}

/* Decodes fl for f into req (owner, pid, range, type): 0 or -errno. */
static int
lock_decode(struct proc *p, struct file *f, int cmd,
    const struct linux_flock *fl, struct vlock *req)
{
	int err;

	if ((err = range_of(f, fl, req)) < 0)
		return err;
	if (cmd == LINUX_F_GETLK || cmd == LINUX_F_OFD_GETLK) {
		if (req->type == LINUX_F_UNLCK)
			return -EINVAL;
	} else if ((req->type == LINUX_F_RDLCK && !file_readable(f)) ||
	    (req->type == LINUX_F_WRLCK && !file_writable(f))) {
		return -EBADF;
	}
	if (lock_ofd(cmd)) {
		if (fl->l_pid != 0)
			return -EINVAL;
		req->owner = f;
		req->pid = -1;
	} else {
		req->owner = p->fds;
		req->pid = p->pid;
	}
	return 0;
}

int
lock_fcntl(struct proc *p, int fd, struct file *f, int cmd,
    struct linux_flock *fl)
{
	struct vlock *req, *spare = NULL, like;
	struct vnode_ext *e;
	struct file *again;
	int err;

	if ((req = fw_zalloc(1, sizeof(*req))) == NULL)
		return -ENOMEM;
	if ((err = lock_decode(p, f, cmd, fl, req)) < 0 ||
	    (err = vext_get(f->vnode, &e)) < 0)
		goto out;
	if (cmd == LINUX_F_GETLK || cmd == LINUX_F_OFD_GETLK) {
		err = lock_getlk(&e->locks, req, fl);
		goto out;
	}
	if ((spare = fw_alloc(sizeof(*spare))) == NULL) {
		err = -ENOMEM;
		goto out;
	}
	like = *req;
	err = lock_setlk(&e->locks, req, spare, cmd == LINUX_F_SETLKW ||
	    cmd == LINUX_F_OFD_SETLKW, !lock_ofd(cmd));
	/* A close of fd while we waited: the new lock must not outlive it. */
	if (err == 0 && !lock_ofd(cmd) && like.type != LINUX_F_UNLCK) {
		if (fd_get(p, fd, &again) < 0) {
			lock_undo(&e->locks, &like);
		} else {
			if (again != f)
				lock_undo(&e->locks, &like);
			file_unref(again);
		}
	}
	return err;
out:
	fw_free(req);
	return err;
}

