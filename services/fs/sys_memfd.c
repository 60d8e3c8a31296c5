/*
 * services/fs/sys_memfd.c: memfd_create(2): an anonymous ramfs regular
 * file, mode 0777 (0666 with MFD_NOEXEC_SEAL), never linked, open
 * O_RDWR|O_LARGEFILE, named "memfd:NAME" (kept for /proc, which Trellis
 * has not yet).  It starts sealed with F_SEAL_SEAL unless
 * MFD_ALLOW_SEALING; MFD_NOEXEC_SEAL allows sealing and seals F_SEAL_EXEC.
 * Unknown flags, MFD_EXEC with MFD_NOEXEC_SEAL, and names longer than
 * 249 bytes are EINVAL; MFD_HUGETLB is EINVAL too (no hugetlbfs).
 * Locks: fs_lock while the vnode is set up.
 */
#include <fw/alloc.h>
#include <fw/uaccess.h>
#include <svc/file.h>
#include <svc/lib.h>
#include <svc/syscall.h>
#include <svc/vfs.h>
#include "fs.h"
#include "vext.h"

#define MFD_PREFIX	"memfd:"
#define MFD_NAME_MAX	(LINUX_NAME_MAX - 6)
#define MFD_FLAGS	(LINUX_MFD_CLOEXEC | LINUX_MFD_ALLOW_SEALING | \
			 LINUX_MFD_NOEXEC_SEAL | LINUX_MFD_EXEC)

/* alloc_name(): "memfd:" and the user's name, or -EFAULT, -EINVAL. */
static int
memfd_name(struct fw_vm *vm, uint64_t uname, char **out)
{
	size_t plen = sizeof(MFD_PREFIX) - 1;
	char *name = NULL;
	long n;

	if ((name = fw_alloc(plen + MFD_NAME_MAX + 2)) == NULL)
		return -ENOMEM;
	memcpy(name, MFD_PREFIX, plen);
	n = fw_strncpy_from_user(vm, name + plen, fw_uaddr(uname),
	    MFD_NAME_MAX + 1);
	if (n < 0 || n > MFD_NAME_MAX) {
		fw_free(name);
		return n < 0 ? (int)n : -EINVAL;
	}
	*out = name;
	return 0;
}

/* The vnode of a new memfd, owning name: *out referenced. */
static int
memfd_vnode(struct proc *p, char *name, unsigned int flags,
    struct vnode **out)
{
	uint32_t mode = (flags & LINUX_MFD_NOEXEC_SEAL) ? 0666 : 0777;
	struct vnode_ext *e;
	struct fsctx c;
	struct vnode *v;
	int err;

	if ((err = vnode_alloc(&ramfs_ops, LINUX_S_IFREG | mode, &v)) < 0)
		goto fail;
	if ((err = vext_get(v, &e)) < 0) {
		vnode_unref(v);
		goto fail;
	}
	fsctx_get(p, &c);
	fw_mutex_lock(&fs_lock);
	v->nlink = 0;
	v->uid = c.cred.fsuid;
	v->gid = c.cred.fsgid;
	e->name = name;
	if (flags & LINUX_MFD_NOEXEC_SEAL)
		e->seals = LINUX_F_SEAL_EXEC;
	else if (flags & LINUX_MFD_ALLOW_SEALING)
		e->seals = 0;
	fw_mutex_unlock(&fs_lock);
	fsctx_put(&c);
	*out = v;
	return 0;
fail:
	fw_free(name);
	return err;
}

SYSCALL(memfd_create)
{
	unsigned int flags = (unsigned int)a->a[1];
	struct proc *p = t->proc;
	struct vnode *v;
	struct file *f;
	char *name = NULL;
	int err;

	if (flags & ~(unsigned int)MFD_FLAGS)
		return -EINVAL;
	if ((flags & LINUX_MFD_EXEC) && (flags & LINUX_MFD_NOEXEC_SEAL))
		return -EINVAL;
	if ((err = memfd_name(p->vm, a->a[0], &name)) < 0)
		return err;
	if ((err = memfd_vnode(p, name, flags, &v)) < 0)
		return err;
	err = vnode_open(&(struct vpath){ .v = v }, LINUX_O_RDWR |
	    LINUX_O_LARGEFILE, &f);
	vnode_unref(v);
	if (err < 0)
		return err;
	err = fd_install(p, f, (flags & LINUX_MFD_CLOEXEC) != 0);
	file_unref(f);
	return err;
}
