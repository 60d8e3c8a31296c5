/*
 * services/fs/vext.c: vnode extensions (vext.h) and file seals.  Every
 * ramfs regular file takes seals, as every tmpfs file does: it starts
 * with F_SEAL_SEAL, so only a memfd made with MFD_ALLOW_SEALING ever
 * takes more (memfd_create(2), fcntl(2)'s F_ADD_SEALS).  The seals are
 * enforced here for writes (F_SEAL_WRITE, F_SEAL_FUTURE_WRITE,
 * F_SEAL_GROW) and size changes (F_SEAL_SHRINK, F_SEAL_GROW), and for
 * shared mappings: F_SEAL_WRITE is EBUSY while a shared writable mapping
 * exists (vnode writemaps), and a sealed file maps shared writable never
 * (EPERM) and read-only without the right to mprotect it writable.
 *
 * Interface: vext.h.  Locks: see vext.h; seals are [F].
 */
#include <fw/alloc.h>
#include <svc/file.h>
#include <uapi/inotify.h>
#include "vext.h"
#include "xattr.h"
#include "lock.h"

#define SEALS_ALL	(LINUX_F_SEAL_SEAL | LINUX_F_SEAL_SHRINK | \
			 LINUX_F_SEAL_GROW | LINUX_F_SEAL_WRITE | \
			 LINUX_F_SEAL_FUTURE_WRITE | LINUX_F_SEAL_EXEC)
#define SEALS_NO_WRITE	(LINUX_F_SEAL_WRITE | LINUX_F_SEAL_FUTURE_WRITE)

int
vext_get(struct vnode *v, struct vnode_ext **out)
{
	struct vnode_ext *e = atomic_load(&v->ext), *none = NULL;

	if (e != NULL) {
		*out = e;
		return 0;
	}
	if ((e = fw_zalloc(1, sizeof(*e))) == NULL)
		return -ENOMEM;
	e->seals = LINUX_F_SEAL_SEAL;
	fw_waitq_init(&e->locks.wq);
	atomic_init(&e->locks.gen, 0);
	if (!atomic_compare_exchange_strong(&v->ext, &none, e)) {
		fw_free(e);		/* another thread's came first */
		e = none;
	}
	*out = e;
	return 0;
}

struct vnode_ext *
vext_peek(const struct vnode *v)
{
	return atomic_load(&v->ext);
}

void
vext_free(struct vnode *v)
{
	struct vnode_ext *e = atomic_load(&v->ext);

	if (e == NULL)
		return;
	xattr_free_all(e->xattrs);
	vlocks_fini(&e->locks);
	fw_free(e->name);
	fw_free(e);
	atomic_store(&v->ext, NULL);
}

uint32_t
seal_of_locked(const struct vnode *v)
{
	const struct vnode_ext *e = vext_peek(v);

	return e != NULL ? e->seals : LINUX_F_SEAL_SEAL;
}

/* A file that takes seals: a ramfs regular file, open not O_PATH. */
static bool
seal_file(const struct file *f)
{
	return f->vnode != NULL && vnode_is(f->vnode, LINUX_S_IFREG) &&
	    f->vnode->ops == &ramfs_ops;
}

long
seal_get(struct file *f)
{
	long seals;

	if (!seal_file(f))
		return -EINVAL;
	fw_mutex_lock(&fs_lock);
	seals = seal_of_locked(f->vnode);
	fw_mutex_unlock(&fs_lock);
	return seals;
}

/* memfd_add_seals(): F_SEAL_EXEC on an executable file seals writes too. */
long
seal_add(struct file *f, uint32_t seals)
{
	struct vnode_ext *e;
	int err;

	if (!file_writable(f))
		return -EPERM;
	if (seals & ~(uint32_t)SEALS_ALL)
		return -EINVAL;
	if (!seal_file(f))
		return -EINVAL;
	if ((err = vext_get(f->vnode, &e)) < 0)
		return err;
	fw_mutex_lock(&fs_lock);
	if (e->seals & LINUX_F_SEAL_SEAL) {
		err = -EPERM;
	} else if ((seals & LINUX_F_SEAL_WRITE) &&
	    !(e->seals & LINUX_F_SEAL_WRITE) &&
	    atomic_load(&f->vnode->writemaps) > 0) {
		err = -EBUSY;			/* mapping_deny_writable() */
	} else {
		if ((seals & LINUX_F_SEAL_EXEC) && (f->vnode->mode & 0111))
			seals |= LINUX_F_SEAL_SHRINK | LINUX_F_SEAL_GROW |
			    SEALS_NO_WRITE;
		e->seals |= seals;
	}
	fw_mutex_unlock(&fs_lock);
	return err;
}

int
seal_check_write_locked(const struct vnode *v, uint64_t off, size_t *len)
{
	uint32_t seals = seal_of_locked(v);
	uint64_t room;

	if (seals & SEALS_NO_WRITE)
		return -EPERM;
	if (!(seals & LINUX_F_SEAL_GROW) || off + *len <= v->size)
		return 0;
	/* Linux writes page by page and stops at the first page past EOF. */
	room = v->size & ~(uint64_t)(FW_PAGE_SIZE - 1);
	if (off >= room)
		return -EPERM;
	*len = (size_t)(room - off);
	return 0;
}

int
seal_check_size_locked(const struct vnode *v, uint64_t size)
{
	uint32_t seals = seal_of_locked(v);

	if (size < v->size && (seals & LINUX_F_SEAL_SHRINK))
		return -EPERM;
	if (size > v->size && (seals & LINUX_F_SEAL_GROW))
		return -EPERM;
	return 0;
}

long
vnode_write(struct vnode *v, const void *buf, size_t len, uint64_t *off,
    bool append)
{
	long n;
	int err;

	fw_mutex_lock(&fs_lock);
	if (append)
		*off = v->size;
	if ((err = seal_check_write_locked(v, *off, &len)) < 0)
		n = err;
	else
		n = v->ops->write(v, buf, len, *off);
	if (n > 0)
		fsnotify_locked(NULL, v, LINUX_IN_MODIFY, NULL, 0);
	fw_mutex_unlock(&fs_lock);
	if (n > 0)
		*off += (uint64_t)n;
	return n;
}
