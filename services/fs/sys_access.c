/*
 * services/fs/sys_access.c: faccessat2(2), faccessat(2) and access(2).
 * The check uses the real uid and gid unless AT_EACCESS; F_OK only asks
 * that the path resolve.  A mode outside F_OK|R_OK|W_OK|X_OK, or an
 * unknown flag, is EINVAL.  Locks: fs_lock for the permission check.
 */
#include <svc/syscall.h>
#include <svc/vfs.h>
#include "fs.h"

#define ACCESS_FLAGS	(LINUX_AT_EACCESS | LINUX_AT_SYMLINK_NOFOLLOW | \
			 LINUX_AT_EMPTY_PATH)

static long
do_faccessat(struct proc *p, int dirfd, uint64_t upath, int mode, int flags)
{
	struct fsctx c;
	struct walk w;
	char *path;
	int err;

	if (mode & ~(LINUX_R_OK | LINUX_W_OK | LINUX_X_OK))
		return -EINVAL;
	if (flags & ~ACCESS_FLAGS)
		return -EINVAL;
	if ((err = path_get(p->vm, upath, &path)) < 0)
		return err;
	fsctx_get(p, &c);
	if (!(flags & LINUX_AT_EACCESS)) {
		c.cred.fsuid = c.cred.uid;
		c.cred.fsgid = c.cred.gid;
	}
	err = lookup_at(&c, dirfd, path, flags,
	    (flags & LINUX_AT_SYMLINK_NOFOLLOW) ? 0 : WALK_FOLLOW, &w);
	if (err == 0) {
		fw_mutex_lock(&fs_lock);
		err = vnode_permission(w.v, &c, mode);
		fw_mutex_unlock(&fs_lock);
		walk_done(&w);
	}
	fsctx_put(&c);
	path_put(path);
	return err;
}

SYSCALL(faccessat2)
{
	return do_faccessat(t->proc, (int)a->a[0], a->a[1], (int)a->a[2],
	    (int)a->a[3]);
}

SYSCALL(faccessat)
{
	return do_faccessat(t->proc, (int)a->a[0], a->a[1], (int)a->a[2], 0);
}

SYSCALL(access)
{
	return do_faccessat(t->proc, LINUX_AT_FDCWD, a->a[0], (int)a->a[1], 0);
}
