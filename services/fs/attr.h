/*
 * services/fs/attr.h: what the attribute syscalls share (attr.c): finding
 * the vnode a call names (a path from a dirfd with AT_ flags, or a
 * descriptor), the ownership and group tests of Linux's fs/attr.c, and
 * access-time updates under relatime.  Capabilities are fsuid 0 here, as
 * everywhere in Trellis (CAP_FOWNER, CAP_CHOWN, CAP_FSETID).
 *
 * Locks: attr_at() and attr_fd() run before fs_lock (they copy the
 * path and take proc->lock for the credentials and groups); the tests
 * read vnode attributes and want fs_lock.
 */
#ifndef FS_ATTR_H
#define FS_ATTR_H

#include <fw/types.h>
#include "fs.h"

/* The context of one attribute call and the vnode it names. */
struct attr_req {
	struct fsctx		 c;
	struct vnode		*v;		/* counted, or NULL */
	bool			 rdonly;	/* on a read-only mount: a
						   change is EROFS */
	struct mount		*mnt;		/* counted, or NULL */
	struct vnode		*dir;		/* counted, or NULL: where
						   the walk found v ... */
	char			 name[LINUX_NAME_MAX + 1];	/* ... as */
	struct vnode		*shown;		/* counted: the overlay
						   directory v is under */
};

/*
 * The vnode upath names from dirfd: atflags may hold AT_SYMLINK_NOFOLLOW
 * and AT_EMPTY_PATH (the caller has refused others).  0 with r filled,
 * or -errno (r then needs no attr_done()).
 */
FW_MUST_CHECK int	 attr_at(struct proc *p, int dirfd, uint64_t upath,
			    int atflags, struct attr_req *r);
/*
 * The vnode of descriptor fd: 0 with r filled (r->v is NULL for a file
 * without one: a pipe, a console), or -EBADF (O_PATH included).
 */
FW_MUST_CHECK int	 attr_fd(struct proc *p, int fd, struct attr_req *r);
void			 attr_done(struct attr_req *r);
/*
 * A change of r->v's attributes (chmod, chown, utimensat): EROFS on a
 * read-only mount, else fn(r, arg) under fs_lock, reported to inotify
 * (IN_ATTRIB) when it succeeds; nothing for a vnode-less file.  Ends r
 * (attr_done) and returns fn's answer.
 */
typedef int (*attr_change_fn)(const struct attr_req *r, const void *arg);
FW_MUST_CHECK int	 attr_change(struct attr_req *r, attr_change_fn fn,
			    const void *arg) FW_EXCLUDES(&fs_lock);

/*
 * Before r->v changes: EROFS on a read-only mount; through an overlay,
 * the object copied up, r->v the upper one (r->shown the overlay
 * directory for a directory, to ovl_sync_locked() after).  0 or -errno.
 */
FW_MUST_CHECK int	 attr_want_write_locked(struct attr_req *r)
			    FW_REQUIRES(&fs_lock);

/* inode_owner_or_capable(): the fsuid owns v, or is 0. */
bool			 attr_owner(const struct attr_req *r,
			    const struct vnode *v);
/* in_group_p(): gid is the fsgid or a supplementary group. */
bool			 attr_in_group(const struct attr_req *r, uint32_t gid);

/*
 * A read of v under relatime: the atime moves only when it is not after
 * the mtime or ctime, or is a day old (touch_atime()).
 */
void			 vnode_accessed_locked(struct vnode *v)
			    FW_REQUIRES(&fs_lock);

#endif
