/*
 * services/fs/hostroot.c: the sandbox's root (boot option root=9p, what
 * `trellis run` gives by default): the virtio-9p device's export, mounted
 * read-only, under an overlay whose upper layer is a fresh tmpfs, so the
 * guest may change anything and nothing reaches the host.  With boot
 * option root=9p-rw (`trellis run --root-rw DIR`) the export itself is
 * the root, read-write: the guest's changes are the host's (the mount
 * points /dev, /proc, /sys and /tmp are made in it if missing).
 *
 * It is built on a scratch ramfs, where the layers are mounted on /lower
 * and /rw so that overlayfs can be mounted from their paths as mount(2)
 * does it; then the scratch tree is detached and the overlay becomes the
 * root mount.  The layers live on, held by the overlay alone.
 *
 * Interface: hostroot_locked() (fs.h).
 * Locks: runs at boot under fs_lock, before any process exists.
 */
#include <svc/lib.h>
#include "fs.h"

#define HOSTROOT_TAG	"trellis"
#define HOSTROOT_LAYERS	"lowerdir=/lower,upperdir=/rw/upper,workdir=/rw/work"

/*
 * The upper root takes the host root's mode, owner and times, so "/"
 * looks like the host's until the guest changes it.
 */
static int
hostroot_attrs_locked(struct vnode *upper) FW_REQUIRES(&fs_lock)
{
	struct vpath p;
	int err;

	vfs_root_locked(&p);
	if ((err = vpath_mkdirs_locked(&p, "lower", 0755)) == 0) {
		upper->mode = (upper->mode & LINUX_S_IFMT) |
		    (p.v->mode & 07777);
		upper->uid = p.v->uid;
		upper->gid = p.v->gid;
		upper->atime = p.v->atime;
		upper->mtime = p.v->mtime;
		upper->ctime = p.v->ctime;
	}
	vpath_drop(&p);
	return err;
}

/* The overlay of the two layers mounted on the scratch root. */
static int
hostroot_overlay_locked(struct superblock **out) FW_REQUIRES(&fs_lock)
{
	struct fsctx c = { 0 };		/* uid 0: may walk anything */
	struct vpath p;
	int err;

	if ((err = vfs_mount_source_locked(&p9fs_type, HOSTROOT_TAG, "lower",
	    NULL, LINUX_MS_RDONLY)) < 0 ||
	    (err = vfs_mount_boot_locked(&tmpfs_type, "rw", "mode=755",
	    0)) < 0)
		return err;
	vfs_root_locked(&p);
	err = vpath_mkdirs_locked(&p, "rw/upper", 0755);
	if (err == 0)
		err = hostroot_attrs_locked(p.v);
	vpath_drop(&p);
	if (err == 0) {
		vfs_root_locked(&p);
		err = vpath_mkdirs_locked(&p, "rw/work", 0755);
		vpath_drop(&p);
	}
	if (err < 0)
		return err;
	vfs_root_locked(&c.root);
	vfs_root_locked(&c.cwd);
	err = sb_new(&overlay_type, "overlay", HOSTROOT_LAYERS, &c, out);
	vpath_drop(&c.root);
	vpath_drop(&c.cwd);
	return err;
}

/* The export as the root mount, read-write. */
static int
hostroot_rw_locked(void) FW_REQUIRES(&fs_lock)
{
	struct superblock *sb;
	int err;

	if ((err = sb_new(&p9fs_type, HOSTROOT_TAG, NULL, NULL, &sb)) < 0)
		return err;
	if ((err = vfs_populate_locked(sb->root)) == 0)
		err = mount_attach_locked(NULL, sb, sb->root, 0, NULL);
	sb_unref(sb);
	return err;
}

int
hostroot_locked(bool rw)
{
	struct superblock *sb, *osb = NULL;
	struct mount *scratch;
	int err;

	if (rw)
		return hostroot_rw_locked();

	if ((err = sb_new(&ramfs_type, "rootfs", NULL, NULL, &sb)) < 0)
		return err;
	err = mount_attach_locked(NULL, sb, sb->root, 0, &scratch);
	sb_unref(sb);
	if (err < 0)
		return err;
	err = hostroot_overlay_locked(&osb);
	mount_detach_tree_locked(scratch);	/* the root until the next */
	if (err < 0)
		return err;
	if ((err = vfs_populate_locked(osb->root)) == 0)
		err = mount_attach_locked(NULL, osb, osb->root, 0, NULL);
	sb_unref(osb);
	return err;
}
