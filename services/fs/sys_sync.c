/*
 * services/fs/sys_sync.c: fsync(2), fdatasync(2), sync(2), syncfs(2) and
 * sync_file_range(2).  The ramfs is all memory, so there is never
 * anything to write back: these calls only check their arguments as
 * Linux does, and fsync and fdatasync pass on to a file system with an
 * fsync op (9p: Tfsync, so the host's file reaches its disk).  fsync
 * and fdatasync want a file whose operations have fsync (regular files
 * and directories; EINVAL for pipes, consoles and devices);
 * sync_file_range checks its flags and range (EINVAL) and wants a
 * regular file, directory or symlink (ESPIPE).  An O_PATH descriptor is
 * EBADF to all of them.  Locks: fs_lock around an fsync op.
 */
#include <svc/file.h>
#include <svc/syscall.h>
#include <svc/vfs.h>
#include "fs.h"

#define SFR_FLAGS	(LINUX_SYNC_FILE_RANGE_WAIT_BEFORE | \
			 LINUX_SYNC_FILE_RANGE_WRITE | \
			 LINUX_SYNC_FILE_RANGE_WAIT_AFTER)

/* fdget(): a descriptor other than O_PATH, referenced; or -EBADF. */
static int
sync_fd_get(struct proc *p, int fd, struct file **out)
{
	int err;

	if ((err = fd_get(p, fd, out)) < 0)
		return err;
	if (atomic_load(&(*out)->flags) & LINUX_O_PATH) {
		file_unref(*out);
		return -EBADF;
	}
	return 0;
}

static long
do_fsync(struct proc *p, int fd, bool datasync)
{
	struct file *f;
	uint32_t type;
	int err;

	if ((err = sync_fd_get(p, fd, &f)) < 0)
		return err;
	type = file_mode(f) & LINUX_S_IFMT;
	if (f->vnode == NULL || (type != LINUX_S_IFREG &&
	    type != LINUX_S_IFDIR))
		err = -EINVAL;
	if (err == 0 && f->vnode->ops->fsync != NULL) {
		fw_mutex_lock(&fs_lock);
		err = f->vnode->ops->fsync(f->vnode, datasync);
		fw_mutex_unlock(&fs_lock);
	}
	file_unref(f);
	return err;
}

SYSCALL(fsync)
{
	return do_fsync(t->proc, (int)a->a[0], false);
}

SYSCALL(fdatasync)
{
	return do_fsync(t->proc, (int)a->a[0], true);
}

SYSCALL(sync)
{
	(void)t;
	(void)a;
	return 0;
}

SYSCALL(syncfs)
{
	struct file *f;
	int err;

	if ((err = sync_fd_get(t->proc, (int)a->a[0], &f)) < 0)
		return err;
	file_unref(f);
	return 0;
}

static int
sfr_check(struct file *f, int64_t off, int64_t n, unsigned int flags)
{
	uint32_t type;

	if (flags & ~(unsigned int)SFR_FLAGS)
		return -EINVAL;
	if (off < 0 || (uint64_t)off + (uint64_t)n > (uint64_t)INT64_MAX ||
	    (uint64_t)off + (uint64_t)n < (uint64_t)off)
		return -EINVAL;
	type = file_mode(f) & LINUX_S_IFMT;
	if (type != LINUX_S_IFREG && type != LINUX_S_IFDIR &&
	    type != LINUX_S_IFLNK && type != LINUX_S_IFBLK)
		return -ESPIPE;
	return 0;
}

SYSCALL(sync_file_range)
{
	struct file *f;
	int err;

	if ((err = sync_fd_get(t->proc, (int)a->a[0], &f)) < 0)
		return err;
	err = sfr_check(f, (int64_t)a->a[1], (int64_t)a->a[2],
	    (unsigned int)a->a[3]);
	file_unref(f);
	return err;
}
