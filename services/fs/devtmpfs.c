/*
 * services/fs/devtmpfs.c: devtmpfs, a tmpfs born with the device nodes
 * and links a Linux system has in /dev: null, zero, full, random,
 * urandom, tty, console and ptmx (their drivers are found by major and minor
 * in open.c), shm/ and pts/, and fd, stdin, stdout, stderr pointing into
 * /proc/self/fd as udev makes them.
 *
 * Interface: devtmpfs_type (mount.h).
 * Locks: fill runs with fs_lock held, before the tree is reachable.
 */
#include <svc/lib.h>
#include <uapi/stat.h>
#include <uapi/tty.h>
#include "fs.h"

static const struct {
	const char	*name;
	uint32_t	 mode, major, minor;
	const char	*target;
} dev_nodes[] = {
	{ "null",	LINUX_S_IFCHR | 0666, LINUX_MEM_MAJOR, 3, NULL },
	{ "zero",	LINUX_S_IFCHR | 0666, LINUX_MEM_MAJOR, 5, NULL },
	{ "full",	LINUX_S_IFCHR | 0666, LINUX_MEM_MAJOR, 7, NULL },
	{ "random",	LINUX_S_IFCHR | 0666, LINUX_MEM_MAJOR, 8, NULL },
	{ "urandom",	LINUX_S_IFCHR | 0666, LINUX_MEM_MAJOR, 9, NULL },
	{ "tty",	LINUX_S_IFCHR | 0666, LINUX_TTYAUX_MAJOR, 0, NULL },
	{ "console",	LINUX_S_IFCHR | 0600, LINUX_TTYAUX_MAJOR, 1, NULL },
	{ "ptmx",	LINUX_S_IFCHR | 0666, LINUX_TTYAUX_MAJOR,
	    LINUX_PTMX_MINOR, NULL },
	{ "shm",	LINUX_S_IFDIR | 01777, 0, 0, NULL },
	{ "pts",	LINUX_S_IFDIR | 0755, 0, 0, NULL },
	{ "fd",		LINUX_S_IFLNK | 0777, 0, 0, "/proc/self/fd" },
	{ "stdin",	LINUX_S_IFLNK | 0777, 0, 0, "/proc/self/fd/0" },
	{ "stdout",	LINUX_S_IFLNK | 0777, 0, 0, "/proc/self/fd/1" },
	{ "stderr",	LINUX_S_IFLNK | 0777, 0, 0, "/proc/self/fd/2" },
};

static int
devtmpfs_fill(struct superblock *sb, const char *data)
{
	struct vnode *root, *v;
	size_t i;
	int err;

	if ((err = tmpfs_type.fill(sb, data)) < 0)
		return err;
	root = sb->root;
	for (i = 0; i < ARRAY_SIZE(dev_nodes); i++) {
		err = root->ops->create(root, dev_nodes[i].name,
		    str_len(dev_nodes[i].name), dev_nodes[i].mode,
		    dev_nodes[i].target, &v);
		if (err < 0)
			break;
		v->rmajor = dev_nodes[i].major;
		v->rminor = dev_nodes[i].minor;
		vnode_unref(v);
	}
	if (err < 0)
		ramfs_destroy_tree(root);
	return err;
}

const struct fstype devtmpfs_type = {
	.name = "devtmpfs",
	.magic = LINUX_TMPFS_MAGIC,
	.nodev = true,
	.fill = devtmpfs_fill,
	.kill = ramfs_kill_tree,
	.show = tmpfs_show_opts,
};
