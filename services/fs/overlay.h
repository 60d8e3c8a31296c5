/*
 * services/fs/overlay.h: overlayfs (overlayfs.c, overlay_dir.c,
 * overlay_copyup.c), Linux's union of a writable upper directory over
 * read-only lower ones (Documentation/filesystems/overlayfs.rst).
 *
 * A directory of an overlay is a vnode of its own (ovl_dir_ops) whose
 * node names the real directories it merges: the upper one (or none yet)
 * and the lower ones down to the first opaque one.  Every other object is
 * the real vnode itself, reached through the overlay's mount: the upper
 * one, or a lower one until something would change it, when it is copied
 * up first (ovl_copy_up_locked).  The lower layers are only ever read.
 * An overlay keeps the vnodes of its directories until it is unmounted,
 * so one directory is one vnode (mounts on it, cwds, "..").
 *
 * Locks: as fs.h; everything runs under fs_lock but kill.
 */
#ifndef FS_OVERLAY_H
#define FS_OVERLAY_H

#include <fw/types.h>
#include "fs.h"

#define OVL_MAX_LOWER	8

/* An overlay directory's real directories (v->u.ovl). */
struct ovl_node {
	struct vnode	*v;		/* [I] the overlay vnode, not counted */
	struct vnode	*upper;		/* [F] counted, or NULL */
	struct vnode	*lower[OVL_MAX_LOWER];	/* [F] counted */
	size_t		 nlower;	/* [F] */
	struct vnode	*parent;	/* [F] overlay vnode, counted; NULL
					   at the root */
	bool		 origin;	/* [I] it came from a lower layer */
	char		 name[LINUX_NAME_MAX + 1];	/* [F] in parent */
	struct ovl_node	*next;		/* [F] ovl_fs->nodes */
};

/* An overlay instance (sb->priv). */
struct ovl_fs {
	struct superblock *usb;		/* [I] upper's, counted, or NULL */
	struct superblock *lsb[OVL_MAX_LOWER];	/* [I] counted */
	size_t		 nlower;	/* [I] */
	struct ovl_node	*nodes;		/* [F] every directory, held */
	char		*show;		/* [I] /proc/mounts options */
};

extern const struct vnode_ops ovl_dir_ops;

static inline bool
ovl_is_dir(const struct vnode *v)
{
	return v->ops == &ovl_dir_ops;
}

/* Whether m is an overlay's mount. */
bool			 ovl_mount(const struct mount *m);
/* A real object is a whiteout: a character device 0:0. */
bool			 ovl_whiteout(const struct vnode *v);
/* An upper directory marked opaque (trusted.overlay.opaque "y"). */
bool			 ovl_opaque_locked(const struct vnode *v)
			    FW_REQUIRES(&fs_lock);
/*
 * The overlay directory for these real ones (consumed), found among the
 * instance's or made, in parent under name: 0 with *out held, -ENOMEM.
 */
FW_MUST_CHECK int	 ovl_node_get_locked(struct superblock *sb,
			    struct vnode *parent, const char *name, size_t len,
			    struct vnode *upper, struct vnode **lower,
			    size_t nlower, struct vnode **out)
			    FW_REQUIRES(&fs_lock);
/* Copies the real directory's attributes into the overlay vnode v. */
void			 ovl_sync_locked(struct vnode *v) FW_REQUIRES(&fs_lock);
/* The real directory v shows: the upper one, else the top lower one. */
struct vnode		*ovl_real(struct vnode *v);
/* The entry name in the real dir (NULL: none): 0, *out held, -ENOENT. */
FW_MUST_CHECK int	 ovl_real_lookup_locked(struct vnode *dir,
			    const char *name, size_t len, struct vnode **out)
			    FW_REQUIRES(&fs_lock);
/* Whether a lower layer of overlay dir v shows name (no whiteout). */
bool			 ovl_lower_has_locked(struct vnode *v, const char *name,
			    size_t len) FW_REQUIRES(&fs_lock);

/* Notes that a directory moved to name in parent (rename). */
void			 ovl_node_rename(struct ovl_node *n,
			    struct vnode *parent, const char *name)
			    FW_REQUIRES(&fs_lock);

/* overlay_readdir.c: getdents and rmdir's test of the merged view. */
long			 ovl_getdents(struct vnode *dir, void *buf, size_t len,
			    uint64_t *pos) FW_REQUIRES(&fs_lock);
int			 ovl_empty(struct vnode *dir) FW_REQUIRES(&fs_lock);

/* overlay_copyup.c */
/* Gives overlay dir v an upper directory (parents first): 0, -errno. */
FW_MUST_CHECK int	 ovl_dir_copy_up_locked(struct vnode *v)
			    FW_REQUIRES(&fs_lock);
/*
 * Before a change of *v, met in overlay directory dir as name (dir NULL:
 * found by its real parent, for a descriptor): makes *v the upper object,
 * copying a lower one up (data, mode, owner, times, xattrs).  For an
 * overlay directory *v becomes its upper directory and *shown (else
 * NULL) the overlay vnode to ovl_sync_locked() after.  Both held.  0,
 * -EROFS without an upper layer, -ENOMEM, -ENOSPC.
 */
FW_MUST_CHECK int	 ovl_copy_up_locked(struct mount *m, struct vnode *dir,
			    const char *name, struct vnode **v,
			    struct vnode **shown) FW_REQUIRES(&fs_lock);

#endif
