/*
 * services/fs/sys_readlink.c: readlinkat(2) and readlink(2).  The target
 * is copied without a NUL, cut at bufsiz; bufsiz <= 0 and a non-link are
 * EINVAL.  An empty path reads the link dirfd names (an O_PATH|O_NOFOLLOW
 * descriptor), as Linux does.  Locks: none held across the copy-out (a
 * link's target is immutable and the walk holds a reference).
 */
#include <fw/uaccess.h>
#include <fw/alloc.h>
#include <svc/syscall.h>
#include <svc/lib.h>
#include <svc/vfs.h>
#include "fs.h"

static long
do_readlinkat(struct proc *p, int dirfd, uint64_t upath, uint64_t ubuf,
    int bufsiz)
{
	struct fsctx c;
	struct walk w;
	char *path, *buf = NULL;
	const char *text;
	long n = 0;
	int err;

	if (bufsiz <= 0)
		return -EINVAL;
	if ((err = path_get(p->vm, upath, &path)) < 0)
		return err;
	fsctx_get(p, &c);
	err = lookup_at(&c, dirfd, path, LINUX_AT_EMPTY_PATH, 0, &w);
	if (err == 0 && !vnode_is(w.v, LINUX_S_IFLNK))
		err = path[0] == '\0' ? -ENOENT : -EINVAL;
	if (err == 0 && w.v->ops->readlink != NULL) {
		/* A computed target (procfs), made without fs_lock. */
		if ((buf = fw_alloc(LINUX_PATH_MAX)) == NULL)
			err = -ENOMEM;
		else if ((n = w.v->ops->readlink(w.v, &c, buf,
		    LINUX_PATH_MAX)) < 0)
			err = (int)n;
		text = buf;
	} else if (err == 0) {
		text = w.v->u.target;
		n = (long)str_len(text);
	}
	fsctx_put(&c);
	path_put(path);
	if (err == 0) {
		n = MIN(n, (long)bufsiz);
		err = fw_copy_to_user(p->vm, fw_uaddr(ubuf), text, (size_t)n);
		if (err == 0)
			err = (int)n;
	}
	fw_free(buf);
	walk_done(&w);
	return err;
}

SYSCALL(readlinkat)
{
	return do_readlinkat(t->proc, (int)a->a[0], a->a[1], a->a[2],
	    (int)a->a[3]);
}

SYSCALL(readlink)
{
	return do_readlinkat(t->proc, LINUX_AT_FDCWD, a->a[0], a->a[1],
	    (int)a->a[2]);
}
