/*
 * services/fs/sys_readlink.c: readlinkat(2) and readlink(2).  The target
 * is copied without a NUL, cut at bufsiz; bufsiz <= 0 and a non-link are
 * EINVAL.  An empty path reads the link dirfd names (an O_PATH|O_NOFOLLOW
 * descriptor), as Linux does.  Locks: none held across the copy-out (a
 * link's target is immutable and the walk holds a reference).
 */
#include <fw/uaccess.h>
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
	char *path;
	size_t len;
	int err;

	if (bufsiz <= 0)
		return -EINVAL;
	if ((err = path_get(p->vm, upath, &path)) < 0)
		return err;
	fsctx_get(p, &c);
	err = lookup_at(&c, dirfd, path, LINUX_AT_EMPTY_PATH, 0, &w);
	fsctx_put(&c);
	if (err == 0 && !vnode_is(w.v, LINUX_S_IFLNK)) {
		err = path[0] == '\0' ? -ENOENT : -EINVAL;
		walk_done(&w);
	}
	path_put(path);
	if (err < 0)
		return err;
	len = MIN(str_len(w.v->u.target), (size_t)bufsiz);
	if ((err = fw_copy_to_user(p->vm, fw_uaddr(ubuf), w.v->u.target,
	    len)) == 0)
		err = (int)len;
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
