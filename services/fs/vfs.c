/*
 * services/fs/vfs.c: the file system as a whole: the fs-wide lock and
 * boot-time set-up (vfs_init(): the initramfs unpacked into the root
 * ramfs, or with boot option root=9p the host's tree under an overlay,
 * with root=9p-rw the host's tree itself (hostroot.c); the directories
 * every Linux program expects, then devtmpfs on /dev, tmpfs on /dev/shm
 * and devpts on /dev/pts, as systemd mounts it, and a fresh tmpfs on
 * /tmp over the host's).
 *
 * Locks: fs_lock guards every vnode attribute, every directory and the
 * mount table (fs.h).
 */
#include <fw/boot.h>
#include <fw/log.h>
#include <svc/lib.h>
#include <svc/vfs.h>
#include "fs.h"

struct fw_mutex fs_lock;

/* Detaches every mount; open files keep their own trees alive. */
void
vfs_fini(void)
{
	mount_fini();
}

/* The child name [s, s+len) of dir, created as a directory if absent. */
static int
mkdir_one_locked(struct vnode *dir, const char *s, size_t len, uint32_t mode,
    struct vnode **out) FW_REQUIRES(&fs_lock)
{
	int err;

	err = dir->ops->lookup(dir, s, len, out);
	if (err == -ENOENT)
		return dir->ops->create(dir, s, len, LINUX_S_IFDIR | mode,
		    NULL, out);
	if (err < 0)
		return err;
	if (!vnode_is(*out, LINUX_S_IFDIR)) {
		vnode_unref(*out);
		return -ENOTDIR;
	}
	return 0;
}

/*
 * mkdir -p of path from *p (held), which moves down to the last
 * directory; where p has a mount (p->mnt), onto the top mount wherever
 * one covers a directory, so /dev/shm is made in the devtmpfs on /dev,
 * not under it.
 */
int
vpath_mkdirs_locked(struct vpath *p, const char *path, uint32_t mode)
    FW_REQUIRES(&fs_lock)
{
	struct vnode *next;
	const char *e;
	int err;

	for (;;) {
		while (*path == '/')
			path++;
		if (*path == '\0')
			return 0;
		for (e = path; *e != '\0' && *e != '/'; e++)
			;
		if ((size_t)(e - path) > LINUX_NAME_MAX)
			return -ENAMETOOLONG;
		if ((err = mkdir_one_locked(p->v, path, (size_t)(e - path),
		    mode, &next)) < 0)
			return err;
		vnode_unref(p->v);
		p->v = next;
		if (p->mnt != NULL)
			mount_cross_locked(p);
		path = e;
	}
}

int
vfs_mkdirs_locked(struct vnode *root, const char *path, uint32_t mode,
    struct vnode **out)
{
	struct vpath p = { .mnt = NULL, .v = vnode_ref(root) };
	int err;

	if ((err = vpath_mkdirs_locked(&p, path, mode)) < 0 || out == NULL) {
		vnode_unref(p.v);
		return err;
	}
	*out = p.v;
	return 0;
}

/* The directories every Linux program expects, where the archive lacks them. */
int
vfs_populate_locked(struct vnode *root) FW_REQUIRES(&fs_lock)
{
	static const struct {
		const char	*path;
		uint32_t	 mode;
	} dirs[] = {
		{ "tmp", 01777 }, { "proc", 0555 }, { "sys", 0555 },
		{ "dev", 0755 },
	};
	size_t i;
	int err;

	for (i = 0; i < ARRAY_SIZE(dirs); i++) {
		if ((err = vfs_mkdirs_locked(root, dirs[i].path, dirs[i].mode,
		    NULL)) < 0)
			return err;
	}
	return 0;
}

int
vfs_mount_source_locked(const struct fstype *type, const char *source,
    const char *path, const char *data, uint32_t flags) FW_REQUIRES(&fs_lock)
{
	struct superblock *sb;
	struct vpath mp;
	int err;

	vfs_root_locked(&mp);
	if ((err = vpath_mkdirs_locked(&mp, path, 0755)) < 0)
		goto out;
	if ((err = sb_new(type, source, data, NULL, &sb)) < 0)
		goto out;
	err = mount_attach_locked(&mp, sb, sb->root, flags, NULL);
	sb_unref(sb);
out:
	vpath_drop(&mp);
	return err;
}

int
vfs_mount_boot_locked(const struct fstype *type, const char *path,
    const char *data, uint32_t flags) FW_REQUIRES(&fs_lock)
{
	return vfs_mount_source_locked(type, type->name, path, data, flags);
}

/* The root from the boot initramfs (unpacked without fs_lock): *out held. */
static int
vfs_initramfs(struct superblock **out) FW_EXCLUDES(&fs_lock)
{
	struct superblock *sb;
	int err;

	if ((err = sb_new(&ramfs_type, "rootfs", NULL, NULL, &sb)) < 0)
		return err;
	if ((err = cpio_unpack(sb->root)) < 0) {
		fw_log(FW_LOG_ERROR, "vfs: initramfs is malformed (%d)", err);
		sb_unref(sb);
		return err;
	}
	*out = sb;
	return 0;
}

int
vfs_init(void)
{
	const char *root = fw_boot_option("root");
	bool rw = root != NULL && str_eq(root, "9p-rw");
	bool host = rw || (root != NULL && str_eq(root, "9p"));
	struct superblock *sb = NULL;
	int err;

	fw_mutex_init(&fs_lock);
	if (!host && (err = vfs_initramfs(&sb)) < 0)
		return err;
	fw_mutex_lock(&fs_lock);
	if (host) {
		err = hostroot_locked(rw);
	} else {
		err = vfs_populate_locked(sb->root);
		if (err == 0)
			err = mount_attach_locked(NULL, sb, sb->root, 0, NULL);
		sb_unref(sb);
	}
	if (err == 0)
		err = vfs_mount_boot_locked(&devtmpfs_type, "dev", "mode=755",
		    LINUX_MS_NOSUID);
	if (err == 0)
		err = vfs_mount_boot_locked(&tmpfs_type, "dev/shm", NULL,
		    LINUX_MS_NOSUID | LINUX_MS_NODEV);
	if (err == 0)
		err = vfs_mount_boot_locked(&devpts_type, "dev/pts",
		    "gid=5,mode=620,ptmxmode=666",
		    LINUX_MS_NOSUID | LINUX_MS_NOEXEC);
	if (err == 0 && host)
		err = vfs_mount_boot_locked(&tmpfs_type, "tmp", "mode=1777",
		    LINUX_MS_NOSUID | LINUX_MS_NODEV);
	fw_mutex_unlock(&fs_lock);
	if (err < 0)
		mount_fini();
	return err;
}
