/*
 * services/fs/sys_lseek.c: lseek(2).  Consoles (and O_PATH descriptors'
 * missing ops) are not seekable: ESPIPE; an unknown whence or a negative
 * result is EINVAL.  SEEK_DATA and SEEK_HOLE see a ramfs file as one run
 * of data (holes read as zeros anyway), as Linux's generic code does.
 * Locks: file->lock for the offset, fs_lock for the size (via file_size).
 */
#include <svc/file.h>
#include <svc/syscall.h>
#include <svc/vfs.h>
#include "fs.h"

/* The new offset: 0 with *out, or -EINVAL, -ENXIO, -EOVERFLOW. */
static int
lseek_target(struct file *f, int64_t off, unsigned int whence, uint64_t pos,
    int64_t *out)
{
	int64_t size = (int64_t)file_size(f), r;

	switch (whence) {
	case LINUX_SEEK_SET:
		r = off;
		break;
	case LINUX_SEEK_CUR:
		if (off > 0 && (int64_t)pos > INT64_MAX - off)
			return -EOVERFLOW;
		r = (int64_t)pos + off;
		break;
	case LINUX_SEEK_END:
		if (off > 0 && size > INT64_MAX - off)
			return -EOVERFLOW;
		r = size + off;
		break;
	case LINUX_SEEK_DATA:
	case LINUX_SEEK_HOLE:
		if ((uint64_t)off >= (uint64_t)size)
			return -ENXIO;
		r = whence == LINUX_SEEK_DATA ? off : size;
		break;
	default:
		return -EINVAL;
	}
	if (r < 0)
		return -EINVAL;
	*out = r;
	return 0;
}

SYSCALL(lseek)
{
	struct proc *p = t->proc;
	int64_t off = (int64_t)a->a[1], r = 0;
	unsigned int whence = (unsigned int)a->a[2];
	struct file *f;
	int err;

	if ((err = fd_get(p, (int)a->a[0], &f)) < 0)
		return err;
	if (atomic_load(&f->flags) & LINUX_O_PATH) {
		err = -EBADF;
		goto out;
	}
	if (!f->seekable) {
		err = -ESPIPE;
		goto out;
	}
	fw_mutex_lock(&f->lock);
	if ((err = lseek_target(f, off, whence, f->pos, &r)) == 0)
		f->pos = (uint64_t)r;
	fw_mutex_unlock(&f->lock);
out:
	file_unref(f);
	return err < 0 ? err : r;
}
