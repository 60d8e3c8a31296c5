/*
 * services/fs/sys_chmod.c: fchmodat2(2), fchmodat(2), chmod(2) and
 * fchmod(2).  The new mode keeps the file type and takes the permission,
 * set-id and sticky bits (S_IALLUGO).  Only the owner or CAP_FOWNER may
 * change it (EPERM); a symlink's mode cannot change (EOPNOTSUPP, with
 * fchmodat2's AT_SYMLINK_NOFOLLOW); the set-group-ID bit is dropped when
 * the caller is neither in the file's group nor CAP_FSETID; a memfd with
 * F_SEAL_EXEC keeps its execute bits (EPERM).  The ctime moves.
 * fchmodat2 takes AT_SYMLINK_NOFOLLOW and AT_EMPTY_PATH, else EINVAL;
 * fchmod of an O_PATH descriptor is EBADF.
 * Locks: fs_lock for the check and the change.
 */
#include <fw/timer.h>
#include <svc/syscall.h>
#include <svc/vfs.h>
#include "attr.h"
#include "vext.h"

/* chmod_common() and notify_change() on r->v. */
static int
chmod_locked(const struct attr_req *r, uint32_t mode) FW_REQUIRES(&fs_lock)
{
	struct vnode *v = r->v;

	if (vnode_is(v, LINUX_S_IFLNK))
		return -EOPNOTSUPP;
	if (!attr_owner(r, v))
		return -EPERM;
	mode &= LINUX_S_IALLUGO;
	if (r->c.cred.fsuid != 0 && !attr_in_group(r, v->gid))
		mode &= ~(uint32_t)LINUX_S_ISGID;
	if ((seal_of_locked(v) & LINUX_F_SEAL_EXEC) &&
	    ((mode ^ v->mode) & 0111))
		return -EPERM;
	v->mode = (v->mode & ~(uint32_t)LINUX_S_IALLUGO) | mode;
	v->ctime = fw_clock_realtime();
	return 0;
}

static int
chmod_change(const struct attr_req *r, const void *arg)
    FW_REQUIRES(&fs_lock)
{
	return chmod_locked(r, *(const uint32_t *)arg);
}

static int
chmod_req(struct attr_req *r, uint32_t mode)
{
	return attr_change(r, chmod_change, &mode);
}

static long
do_fchmodat(struct proc *p, int dirfd, uint64_t upath, uint32_t mode,
    int flags)
{
	struct attr_req r;
	int err;

	if (flags & ~(LINUX_AT_SYMLINK_NOFOLLOW | LINUX_AT_EMPTY_PATH))
		return -EINVAL;
	if ((err = attr_at(p, dirfd, upath, flags, &r)) < 0)
		return err;
	return chmod_req(&r, mode);
}

SYSCALL(fchmodat2)
{
	return do_fchmodat(t->proc, (int)a->a[0], a->a[1],
	    (uint16_t)a->a[2], (int)a->a[3]);
}

SYSCALL(fchmodat)
{
	return do_fchmodat(t->proc, (int)a->a[0], a->a[1],
	    (uint16_t)a->a[2], 0);
}

SYSCALL(chmod)
{
	return do_fchmodat(t->proc, LINUX_AT_FDCWD, a->a[0],
	    (uint16_t)a->a[1], 0);
}

SYSCALL(fchmod)
{
	struct attr_req r;
	int err;

	if ((err = attr_fd(t->proc, (int)a->a[0], &r)) < 0)
		return err;
	return chmod_req(&r, (uint16_t)a->a[1]);
}
