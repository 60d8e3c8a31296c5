/*
 * services/fs/sys_stat.c: fstat(2), stat(2), lstat(2) and newfstatat(2),
 * filling the x86-64 struct stat (uapi/fs.h).  newfstatat takes
 * AT_SYMLINK_NOFOLLOW, AT_EMPTY_PATH ("" names dirfd itself) and
 * AT_NO_AUTOMOUNT (ignored); other flags are EINVAL.
 * Locks: fs_lock while the attributes are copied.
 */
#include <fw/uaccess.h>
#include <svc/file.h>
#include <svc/syscall.h>
#include <svc/vfs.h>
#include "fs.h"

#define STAT_FLAGS	(LINUX_AT_SYMLINK_NOFOLLOW | LINUX_AT_EMPTY_PATH | \
			 LINUX_AT_NO_AUTOMOUNT)

static long
stat_at(struct proc *p, int dirfd, uint64_t upath, uint64_t ubuf, int flags)
{
	struct linux_stat st;
	struct fsctx c;
	struct walk w;
	char *path;
	int err;

	if (flags & ~STAT_FLAGS)
		return -EINVAL;
	if ((err = path_get(p->vm, upath, &path)) < 0)
		return err;
	fsctx_get(p, &c);
	err = lookup_at(&c, dirfd, path, flags,
	    (flags & LINUX_AT_SYMLINK_NOFOLLOW) ? 0 : WALK_FOLLOW, &w);
	fsctx_put(&c);
	path_put(path);
	if (err < 0)
		return err;
	fw_mutex_lock(&fs_lock);
	vnode_stat_locked(w.v, &st);
	fw_mutex_unlock(&fs_lock);
	walk_done(&w);
	return fw_copy_to_user(p->vm, fw_uaddr(ubuf), &st, sizeof(st));
}

SYSCALL(fstat)
{
	struct proc *p = t->proc;
	struct linux_stat st;
	struct file *f;
	int err;

	if ((err = fd_get(p, (int)a->a[0], &f)) < 0)
		return err;
	file_stat(f, &st);
	file_unref(f);
	return fw_copy_to_user(p->vm, fw_uaddr(a->a[1]), &st, sizeof(st));
}

SYSCALL(newfstatat)
{
	struct proc *p = t->proc;
	int dirfd = (int)a->a[0], flags = (int)a->a[3];
	struct linux_stat st;
	struct file *f;
	int err;

	/* "" with AT_EMPTY_PATH on any descriptor, console included. */
	if ((flags & LINUX_AT_EMPTY_PATH) && dirfd != LINUX_AT_FDCWD &&
	    !(flags & ~STAT_FLAGS)) {
		char c0;

		if ((err = fw_copy_from_user(p->vm, &c0, fw_uaddr(a->a[1]),
		    1)) < 0)
			return err;
		if (c0 == '\0') {
			if ((err = fd_get(p, dirfd, &f)) < 0)
				return err;
			file_stat(f, &st);
			file_unref(f);
			return fw_copy_to_user(p->vm, fw_uaddr(a->a[2]), &st,
			    sizeof(st));
		}
	}
	return stat_at(p, dirfd, a->a[1], a->a[2], flags);
}

SYSCALL(stat)
{
	return stat_at(t->proc, LINUX_AT_FDCWD, a->a[0], a->a[1], 0);
}

SYSCALL(lstat)
{
	return stat_at(t->proc, LINUX_AT_FDCWD, a->a[0], a->a[1],
	    LINUX_AT_SYMLINK_NOFOLLOW);
}
