/*
 * services/fs/mount.h: superblocks (a mounted file system's instance),
 * file-system types, and the mount table (mount.c).  Included by fs.h.
 *
 * Locks: as fs.h: [F] is fs_lock, [a] atomic, [I] immutable.
 */
#ifndef FS_MOUNT_H
#define FS_MOUNT_H

#include <fw/types.h>
#include <fw/mutex.h>
#include <stdatomic.h>
#include <svc/vfs.h>

struct vnode;
struct fsctx;
extern struct fw_mutex fs_lock;

/*
 * A mounted file system's instance.  Counted by its mounts (and held
 * vpaths through them); freed, with its tree, after the last mount.
 */
struct fstype;
struct superblock {
	atomic_uint		 nref;		/* [a] */
	const struct fstype	*type;		/* [I] */
	struct vnode		*root;		/* [I] counted */
	uint32_t		 dev;		/* [I] st_dev */
	uint32_t		 flags;		/* [F] LINUX_MS_RDONLY */
	uint64_t		 max_pages;	/* [F] tmpfs size=, 0: none */
	atomic_uint_fast64_t	 used_pages;	/* [a] */
	uint64_t		 max_inodes;	/* [F] tmpfs nr_inodes=, 0: none */
	atomic_uint_fast64_t	 used_inodes;	/* [a] */
	uint32_t		 root_mode;	/* [F] tmpfs mode=, uid=, gid= */
	uint32_t		 root_uid, root_gid;	/* [F] */
	char			 source[64];	/* [I] mount(2)'s source */
	void			*priv;		/* [I] the fs's own */
};

/*
 * Charges n pages (or one inode) to sb against its limit: 0, or -ENOSPC.
 * NULL sb (pipes, memfds) charges nothing.  Uncharging never fails and
 * needs no lock.
 */
FW_MUST_CHECK int	 sb_charge_pages(struct superblock *sb, uint64_t n);
void			 sb_uncharge_pages(struct superblock *sb, uint64_t n);
FW_MUST_CHECK int	 sb_charge_inode(struct superblock *sb);
void			 sb_uncharge_inode(struct superblock *sb);

/* A file system type mount(2) knows by name. */
struct fstype {
	const char	*name;
	uint32_t	 magic;		/* statfs(2)'s f_type */
	bool		 nodev;		/* no backing device ("nodev" in
					   /proc/filesystems) */
	/*
	 * Fills a new sb (root, limits) from mount(2)'s data: 0 or -errno.
	 * Runs with fs_lock held.
	 */
	int		(*fill)(struct superblock *sb, const char *data);
	/*
	 * Instead of fill, for types whose options name paths (overlay):
	 * the same, walking them for c (the mounting process).
	 */
	int		(*fill_at)(struct superblock *sb, const char *data,
			    const struct fsctx *c);
	/* Frees what fill made, the tree included (no lock). */
	void		(*kill)(struct superblock *sb);
	/* Appends the options for /proc/mounts (after "rw"): bytes. */
	size_t		(*show)(const struct superblock *sb, char *buf,
			    size_t size);
};

/*
 * A mount: a superblock's tree, from root down, attached on mountpoint
 * (a directory of the parent mount).  Held by vpaths; the mount table
 * holds one reference for each attached mount.
 */
struct mount {
	atomic_uint		 nref;		/* [a] */
	int			 id;		/* [I] mountinfo's id */
	struct superblock	*sb;		/* [I] counted */
	struct vnode		*root;		/* [I] counted */
	struct mount		*parent;	/* [F] NULL: the root, detached */
	struct vnode		*mountpoint;	/* [F] counted while attached */
	uint32_t		 flags;		/* [F] LINUX_MS_RDONLY ... */
	struct mount		*next;		/* [F] table, in mount order */
};

struct mount		*mount_ref(struct mount *m);
void			 mount_unref(struct mount *m);	/* NULL ok */
/*
 * A new superblock of type with its root made by fill(data), or by
 * fill_at(data, c) (c NULL at boot: -EINVAL for such a type).
 */
FW_MUST_CHECK int	 sb_new(const struct fstype *type, const char *source,
			    const char *data, const struct fsctx *c,
			    struct superblock **out);
struct superblock	*sb_ref(struct superblock *sb);
void			 sb_unref(struct superblock *sb);
/* Mounts sb (a reference taken) at root on mp (NULL: the root mount). */
FW_MUST_CHECK int	 mount_attach_locked(const struct vpath *mp,
			    struct superblock *sb, struct vnode *root,
			    uint32_t flags, struct mount **out)
			    FW_REQUIRES(&fs_lock);
/* vfs_root() with fs_lock held. */
void			 vfs_root_locked(struct vpath *out)
			    FW_REQUIRES(&fs_lock);
/* Replaces *p (held) by the top mount's root while one is on it. */
void			 mount_cross_locked(struct vpath *p)
			    FW_REQUIRES(&fs_lock);
/* Steps *p (held) to its parent directory, ".." as path_resolution(7). */
void			 mount_dotdot_locked(const struct fsctx *c,
			    struct vpath *p) FW_REQUIRES(&fs_lock);
/* The fs type by name, or NULL; and the i-th (/proc/filesystems). */
const struct fstype	*fstype_find(const char *name, size_t len);
const struct fstype	*fstype_at(size_t i);
/* Adds a type (once, at boot: procfs, sysfs). */
void			 fstype_register_locked(const struct fstype *type)
			    FW_REQUIRES(&fs_lock);
/* Moves attached m onto (parent, mp) (MS_MOVE). */
void			 mount_move_locked(struct mount *m,
			    struct mount *parent, struct vnode *mp)
			    FW_REQUIRES(&fs_lock);
/* Detaches m and every mount below it (MNT_DETACH). */
void			 mount_detach_tree_locked(struct mount *m)
			    FW_REQUIRES(&fs_lock);
/* Whether writes through m are refused (EROFS). */
bool			 mount_rdonly(const struct mount *m);
/* Takes m off the table (umount); holders keep using it. */
void			 mount_detach_locked(struct mount *m)
			    FW_REQUIRES(&fs_lock);
bool			 mount_has_children_locked(const struct mount *m)
			    FW_REQUIRES(&fs_lock);
/* Detaches every mount (shutdown and tests). */
void			 mount_fini(void) FW_EXCLUDES(&fs_lock);
/* Walks the table in mount order (fn may not sleep).  fs_lock held. */
void			 mount_each_locked(void (*fn)(struct mount *m,
			    void *arg), void *arg) FW_REQUIRES(&fs_lock);
extern const struct fstype ramfs_type, tmpfs_type, devtmpfs_type;
extern const struct fstype devpts_type, overlay_type, p9fs_type;
/* tmpfs.c: the kill and show of tmpfs, for types built on it. */
void			 ramfs_kill_tree(struct superblock *sb);
size_t			 tmpfs_show_opts(const struct superblock *sb,
			    char *buf, size_t size);

/*
 * superblock.c: calls fn(arg, key, value) for each option of a mount's
 * "key=value,key" data (value NULL for a bare key; empty options are
 * skipped): 0, fn's first error, or -EINVAL for an option of 128 bytes
 * or more.
 */
FW_MUST_CHECK int	 mount_options_each(const char *data,
			    int (*fn)(void *arg, const char *key,
			    const char *val), void *arg);

#endif
