/*
 * services/fs/lock.c: advisory locks (lock.h), as fs/locks.c keeps them:
 * the lists and waits they share, flock(2) locks, and their release when
 * descriptors close.  Record locks are lock_range.c's.  A waiter sleeps
 * until the vnode's lock generation moves, which every removal or change
 * bumps, then looks again.
 *
 * Locks used to protect fields in this file:
 *	L	lock_mutex
 * Lock order: fs_lock (dropped first), then lock_mutex, then the waitq's.
 */
#include <fw/alloc.h>
#include <svc/file.h>
#include "lock.h"
#include "lock_impl.h"

struct fw_mutex lock_mutex;

struct gen_cond {
	struct vlocks	*l;
	unsigned int	 gen;
};

static bool
gen_moved(void *arg)
{
	struct gen_cond *c = arg;

	return atomic_load(&c->l->gen) != c->gen;
}

void
locks_changed(struct vlocks *l)
{
	atomic_fetch_add(&l->gen, 1);
	fw_waitq_wake_all(&l->wq);
}

int
locks_wait_locked(struct vlocks *l, unsigned int gen)
{
	struct gen_cond c = { l, gen };
	int err;

	fw_mutex_unlock(&lock_mutex);
	err = fw_waitq_wait(&l->wq, gen_moved, &c, FW_NO_DEADLINE, true);
	fw_mutex_lock(&lock_mutex);
	return err == -EINTR ? -ERESTARTSYS : 0;
}

bool
locks_remove_owned_locked(struct vlock **head, const void *owner)
{
	struct vlock **pp = head, *x;
	bool any = false;

	/* cppcheck-suppress uninitvar ; the lists start zeroed (vext_get) */
	while ((x = *pp) != NULL) {
		if (x->owner == owner) {
			*pp = x->next;
			fw_free(x);
			any = true;
		} else {
			pp = &x->next;
		}
	}
	return any;
}

static int
flock_acquire_locked(struct vlocks *l, struct vlock *req, bool nb)
    FW_REQUIRES(&lock_mutex)
{
	struct vlock *x;
	int err;

	for (;;) {
		for (x = l->flocks; x != NULL; x = x->next) {
			if (x->owner != req->owner &&
			    (x->type == LINUX_F_WRLCK ||
			    req->type == LINUX_F_WRLCK))
				break;
		}
		if (x == NULL) {
			req->next = l->flocks;
			l->flocks = req;
			return 0;
		}
		if (nb)
			return -EWOULDBLOCK;
		if ((err = locks_wait_locked(l, atomic_load(&l->gen))) < 0)
			return err;
	}
}

int
lock_flock(struct file *f, int op)
{
	struct vlock *req, *x;
	struct vnode_ext *e;
	int err = 0;

	if ((err = vext_get(f->vnode, &e)) < 0)
		return err;
	if ((req = fw_zalloc(1, sizeof(*req))) == NULL)
		return -ENOMEM;
	req->owner = f;
	req->type = (op & LINUX_LOCK_EX) ? LINUX_F_WRLCK : LINUX_F_RDLCK;
	req->end = OFFSET_MAX;
	fw_mutex_lock(&lock_mutex);
	for (x = e->locks.flocks; x != NULL && x->owner != f; x = x->next)
		;
	if (!(op & LINUX_LOCK_UN) && x != NULL && x->type == req->type) {
		fw_mutex_unlock(&lock_mutex);
		fw_free(req);
		return 0;
	}
	if (x != NULL && locks_remove_owned_locked(&e->locks.flocks, f))
		locks_changed(&e->locks);
	if (!(op & LINUX_LOCK_UN)) {
		err = flock_acquire_locked(&e->locks, req, op & LINUX_LOCK_NB);
		if (err == 0)
			req = NULL;
	}
	fw_mutex_unlock(&lock_mutex);
	fw_free(req);
	return err;
}

void
lock_file_release(struct file *f)
{
	struct vnode_ext *e = vext_peek(f->vnode);
	bool any;

	if (e == NULL)
		return;
	fw_mutex_lock(&lock_mutex);
	any = locks_remove_owned_locked(&e->locks.flocks, f);
	any |= locks_remove_owned_locked(&e->locks.ranges, f);
	if (any)
		locks_changed(&e->locks);
	fw_mutex_unlock(&lock_mutex);
}

void
lock_posix_close(const struct fdtable *fds, struct file *f)
{
	struct vnode_ext *e;

	if (f->vnode == NULL || (e = vext_peek(f->vnode)) == NULL)
		return;
	fw_mutex_lock(&lock_mutex);
	if (locks_remove_owned_locked(&e->locks.ranges, fds))
		locks_changed(&e->locks);
	fw_mutex_unlock(&lock_mutex);
}

void
vlocks_fini(struct vlocks *l)
{
	struct vlock *x;

	while ((x = l->flocks) != NULL) {
		l->flocks = x->next;
		fw_free(x);
	}
	while ((x = l->ranges) != NULL) {
		l->ranges = x->next;
		fw_free(x);
	}
}
