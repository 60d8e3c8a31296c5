/*
 * services/fs/vfs.c: the file system as a whole: the fs-wide lock, the
 * root, and boot-time set-up (vfs_init(): the initramfs, then the
 * directories and device nodes every Linux program expects).
 *
 * Locks: fs_lock guards every vnode attribute and every directory (fs.h).
 * vfs_root_vnode is set once at boot, before any process exists [I].
 */
#include <fw/log.h>
#include <svc/lib.h>
#include <svc/vfs.h>
#include <uapi/tty.h>
#include "fs.h"

struct fw_mutex fs_lock;
static struct vnode *vfs_root_vnode;			/* [I] counted */

struct vnode *
vfs_root(void)
{
	return vnode_ref(vfs_root_vnode);
}

void
vfs_set_root(struct vnode *root)
{
	struct vnode *old = vfs_root_vnode;

	vfs_root_vnode = root;
	if (old != NULL) {
		ramfs_destroy_tree(old);
		vnode_unref(old);
	}
}

/* Drops the whole tree; open files keep their own vnodes alive. */
void
vfs_fini(void)
{
	vfs_set_root(NULL);
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

int
vfs_mkdirs_locked(struct vnode *root, const char *path, uint32_t mode,
    struct vnode **out)
{
	struct vnode *cur = vnode_ref(root), *next;
	const char *e;
	int err;

	for (;;) {
		while (*path == '/')
			path++;
		if (*path == '\0')
			break;
		for (e = path; *e != '\0' && *e != '/'; e++)
			;
		if ((size_t)(e - path) > LINUX_NAME_MAX) {
			vnode_unref(cur);
			return -ENAMETOOLONG;
		}
		err = mkdir_one_locked(cur, path, (size_t)(e - path), mode,
		    &next);
		vnode_unref(cur);
		if (err < 0)
			return err;
		cur = next;
		path = e;
	}
	if (out != NULL)
		*out = cur;
	else
		vnode_unref(cur);
	return 0;
}

static const struct {
	const char	*name;
	uint32_t	 mode, major, minor;
} dev_nodes[] = {
	{ "null",	0666, LINUX_MEM_MAJOR, 3 },
	{ "zero",	0666, LINUX_MEM_MAJOR, 5 },
	{ "full",	0666, LINUX_MEM_MAJOR, 7 },
	{ "random",	0666, LINUX_MEM_MAJOR, 8 },
	{ "urandom",	0666, LINUX_MEM_MAJOR, 9 },
	{ "tty",	0666, LINUX_TTYAUX_MAJOR, 0 },
	{ "console",	0600, LINUX_TTYAUX_MAJOR, 1 },
};

/*
 * /dev with its nodes and /dev/shm, /tmp, /proc and /sys, where the
 * archive lacks them.
 */
static int
vfs_populate_locked(struct vnode *root) FW_REQUIRES(&fs_lock)
{
	struct vnode *dev, *v;
	size_t i, len;
	int err;

	if ((err = vfs_mkdirs_locked(root, "tmp", 01777, &v)) < 0)
		return err;
	vnode_unref(v);
	if ((err = vfs_mkdirs_locked(root, "proc", 0555, NULL)) < 0 ||
	    (err = vfs_mkdirs_locked(root, "sys", 0555, NULL)) < 0 ||
	    (err = vfs_mkdirs_locked(root, "dev", 0755, &dev)) < 0)
		return err;
	for (i = 0; i < ARRAY_SIZE(dev_nodes); i++) {
		len = str_len(dev_nodes[i].name);
		if (dev->ops->lookup(dev, dev_nodes[i].name, len, &v) == 0) {
			vnode_unref(v);
			continue;
		}
		err = dev->ops->create(dev, dev_nodes[i].name, len,
		    LINUX_S_IFCHR | dev_nodes[i].mode, NULL, &v);
		if (err < 0)
			break;
		v->rmajor = dev_nodes[i].major;
		v->rminor = dev_nodes[i].minor;
		vnode_unref(v);
	}
	/* POSIX shared memory lives in a sticky tmpfs at /dev/shm. */
	if (err == 0 && (err = vfs_mkdirs_locked(dev, "shm", 01777, &v)) == 0)
		vnode_unref(v);
	vnode_unref(dev);
	return err;
}

int
vfs_init(void)
{
	struct vnode *root;
	int err;

	fw_mutex_init(&fs_lock);
	if ((err = ramfs_new_root(&root)) < 0)
		return err;
	if ((err = cpio_unpack(root)) < 0) {
		fw_log(FW_LOG_ERROR, "vfs: initramfs is malformed (%d)", err);
		goto fail;
	}
	fw_mutex_lock(&fs_lock);
	err = vfs_populate_locked(root);
	fw_mutex_unlock(&fs_lock);
	if (err < 0)
		goto fail;
	vfs_set_root(root);
	return 0;
fail:
	ramfs_destroy_tree(root);
	vnode_unref(root);
	return err;
}
