/*
 * services/fs/vext.h: what a vnode carries beyond its stat attributes,
 * made on first use and freed with the vnode: extended attributes
 * (xattr.c), file seals and memfd names (seal.c), the O_TMPFILE link
 * permission, and the advisory locks (lock.c).  Private to services/fs.
 *
 * Locks used to protect fields in this file:
 *	I	immutable after vext_get()
 *	F	fs_lock
 *	L	lock_mutex (lock.c)
 *	a	atomic
 * vnode->ext is set once (compare-and-swap) and never cleared while the
 * vnode lives, so a reader needs no lock to follow it.
 */
#ifndef FS_VEXT_H
#define FS_VEXT_H

#include <fw/types.h>
#include <fw/waitq.h>
#include <stdatomic.h>
#include "fs.h"

struct xattr;
struct vlock;

/* Advisory locks of one vnode (lock.c). */
struct vlocks {
	struct vlock	*flocks;	/* [L] flock(2), owner: a file */
	struct vlock	*ranges;	/* [L] POSIX and OFD record locks */
	struct fw_waitq	 wq;		/* waiters for a change of gen */
	atomic_uint	 gen;		/* [a] bumped when locks go */
};

struct vnode_ext {
	struct xattr	*xattrs;	/* [F] in setting order */
	size_t		 xattr_bytes;	/* [F] names and values held */
	uint32_t	 seals;		/* [F] LINUX_F_SEAL_* */
	bool		 linkable;	/* [F] O_TMPFILE without O_EXCL */
	char		*name;		/* [I] "memfd:NAME", or NULL */
	struct vlocks	 locks;
};

/*
 * v's extension, made (seals F_SEAL_SEAL, as every tmpfs inode starts)
 * if it has none: 0 with *out, or -ENOMEM.  Any lock, or none.
 */
FW_MUST_CHECK int	 vext_get(struct vnode *v, struct vnode_ext **out);
/* v's extension or NULL, without making one. */
struct vnode_ext	*vext_peek(const struct vnode *v);
/* Frees v's extension (vnode_unref(), when the last reference goes). */
void			 vext_free(struct vnode *v);

/* seal.c: memfd_create(2) and F_ADD_SEALS/F_GET_SEALS of fcntl(2). */
/* F_GET_SEALS: the seals, or -EINVAL for a file that takes none. */
FW_MUST_CHECK long	 seal_get(struct file *f);
/* F_ADD_SEALS: 0, -EINVAL, -EPERM (sealed, or not open for writing). */
FW_MUST_CHECK long	 seal_add(struct file *f, uint32_t seals);
/*
 * Whether a write of *len bytes at off may proceed under v's seals:
 * 0 with *len cut where F_SEAL_GROW stops it (as Linux stops page by
 * page), or -EPERM.
 */
FW_MUST_CHECK int	 seal_check_write_locked(const struct vnode *v,
			    uint64_t off, size_t *len) FW_REQUIRES(&fs_lock);
/* Whether v may change size to size (truncate, fallocate): 0 or -EPERM. */
FW_MUST_CHECK int	 seal_check_size_locked(const struct vnode *v,
			    uint64_t size) FW_REQUIRES(&fs_lock);
/*
 * Writes to regular file v at *off (at its end with append, under the
 * same lock), as its seals allow: bytes written, with *off advanced, or
 * -errno (-EPERM for a seal).  Takes fs_lock.
 */
FW_MUST_CHECK long	 vnode_write(struct vnode *v, const void *buf,
			    size_t len, uint64_t *off, bool append)
			    FW_EXCLUDES(&fs_lock);
/* v's seals (F_SEAL_SEAL when it has no extension). */
uint32_t		 seal_of_locked(const struct vnode *v)
			    FW_REQUIRES(&fs_lock);

#endif
