/*
 * services/fs/sys_utimensat.c: utimensat(2), futimesat(2), utimes(2) and
 * utime(2).  No times means now; UTIME_NOW and UTIME_OMIT name now and
 * "leave it" per time, and two UTIME_OMITs return at once, before the
 * path is even looked at.  Setting explicit times needs the owner or
 * CAP_FOWNER (EPERM); setting both to now also allows write permission
 * (EACCES otherwise).  A nanosecond field out of range is EINVAL, after
 * the lookup, as vfs_utimes() checks it; utimes' microseconds are checked
 * before.  utimensat with a NULL path works on dirfd itself (flags must
 * then be 0); it takes AT_SYMLINK_NOFOLLOW and AT_EMPTY_PATH.  The ctime
 * always moves.  Times before the epoch are kept as the epoch (the
 * ramfs stores unsigned nanoseconds).
 * Locks: fs_lock for the checks and the change.
 */
#include <fw/timer.h>
#include <fw/uaccess.h>
#include <svc/syscall.h>
#include <svc/vfs.h>
#include <uapi/stat.h>
#include <uapi/time.h>
#include "attr.h"

#define NS	1000000000ULL

static bool
nsec_valid(int64_t ns)
{
	return ns == LINUX_UTIME_OMIT || ns == LINUX_UTIME_NOW ||
	    (ns >= 0 && ns < (int64_t)NS);
}

static uint64_t
ts_ns(const struct linux_timespec *ts, uint64_t now)
{
	if (ts->tv_nsec == LINUX_UTIME_NOW)
		return now;
	if (ts->tv_sec < 0)
		return 0;
	if ((uint64_t)ts->tv_sec > (UINT64_MAX - NS) / NS)
		return UINT64_MAX - NS + 1;
	return (uint64_t)ts->tv_sec * NS + (uint64_t)ts->tv_nsec;
}

/* vfs_utimes() and notify_change() on r->v; ts NULL means now. */
static int
utimes_locked(const struct attr_req *r, const struct linux_timespec *ts)
    FW_REQUIRES(&fs_lock)
{
	uint64_t now = fw_clock_realtime();
	struct vnode *v = r->v;
	int err;

	if (ts != NULL && (!nsec_valid(ts[0].tv_nsec) ||
	    !nsec_valid(ts[1].tv_nsec)))
		return -EINVAL;
	if (ts != NULL && ts[0].tv_nsec == LINUX_UTIME_NOW &&
	    ts[1].tv_nsec == LINUX_UTIME_NOW)
		ts = NULL;
	if (ts != NULL && !attr_owner(r, v))
		return -EPERM;
	if (ts == NULL && !attr_owner(r, v) &&
	    (err = vnode_permission(v, &r->c, LINUX_W_OK)) < 0)
		return err;
	if (ts == NULL || ts[0].tv_nsec != LINUX_UTIME_OMIT)
		v->atime = ts != NULL ? ts_ns(&ts[0], now) : now;
	if (ts == NULL || ts[1].tv_nsec != LINUX_UTIME_OMIT)
		v->mtime = ts != NULL ? ts_ns(&ts[1], now) : now;
	v->ctime = now;
	return 0;
}

static int
utimes_change(const struct attr_req *r, const void *arg)
    FW_REQUIRES(&fs_lock)
{
	return utimes_locked(r, arg);
}

static int
utimes_req(struct attr_req *r, const struct linux_timespec *ts)
{
	return attr_change(r, utimes_change, ts);
}

/* do_utimes(): a path from dirfd, or dirfd itself for a NULL path. */
static long
do_utimes(struct proc *p, int dirfd, uint64_t upath,
    const struct linux_timespec *ts, int flags)
{
	struct attr_req r;
	int err;

	if (upath == 0 && dirfd != LINUX_AT_FDCWD) {
		if (flags != 0)
			return -EINVAL;
		err = attr_fd(p, dirfd, &r);
	} else {
		if (flags & ~(LINUX_AT_SYMLINK_NOFOLLOW | LINUX_AT_EMPTY_PATH))
			return -EINVAL;
		err = attr_at(p, dirfd, upath, flags, &r);
	}
	if (err < 0)
		return err;
	return utimes_req(&r, ts);
}

SYSCALL(utimensat)
{
	struct proc *p = t->proc;
	struct linux_timespec ts[2];
	int err;

	if (a->a[2] == 0)
		return do_utimes(p, (int)a->a[0], a->a[1], NULL, (int)a->a[3]);
	if ((err = fw_copy_from_user(p->vm, ts, fw_uaddr(a->a[2]),
	    sizeof(ts))) < 0)
		return err;
	if (ts[0].tv_nsec == LINUX_UTIME_OMIT &&
	    ts[1].tv_nsec == LINUX_UTIME_OMIT)
		return 0;
	return do_utimes(p, (int)a->a[0], a->a[1], ts, (int)a->a[3]);
}

/* futimesat(2) and utimes(2): struct timeval, microseconds checked. */
static long
do_futimesat(struct proc *p, int dirfd, uint64_t upath, uint64_t utv)
{
	struct linux_timespec ts[2];
	struct linux_timeval tv[2];
	int err, i;

	if (utv == 0)
		return do_utimes(p, dirfd, upath, NULL, 0);
	if ((err = fw_copy_from_user(p->vm, tv, fw_uaddr(utv),
	    sizeof(tv))) < 0)
		return err;
	for (i = 0; i < 2; i++) {
		if (tv[i].tv_usec < 0 || tv[i].tv_usec >= 1000000)
			return -EINVAL;
		ts[i].tv_sec = tv[i].tv_sec;
		ts[i].tv_nsec = tv[i].tv_usec * 1000;
	}
	return do_utimes(p, dirfd, upath, ts, 0);
}

SYSCALL(futimesat)
{
	return do_futimesat(t->proc, (int)a->a[0], a->a[1], a->a[2]);
}

SYSCALL(utimes)
{
	return do_futimesat(t->proc, LINUX_AT_FDCWD, a->a[0], a->a[1]);
}

SYSCALL(utime)
{
	struct proc *p = t->proc;
	struct linux_timespec ts[2];
	struct linux_utimbuf ub;
	int err;

	if (a->a[1] == 0)
		return do_utimes(p, LINUX_AT_FDCWD, a->a[0], NULL, 0);
	if ((err = fw_copy_from_user(p->vm, &ub, fw_uaddr(a->a[1]),
	    sizeof(ub))) < 0)
		return err;
	ts[0].tv_sec = ub.actime;
	ts[1].tv_sec = ub.modtime;
	ts[0].tv_nsec = ts[1].tv_nsec = 0;
	return do_utimes(p, LINUX_AT_FDCWD, a->a[0], ts, 0);
}
