/*
 * services/fs/sys_chown.c: fchownat(2), chown(2), lchown(2), fchown(2).
 * An id of -1 is left as it is.  Changing the owner needs CAP_CHOWN,
 * except "changing" it to the owner it has, by that owner; changing the
 * group needs CAP_CHOWN or the owner giving it to a group of its own
 * (fs/attr.c: chown_ok(), chgrp_ok()); else EPERM.  On anything but a
 * directory the set-user-ID bit goes, and the set-group-ID bit with it
 * when group execute is set or the caller is neither in the file's group
 * nor CAP_FSETID, even for root and even when no id changes, as Linux
 * does (setattr_should_drop_sgid()).  The ctime moves.  chown follows a
 * final symlink, lchown does not; fchownat takes AT_SYMLINK_NOFOLLOW and
 * AT_EMPTY_PATH, else EINVAL; fchown of an O_PATH descriptor is EBADF.
 * Locks: fs_lock for the checks and the change.
 */
#include <fw/timer.h>
#include <svc/syscall.h>
#include <svc/vfs.h>
#include "attr.h"

#define ID_KEEP	0xffffffffU

static bool
chown_ok_locked(const struct attr_req *r, const struct vnode *v,
    uint32_t uid) FW_REQUIRES(&fs_lock)
{
	return r->c.cred.fsuid == 0 ||
	    (r->c.cred.fsuid == v->uid && uid == v->uid);
}

static bool
chgrp_ok_locked(const struct attr_req *r, const struct vnode *v,
    uint32_t gid) FW_REQUIRES(&fs_lock)
{
	return r->c.cred.fsuid == 0 || (r->c.cred.fsuid == v->uid &&
	    (gid == v->gid || attr_in_group(r, gid)));
}

static int
chown_locked(const struct attr_req *r, uint32_t uid, uint32_t gid)
    FW_REQUIRES(&fs_lock)
{
	struct vnode *v = r->v;
	uint32_t mode = v->mode;

	if (uid != ID_KEEP && !chown_ok_locked(r, v, uid))
		return -EPERM;
	if (gid != ID_KEEP && !chgrp_ok_locked(r, v, gid))
		return -EPERM;
	if (!vnode_is(v, LINUX_S_IFDIR)) {
		mode &= ~(uint32_t)LINUX_S_ISUID;
		if ((mode & LINUX_S_ISGID) && ((mode & 0010) ||
		    (r->c.cred.fsuid != 0 && !attr_in_group(r, v->gid))))
			mode &= ~(uint32_t)LINUX_S_ISGID;
	}
	if (uid != ID_KEEP)
		v->uid = uid;
	if (gid != ID_KEEP)
		v->gid = gid;
	v->mode = mode;
	v->ctime = fw_clock_realtime();
	return 0;
}

static int
chown_change(const struct attr_req *r, const void *arg)
    FW_REQUIRES(&fs_lock)
{
	const uint32_t *ids = arg;

	return chown_locked(r, ids[0], ids[1]);
}

static int
chown_req(struct attr_req *r, uint32_t uid, uint32_t gid)
{
	uint32_t ids[2] = { uid, gid };

	return attr_change(r, chown_change, ids);
}

static long
do_fchownat(struct proc *p, int dirfd, uint64_t upath, uint32_t uid,
    uint32_t gid, int flags)
{
	struct attr_req r;
	int err;

	if (flags & ~(LINUX_AT_SYMLINK_NOFOLLOW | LINUX_AT_EMPTY_PATH))
		return -EINVAL;
	if ((err = attr_at(p, dirfd, upath, flags, &r)) < 0)
		return err;
	return chown_req(&r, uid, gid);
}

SYSCALL(fchownat)
{
	return do_fchownat(t->proc, (int)a->a[0], a->a[1], (uint32_t)a->a[2],
	    (uint32_t)a->a[3], (int)a->a[4]);
}

SYSCALL(chown)
{
	return do_fchownat(t->proc, LINUX_AT_FDCWD, a->a[0],
	    (uint32_t)a->a[1], (uint32_t)a->a[2], 0);
}

SYSCALL(lchown)
{
	return do_fchownat(t->proc, LINUX_AT_FDCWD, a->a[0],
	    (uint32_t)a->a[1], (uint32_t)a->a[2], LINUX_AT_SYMLINK_NOFOLLOW);
}

SYSCALL(fchown)
{
	struct attr_req r;
	int err;

	if ((err = attr_fd(t->proc, (int)a->a[0], &r)) < 0)
		return err;
	return chown_req(&r, (uint32_t)a->a[1], (uint32_t)a->a[2]);
}
