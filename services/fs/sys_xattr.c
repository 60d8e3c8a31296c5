/*
 * services/fs/sys_xattr.c: setxattr(2), getxattr(2), listxattr(2) and
 * removexattr(2), each with its l (no final symlink followed) and f (a
 * descriptor; O_PATH is EBADF) forms, on ramfs vnodes with tmpfs's
 * handlers: "user.", "trusted." and "security." (anything else is
 * EOPNOTSUPP, a bare prefix EINVAL).  The name is checked first (empty or
 * longer than XATTR_NAME_MAX: ERANGE), then the flags (EINVAL) and size
 * (E2BIG) of a set, then the path.  xattr_permission(): "trusted." needs
 * CAP_SYS_ADMIN (writes EPERM, reads ENODATA, and listing hides them);
 * "user." is for regular files and directories only (writes EPERM,
 * reads ENODATA) and, on a sticky directory, for writes by the owner;
 * other than "trusted." and "security.", reading wants read permission
 * and writing write permission (EACCES).  Setting "security." wants
 * CAP_SYS_ADMIN (commoncap's EPERM).  A value larger than the buffer is
 * ERANGE; size 0 asks for the size.
 * Locks: fs_lock for the checks and the store (xattr.c); copies to and
 * from user memory happen outside it.
 */
#include <fw/alloc.h>
#include <fw/uaccess.h>
#include <svc/lib.h>
#include <svc/syscall.h>
#include <svc/vfs.h>
#include "attr.h"
#include "overlay.h"
#include "xattr.h"

enum xattr_ns { NS_USER, NS_TRUSTED, NS_SECURITY, NS_SYSTEM, NS_OTHER };

static const struct {
	const char	*prefix;
	enum xattr_ns	 ns;
} xattr_prefixes[] = {
	{ "user.", NS_USER },
	{ "trusted.", NS_TRUSTED },
	{ "security.", NS_SECURITY },
	{ "system.", NS_SYSTEM },		/* no handler: POSIX ACLs */
};

/* The namespace of name, and whether its suffix is empty (*bare). */
static enum xattr_ns
xattr_ns_of(const char *name, bool *bare)
{
	size_t i, n;

	for (i = 0; i < ARRAY_SIZE(xattr_prefixes); i++) {
		n = str_len(xattr_prefixes[i].prefix);
		if (memcmp(name, xattr_prefixes[i].prefix, n) == 0) {
			*bare = name[n] == '\0';
			return xattr_prefixes[i].ns;
		}
	}
	*bare = false;
	return NS_OTHER;
}

/* xattr_permission(), the security hook and the handler's resolution. */
static int
xattr_check_locked(const struct attr_req *r, const char *name, bool write)
    FW_REQUIRES(&fs_lock)
{
	const struct vnode *v = r->v;
	bool bare, admin = r->c.cred.euid == 0;
	enum xattr_ns ns = xattr_ns_of(name, &bare);
	int err;

	if (ns == NS_TRUSTED && !admin)
		return write ? -EPERM : -ENODATA;
	if (ns == NS_USER && !vnode_is(v, LINUX_S_IFREG) &&
	    !vnode_is(v, LINUX_S_IFDIR))
		return write ? -EPERM : -ENODATA;
	if (ns == NS_USER && write && vnode_is(v, LINUX_S_IFDIR) &&
	    (v->mode & LINUX_S_ISVTX) && !attr_owner(r, v))
		return -EPERM;
	if ((ns == NS_USER || ns == NS_OTHER) && (err = vnode_permission(v,
	    &r->c, write ? LINUX_W_OK : LINUX_R_OK)) < 0)
		return err;
	if (ns == NS_SECURITY && write && !admin &&
	    !str_eq(name, "security.capability"))
		return -EPERM;
	if (ns == NS_SYSTEM || ns == NS_OTHER)
		return -EOPNOTSUPP;
	return bare ? -EINVAL : 0;
}

/* Overlay's own names, which it keeps from its users. */
static bool
ovl_own(const char *name)
{
	return str_ncmp(name, "trusted.overlay.", 16) == 0;
}

/*
 * A set or a removal: EROFS on a read-only mount (mnt_want_write()),
 * the checks, then the object copied up through an overlay.
 */
static int
xattr_write_check_locked(struct attr_req *r, const char *name)
    FW_REQUIRES(&fs_lock)
{
	int err;

	if (r->rdonly)
		return -EROFS;
	if ((err = xattr_check_locked(r, name, true)) < 0)
		return err;
	if (ovl_mount(r->mnt) && ovl_own(name))
		return -EOPNOTSUPP;
	return attr_want_write_locked(r);
}

/* import_xattr_name(): 0, -ERANGE (empty or too long), -EFAULT. */
static int
xattr_name_get(struct fw_vm *vm, uint64_t uname, char *name)
{
	long n = fw_strncpy_from_user(vm, name, fw_uaddr(uname),
	    LINUX_XATTR_NAME_MAX + 1);

	if (n < 0)
		return (int)n;
	if (n == 0 || n > LINUX_XATTR_NAME_MAX)
		return -ERANGE;
	return 0;
}

/* The vnode a call names: descriptor fd, or upath (l: nofollow). */
static int
xattr_target(struct proc *p, bool is_fd, int fd, uint64_t upath,
    bool nofollow, struct attr_req *r)
{
	int err;

	if (!is_fd)
		return attr_at(p, LINUX_AT_FDCWD, upath,
		    nofollow ? LINUX_AT_SYMLINK_NOFOLLOW : 0, r);
	if ((err = attr_fd(p, fd, r)) == 0 && r->v == NULL) {
		attr_done(r);
		err = -EOPNOTSUPP;
	}
	return err;
}

/* How a call names its file: a[0] is the path or the descriptor. */
struct xattr_call {
	bool	is_fd, nofollow;
};

static const struct xattr_call by_path = { false, false };
static const struct xattr_call by_lpath = { false, true };
static const struct xattr_call by_fd = { true, false };

static int
xattr_open(struct proc *p, const struct xattr_call *how, uint64_t a0,
    struct attr_req *r)
{
	return xattr_target(p, how->is_fd, (int)a0, a0, how->nofollow, r);
}

/* setxattr_copy(), then the lookup, then the checks and the store. */
static long
do_setxattr(struct proc *p, const struct xattr_call *how,
    const struct syscall_args *a)
{
	char name[LINUX_XATTR_NAME_MAX + 1];
	size_t size = (size_t)a->a[3];
	int flags = (int)a->a[4], err;
	struct attr_req r;
	void *val;

	if (flags & ~(LINUX_XATTR_CREATE | LINUX_XATTR_REPLACE))
		return -EINVAL;
	if ((err = xattr_name_get(p->vm, a->a[1], name)) < 0)
		return err;
	if (size > LINUX_XATTR_SIZE_MAX)
		return -E2BIG;
	if ((val = fw_alloc(size ? size : 1)) == NULL)
		return -ENOMEM;
	if ((err = fw_copy_from_user(p->vm, val, fw_uaddr(a->a[2]),
	    size)) < 0 || (err = xattr_open(p, how, a->a[0], &r)) < 0)
		goto out;
	fw_mutex_lock(&fs_lock);
	if ((err = xattr_write_check_locked(&r, name)) == 0)
		err = xattr_set_locked(r.v, name, val, size, flags);
	fw_mutex_unlock(&fs_lock);
	attr_done(&r);
out:
	fw_free(val);
	return err;
}

SYSCALL(setxattr)
{
	return do_setxattr(t->proc, &by_path, a);
}

SYSCALL(lsetxattr)
{
	return do_setxattr(t->proc, &by_lpath, a);
}

SYSCALL(fsetxattr)
{
	return do_setxattr(t->proc, &by_fd, a);
}

static long
do_getxattr(struct proc *p, const struct xattr_call *how,
    const struct syscall_args *a)
{
	char name[LINUX_XATTR_NAME_MAX + 1];
	size_t size = MIN((size_t)a->a[3], (size_t)LINUX_XATTR_SIZE_MAX);
	struct attr_req r;
	void *val;
	long n;
	int err;

	if ((err = xattr_name_get(p->vm, a->a[1], name)) < 0)
		return err;
	if ((err = xattr_open(p, how, a->a[0], &r)) < 0)
		return err;
	if ((val = fw_alloc(size ? size : 1)) == NULL) {
		attr_done(&r);
		return -ENOMEM;
	}
	fw_mutex_lock(&fs_lock);
	if ((n = xattr_check_locked(&r, name, false)) == 0)
		n = ovl_mount(r.mnt) && ovl_own(name) ? -EOPNOTSUPP :
		    xattr_get_locked(ovl_real(r.v), name, val, size);
	fw_mutex_unlock(&fs_lock);
	attr_done(&r);
	if (n > 0 && size != 0 &&
	    fw_copy_to_user(p->vm, fw_uaddr(a->a[2]), val, (size_t)n) < 0)
		n = -EFAULT;
	fw_free(val);
	return n;
}

SYSCALL(getxattr)
{
	return do_getxattr(t->proc, &by_path, a);
}

SYSCALL(lgetxattr)
{
	return do_getxattr(t->proc, &by_lpath, a);
}

SYSCALL(fgetxattr)
{
	return do_getxattr(t->proc, &by_fd, a);
}

/* simple_xattr_list(): "trusted." names only for CAP_SYS_ADMIN. */
static bool
xattr_listed(const char *name, const void *arg)
{
	const struct attr_req *r = arg;
	bool bare;

	if (ovl_mount(r->mnt) && ovl_own(name))
		return false;
	return xattr_ns_of(name, &bare) != NS_TRUSTED || r->c.cred.euid == 0;
}

static long
do_listxattr(struct proc *p, const struct xattr_call *how,
    const struct syscall_args *a)
{
	size_t size = MIN((size_t)a->a[2], (size_t)LINUX_XATTR_LIST_MAX);
	struct attr_req r;
	char *list;
	long n;
	int err;

	if ((err = xattr_open(p, how, a->a[0], &r)) < 0)
		return err;
	if ((list = fw_alloc(size ? size : 1)) == NULL) {
		attr_done(&r);
		return -ENOMEM;
	}
	fw_mutex_lock(&fs_lock);
	n = xattr_list_locked(ovl_real(r.v), list, size, xattr_listed, &r);
	fw_mutex_unlock(&fs_lock);
	attr_done(&r);
	if (n > 0 && size != 0 &&
	    fw_copy_to_user(p->vm, fw_uaddr(a->a[1]), list, (size_t)n) < 0)
		n = -EFAULT;
	fw_free(list);
	return n;
}

SYSCALL(listxattr)
{
	return do_listxattr(t->proc, &by_path, a);
}

SYSCALL(llistxattr)
{
	return do_listxattr(t->proc, &by_lpath, a);
}

SYSCALL(flistxattr)
{
	return do_listxattr(t->proc, &by_fd, a);
}

static long
do_removexattr(struct proc *p, const struct xattr_call *how,
    const struct syscall_args *a)
{
	char name[LINUX_XATTR_NAME_MAX + 1];
	struct attr_req r;
	int err;

	if ((err = xattr_name_get(p->vm, a->a[1], name)) < 0)
		return err;
	if ((err = xattr_open(p, how, a->a[0], &r)) < 0)
		return err;
	fw_mutex_lock(&fs_lock);
	if ((err = xattr_write_check_locked(&r, name)) == 0)
		err = xattr_remove_locked(r.v, name);
	fw_mutex_unlock(&fs_lock);
	attr_done(&r);
	return err;
}

SYSCALL(removexattr)
{
	return do_removexattr(t->proc, &by_path, a);
}

SYSCALL(lremovexattr)
{
	return do_removexattr(t->proc, &by_lpath, a);
}

SYSCALL(fremovexattr)
{
	return do_removexattr(t->proc, &by_fd, a);
}
