/*
 * services/fs/sys_statfs.c: statfs(2), fstatfs(2) and ustat(2).  The ramfs
 * answers as a tmpfs mounted relatime with its default size: half the
 * memory in blocks and as many inodes, f_type TMPFS_MAGIC, names of up
 * to NAME_MAX bytes.  A pipe is on pipefs.  fstatfs takes O_PATH
 * descriptors.  ustat(2), which Linux still has, answers for the ramfs's
 * device and is EINVAL for any other.
 * Locks: none of its own (fd_get takes the table's).
 */
#include <fw/frame.h>
#include <fw/uaccess.h>
#include <svc/file.h>
#include <svc/lib.h>
#include <svc/syscall.h>
#include <svc/vfs.h>
#include <uapi/stat.h>
#include "fs.h"

#define PIPEFS_MAGIC	0x50495045
#define RAMFS_DEV	1	/* st_dev of every ramfs vnode (vnode.c) */

static void
statfs_fill(bool pipe, struct linux_statfs *sf)
{
	uint64_t total = fw_frames_total(), used = fw_frames_used();
	uint64_t free = used < total ? total - used : 0;

	memset(sf, 0, sizeof(*sf));
	sf->f_type = pipe ? PIPEFS_MAGIC : LINUX_TMPFS_MAGIC;
	sf->f_bsize = sf->f_frsize = FW_PAGE_SIZE;
	sf->f_namelen = LINUX_NAME_MAX;
	sf->f_flags = LINUX_ST_VALID | LINUX_ST_RELATIME;
	if (pipe)
		return;
	sf->f_blocks = sf->f_files = total / 2;
	sf->f_bfree = sf->f_bavail = MIN(free, total / 2);
	sf->f_ffree = sf->f_files;
	sf->f_fsid[0] = RAMFS_DEV;
}

SYSCALL(statfs)
{
	struct proc *p = t->proc;
	struct linux_statfs sf;
	struct fsctx c;
	struct walk w;
	char *path;
	int err;

	if ((err = path_get(p->vm, a->a[0], &path)) < 0)
		return err;
	fsctx_get(p, &c);
	err = lookup_at(&c, LINUX_AT_FDCWD, path, 0, WALK_FOLLOW, &w);
	fsctx_put(&c);
	path_put(path);
	if (err < 0)
		return err;
	walk_done(&w);
	statfs_fill(false, &sf);
	return fw_copy_to_user(p->vm, fw_uaddr(a->a[1]), &sf, sizeof(sf));
}

SYSCALL(fstatfs)
{
	struct linux_statfs sf;
	struct file *f;
	int err;

	if ((err = fd_get(t->proc, (int)a->a[0], &f)) < 0)
		return err;
	statfs_fill((file_mode(f) & LINUX_S_IFMT) == LINUX_S_IFIFO, &sf);
	file_unref(f);
	return fw_copy_to_user(t->proc->vm, fw_uaddr(a->a[1]), &sf,
	    sizeof(sf));
}

SYSCALL(ustat)
{
	struct linux_ustat u;
	struct linux_statfs sf;
	uint32_t dev = (uint32_t)a->a[0];

	/* new_decode_dev() of the ramfs's device, 0:1. */
	if ((dev & 0xfff00) != 0 || ((dev & 0xff) | ((dev >> 12) & ~0xffU)) !=
	    RAMFS_DEV)
		return -EINVAL;
	statfs_fill(false, &sf);
	memset(&u, 0, sizeof(u));
	u.f_tfree = (int32_t)MIN(sf.f_bfree, (uint64_t)INT32_MAX);
	u.f_tinode = sf.f_ffree;
	return fw_copy_to_user(t->proc->vm, fw_uaddr(a->a[1]), &u, sizeof(u));
}
