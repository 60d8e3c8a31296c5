/*
 * services/fs/devpts.c: devpts, the file system of pty slaves (pts(4)).
 * An instance holds "ptmx" (character device 5:2, mode ptmxmode=) and one
 * node "N" (136:N) per live pty pair made through it, added when the pair
 * is made and removed when it dies (services/tty/pty.c).  A node belongs
 * to the uid and gid of its opener, or gid= if given, with mode mode=.
 * Options as Linux's (Documentation/filesystems/devpts.rst): mode=
 * (default 0600), ptmxmode= (0000), uid=, gid=, max=, and newinstance,
 * which every mount is anyway.  The tree lives in the ramfs.
 *
 * Interface: devpts_type, devpts_node_new(), devpts_node_remove() (fs.h).
 * Locks: fill runs before the superblock is reachable; the node calls
 * take fs_lock.
 */
#include <fw/alloc.h>
#include <fw/log.h>
#include <svc/lib.h>
#include <uapi/stat.h>
#include <uapi/tty.h>
#include "fs.h"

struct devpts_opts {
	uint32_t	mode, ptmxmode;
	uint32_t	uid, gid;
	bool		set_uid, set_gid;
	uint64_t	max;
};

/* One "key=value" or "key" of devpts's data (mount_options_each). */
static int
devpts_option(void *arg, const char *key, const char *val)
{
	struct devpts_opts *o = arg;
	uint64_t n;
	bool octal = str_eq(key, "mode") || str_eq(key, "ptmxmode");

	if (val == NULL)
		return str_eq(key, "newinstance") ? 0 : -EINVAL;
	if (str_to_u64(val, octal ? 8 : 10, &n) < 0)
		return -EINVAL;
	if (octal && n > 0777)
		return -EINVAL;
	if (str_eq(key, "mode"))
		o->mode = (uint32_t)n;
	else if (str_eq(key, "ptmxmode"))
		o->ptmxmode = (uint32_t)n;
	else if (str_eq(key, "uid") && n < UINT32_MAX)
		o->set_uid = true, o->uid = (uint32_t)n;
	else if (str_eq(key, "gid") && n < UINT32_MAX)
		o->set_gid = true, o->gid = (uint32_t)n;
	else if (str_eq(key, "max") && n <= DEVPTS_MAX)
		o->max = n;
	else
		return -EINVAL;
	return 0;
}


static int
devpts_fill(struct superblock *sb, const char *data)
{
	struct devpts_opts *o;
	struct vnode *v;
	int err;

	if ((o = fw_zalloc(1, sizeof(*o))) == NULL)
		return -ENOMEM;
	o->mode = 0600;
	o->max = DEVPTS_MAX;
	if ((err = mount_options_each(data, devpts_option, o)) < 0 ||
	    (err = ramfs_new_root(sb, 0755, &sb->root)) < 0) {
		fw_free(o);
		return err;
	}
	sb->priv = o;
	err = sb->root->ops->create(sb->root, "ptmx", 4,
	    LINUX_S_IFCHR | o->ptmxmode, NULL, &v);
	if (err < 0) {
		vnode_unref(sb->root);
		fw_free(o);
		return err;
	}
	v->rmajor = LINUX_TTYAUX_MAJOR;
	v->rminor = LINUX_PTMX_MINOR;
	vnode_unref(v);
	return 0;
}

static void
devpts_kill(struct superblock *sb)
{
	ramfs_destroy_tree(sb->root);
	fw_free(sb->priv);
}

static size_t
devpts_show(const struct superblock *sb, char *buf, size_t size)
{
	const struct devpts_opts *o = sb->priv;
	size_t n = 0;

	if (o->set_uid)
		n += (size_t)fw_snprintf(buf, size, ",uid=%u", o->uid);
	if (o->set_gid)
		n += (size_t)fw_snprintf(buf + MIN(n, size), size - MIN(n,
		    size), ",gid=%u", o->gid);
	n += (size_t)fw_snprintf(buf + MIN(n, size), size - MIN(n, size),
	    ",mode=%03o,ptmxmode=%03o", o->mode, o->ptmxmode);
	if (o->max < DEVPTS_MAX)
		n += (size_t)fw_snprintf(buf + MIN(n, size), size - MIN(n,
		    size), ",max=%llu", (unsigned long long)o->max);
	return MIN(n, size);
}

const struct fstype devpts_type = {
	.name = "devpts",
	.magic = LINUX_DEVPTS_MAGIC,
	.nodev = true,
	.fill = devpts_fill,
	.kill = devpts_kill,
	.show = devpts_show,
};

uint64_t
devpts_max(const struct superblock *sb)
{
	const struct devpts_opts *o = sb->priv;

	return o->max;
}

int
devpts_node_new(struct superblock *sb, int index, uint32_t uid,
    uint32_t gid, struct vnode **out)
{
	const struct devpts_opts *o = sb->priv;
	char name[12];
	int n, err;

	n = fw_snprintf(name, sizeof(name), "%d", index);
	fw_mutex_lock(&fs_lock);
	err = sb->root->ops->create(sb->root, name, (size_t)n,
	    LINUX_S_IFCHR | o->mode, NULL, out);
	if (err == 0) {
		(*out)->rmajor = LINUX_PTY_SLAVE_MAJOR;
		(*out)->rminor = (uint32_t)index;
		(*out)->uid = o->set_uid ? o->uid : uid;
		(*out)->gid = o->set_gid ? o->gid : gid;
	}
	fw_mutex_unlock(&fs_lock);
	return err;
}

void
devpts_node_remove(struct superblock *sb, int index)
{
	char name[12];
	int n;

	n = fw_snprintf(name, sizeof(name), "%d", index);
	fw_mutex_lock(&fs_lock);
	(void)sb->root->ops->unlink(sb->root, name, (size_t)n);
	fw_mutex_unlock(&fs_lock);
}
