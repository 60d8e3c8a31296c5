/*
 * services/fs/writecount.c: a running program's file is not written
 * (ETXTBSY), as Linux's i_writecount keeps it.  A vnode's writers count is
 * positive while regular files on it are open for writing (or a path
 * truncation runs), negative while processes run it: each holds a denial
 * from execve(2) or fork(2) until it execs again or ends.  A denial is
 * best effort, as in Linux since 6.x: a program whose file is open for
 * writing when it starts runs without one.
 *
 * Interface: vnode_get_write, vnode_put_write (fs.h); file_deny_write,
 * file_allow_write (svc/file.h).  Locks: none; the count is atomic.
 */
#include <fw/errno.h>
#include <svc/file.h>
#include "fs.h"

int
vnode_get_write(struct vnode *v)
{
	int n = atomic_load(&v->writers);

	do {
		if (n < 0)
			return -ETXTBSY;
	} while (!atomic_compare_exchange_weak(&v->writers, &n, n + 1));
	return 0;
}

void
vnode_put_write(struct vnode *v)
{
	atomic_fetch_sub(&v->writers, 1);
}

bool
file_deny_write(struct file *f)
{
	struct vnode *v = f->vnode;
	int n;

	if (v == NULL)
		return false;
	n = atomic_load(&v->writers);
	do {
		if (n > 0)
			return false;
	} while (!atomic_compare_exchange_weak(&v->writers, &n, n - 1));
	return true;
}

void
file_allow_write(struct file *f)
{
	atomic_fetch_add(&f->vnode->writers, 1);
}
