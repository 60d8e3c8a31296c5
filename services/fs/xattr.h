/*
 * services/fs/xattr.h: the extended attributes a vnode holds (xattr.c):
 * a list of (name, value) pairs in setting order, in the vnode's
 * extension (vext.h).  Names are whole ("user.foo"); the namespace rules
 * and permissions are the syscalls' (sys_xattr.c).  Buffers are kernel
 * memory.  Locks: every function but xattr_free_all() runs under fs_lock.
 */
#ifndef FS_XATTR_H
#define FS_XATTR_H

#include <fw/types.h>
#include "fs.h"

struct xattr;

/*
 * Sets name to [val, val+len) with XATTR_CREATE (-EEXIST if present) or
 * XATTR_REPLACE (-ENODATA if absent) in flags: 0, or -ENOMEM.
 */
FW_MUST_CHECK int	 xattr_set_locked(struct vnode *v, const char *name,
			    const void *val, size_t len, int flags)
			    FW_REQUIRES(&fs_lock);
/*
 * The value of name copied into buf: its length (only the length when
 * size is 0), -ENODATA, or -ERANGE when it is longer than size.
 */
FW_MUST_CHECK long	 xattr_get_locked(const struct vnode *v,
			    const char *name, void *buf, size_t size)
			    FW_REQUIRES(&fs_lock);
/*
 * The names, each NUL-terminated, that visible() accepts: the bytes
 * (only counted when size is 0), or -ERANGE when size is too small.
 */
typedef bool (*xattr_visible_fn)(const char *name, const void *arg);
FW_MUST_CHECK long	 xattr_list_locked(const struct vnode *v, char *buf,
			    size_t size, xattr_visible_fn visible,
			    const void *arg) FW_REQUIRES(&fs_lock);
/* Removes name: 0, or -ENODATA. */
FW_MUST_CHECK int	 xattr_remove_locked(struct vnode *v, const char *name)
			    FW_REQUIRES(&fs_lock);
/* Frees a whole list (vext_free()). */
void			 xattr_free_all(struct xattr *x);

#endif
