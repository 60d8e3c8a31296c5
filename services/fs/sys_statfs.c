/*
 * services/fs/sys_statfs.c: statfs(2), fstatfs(2) and ustat(2), from the
 * mount: its type's magic number, its flags (ST_RDONLY ...), and for a
 * tmpfs its size= and nr_inodes= limits and what is used, in pages
 * (the root ramfs and proc, sysfs report no sizes, as Linux's).  A pipe
 * is on pipefs, other files of no file system on anon_inodefs.  fstatfs
 * takes O_PATH descriptors.  ustat(2), which Linux still has, answers for
 * a mounted file system's device and is EINVAL for any other.
 * Locks: fs_lock for the mount and superblock.
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

/* The mount flags statfs reports (ST_*), from MS_* of the mount and sb. */
static int64_t
statfs_flags(const struct mount *m)
{
	uint32_t fl = m->flags | (m->sb->flags & LINUX_MS_RDONLY);
	int64_t st = LINUX_ST_VALID;

	st |= (fl & LINUX_MS_RDONLY) ? LINUX_ST_RDONLY : 0;
	st |= (fl & LINUX_MS_NOSUID) ? LINUX_ST_NOSUID : 0;
	st |= (fl & LINUX_MS_NODEV) ? LINUX_ST_NODEV : 0;
	st |= (fl & LINUX_MS_NOEXEC) ? LINUX_ST_NOEXEC : 0;
	st |= (fl & LINUX_MS_NOATIME) ? LINUX_ST_NOATIME :
	    LINUX_ST_RELATIME;
	return st;
}

/*
 * What statfs says of sb as seen through m (NULL: a pipe, on pipefs): a
 * tmpfs's limits and use, counted in pages; the type's magic number.
 */
static void
statfs_fill(const struct mount *m, struct linux_statfs *sf)
{
	const struct superblock *sb = m != NULL ? m->sb : NULL;
	uint64_t total = fw_frames_total(), used;

	memset(sf, 0, sizeof(*sf));
	sf->f_bsize = sf->f_frsize = FW_PAGE_SIZE;
	sf->f_namelen = LINUX_NAME_MAX;
	if (sb == NULL) {
		sf->f_type = PIPEFS_MAGIC;
		sf->f_flags = LINUX_ST_VALID | LINUX_ST_RELATIME;
		return;
	}
	sf->f_type = sb->type->magic;
	sf->f_flags = statfs_flags(m);
	sf->f_fsid[0] = (int32_t)sb->dev;
	if (sb->type->show == NULL)
		return;				/* ramfs, proc, sysfs: no sizes */
	sf->f_blocks = sb->max_pages != 0 ? sb->max_pages : total;
	used = atomic_load(&sb->used_pages);
	sf->f_bfree = sf->f_bavail = sf->f_blocks > used ?
	    sf->f_blocks - used : 0;
	sf->f_files = sb->max_inodes != 0 ? sb->max_inodes : total / 2;
	used = atomic_load(&sb->used_inodes);
	sf->f_ffree = sf->f_files > used ? sf->f_files - used : 0;
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
	fw_mutex_lock(&fs_lock);
	statfs_fill(w.mnt, &sf);
	fw_mutex_unlock(&fs_lock);
	walk_done(&w);
	return fw_copy_to_user(p->vm, fw_uaddr(a->a[1]), &sf, sizeof(sf));
}

SYSCALL(fstatfs)
{
	struct linux_statfs sf;
	struct file *f;
	int err;

	if ((err = fd_get(t->proc, (int)a->a[0], &f)) < 0)
		return err;
	fw_mutex_lock(&fs_lock);
	statfs_fill(f->mnt, &sf);
	if (f->mnt == NULL && (file_mode(f) & LINUX_S_IFMT) != LINUX_S_IFIFO)
		sf.f_type = LINUX_ANON_INODE_MAGIC;
	fw_mutex_unlock(&fs_lock);
	file_unref(f);
	return fw_copy_to_user(t->proc->vm, fw_uaddr(a->a[1]), &sf,
	    sizeof(sf));
}

struct ustat_find {
	uint32_t		 dev;
	const struct mount	*m;
};

static void
ustat_match(struct mount *m, void *arg)
{
	struct ustat_find *u = arg;

	if (u->m == NULL && m->sb->dev == u->dev)
		u->m = m;
}

SYSCALL(ustat)
{
	struct linux_ustat u;
	struct linux_statfs sf;
	uint32_t dev = (uint32_t)a->a[0];
	struct ustat_find f = { (dev & 0xff) | ((dev >> 12) & ~0xffU), NULL };

	/* new_decode_dev(): our file systems are all on major 0. */
	if ((dev & 0xfff00) != 0)
		return -EINVAL;
	fw_mutex_lock(&fs_lock);
	mount_each_locked(ustat_match, &f);
	if (f.m != NULL)
		statfs_fill(f.m, &sf);
	fw_mutex_unlock(&fs_lock);
	if (f.m == NULL)
		return -EINVAL;
	memset(&u, 0, sizeof(u));
	u.f_tfree = (int32_t)MIN(sf.f_bfree, (uint64_t)INT32_MAX);
	u.f_tinode = sf.f_ffree;
	return fw_copy_to_user(t->proc->vm, fw_uaddr(a->a[1]), &u, sizeof(u));
}
