/*
 * services/fs/p9fs.h: the "9p" file system, a 9P2000.L client's view of
 * the export of the virtio-9p device (p9fs.c: the type, lookups and
 * directories; p9fs_file.c: the page cache, open fids and writes;
 * p9fs_ns.c: creating, linking, removing, renaming, setattr).  Mounted
 * read-write unless MS_RDONLY, as Linux's `mount -t 9p` (the sandbox's
 * default root mounts it read-only and lays a tmpfs over it; --root-rw
 * makes it the root itself).  Every change goes to the server at once
 * (write-through); no change waits in the guest.
 *
 * A vnode is made the first time a name is looked up, and its directory
 * keeps it (ramfs's entry index, v->u.dir) until the file system goes:
 * one name is one vnode, and a name is asked of the server once.  What
 * changes on the host afterwards may go unseen (stale data, never a
 * crash).  A directory holds a walked fid for the walks below it; other
 * objects hold none and are walked to again, by name from their
 * directory (v->parent), when their data is read.
 *
 * Regular files' data is cached in ramfs's page table (v->u.reg), filled
 * from the server with read-ahead; pages beyond the cache's budget go,
 * least recently used file first, unless mapped.  Opened fids are cached
 * too, a few dozen at most, the least recently used clunked first.  A
 * write goes to the server (Twrite), then into the pages of its range
 * that are cached; pages not cached stay so, and are read whole from the
 * server when next wanted, so a partly written page is never made of
 * zeros.  Shared mappings that may be written are refused (EINVAL, as
 * Linux's 9p without cache=loose: generic_file_readonly_mmap()), since
 * nothing would write their pages back.  A regular file still open when
 * its last known name goes keeps its opened fid off the cache's list
 * (pinned), since it cannot be walked to again.
 *
 * Locks used to protect fields in this file:
 *	I	immutable after creation
 *	F	fs_lock
 *	L	fs->lock, a leaf below fs_lock (release runs without fs_lock)
 */
#ifndef FS_P9FS_H
#define FS_P9FS_H

#include <fw/mutex.h>
#include "fs.h"
#include "p9c.h"

struct p9_node;

/* One mounted instance (sb->priv). */
struct p9fs {
	struct p9c		*c;		/* [I] */
	uint32_t		 rootfid;	/* [I] */
	struct fw_mutex		 lock;
	struct p9_node		*open_head;	/* [L] nodes with an ofid, MRU */
	struct p9_node		*open_tail;	/* [L] */
	size_t			 nopen;		/* [L] */
	struct p9_node		*page_head;	/* [L] nodes with pages, MRU */
	struct p9_node		*page_tail;	/* [L] */
	uint64_t		 budget;	/* [I] pages the cache may hold */
	uint8_t			*scratch;	/* [F] p9c_iounit() in whole
						   pages, at least one */
	size_t			 scratch_len;	/* [I] */
};

struct p9_node {
	struct vnode	*v;			/* [I] not counted */
	struct p9fs	*fs;			/* [I] */
	uint32_t	 fid;			/* [I] directories; else NOFID */
	uint32_t	 ofid;			/* [L] opened, or NOFID */
	bool		 orw;			/* [L] ofid opened O_RDWR */
	bool		 pinned;		/* [L] ofid off the open list */
	struct p9_node	*onext, *oprev;		/* [L] fs->open_* list */
	struct p9_node	*pnext, *pprev;		/* [L] fs->page_* list */
	bool		 paged;			/* [L] on the page list */
	char		*name;			/* [F] in v->parent; non-dirs,
						   NULL once that name goes */
	uint64_t	 blocks;		/* [F] st_blocks: the server's,
						   then guessed after writes */
	/*
	 * A directory's listing as Rreaddir gave it, read whole when
	 * getdents starts at 0, and the offset of each entry in it: the
	 * positions getdents hands out are indexes into it, small enough
	 * for overlayfs to pack (the server's cookies are hashes).
	 */
	uint8_t		*list;			/* [F] */
	size_t		 list_len;		/* [F] */
	uint32_t	*list_at;		/* [F] */
	size_t		 list_n;		/* [F] */
};

extern const struct vnode_ops p9fs_ops;

/* p9fs.c */
FW_MUST_CHECK int	p9fs_lookup(struct vnode *dir, const char *name,
			    size_t len, struct vnode **out)
			    FW_REQUIRES(&fs_lock);

/* p9fs_file.c */
/*
 * The node's opened fid (made and cached if need be), opened O_RDWR if
 * write, else at least for reading: 0 or -errno.
 */
FW_MUST_CHECK int	p9fs_ofid_locked(struct p9_node *n, bool write,
			    uint32_t *fid) FW_REQUIRES(&fs_lock);
/* fid, opened O_RDWR on n's object (consumed), becomes n's opened fid. */
void			p9fs_ofid_adopt_locked(struct p9_node *n,
			    uint32_t fid) FW_REQUIRES(&fs_lock);
/*
 * n's name is about to go: its opened fid (made if need be) stays with
 * it, off the cache's list.  Best effort.
 */
void			p9fs_pin_locked(struct p9_node *n)
			    FW_REQUIRES(&fs_lock);
/* Takes n off both lists and lets its opened fid go (release). */
void			p9fs_node_forget(struct p9_node *n);
long			p9fs_read(struct vnode *v, void *buf, size_t len,
			    uint64_t off) FW_REQUIRES(&fs_lock);
long			p9fs_read_frames(struct vnode *v, void *buf,
			    size_t len, uint64_t off, struct fw_frame **frames)
			    FW_REQUIRES(&fs_lock);
FW_MUST_CHECK int	p9fs_get_page(struct vnode *v, uint64_t idx,
			    struct fw_frame **out) FW_REQUIRES(&fs_lock);
long			p9fs_write(struct vnode *v, const void *buf,
			    size_t len, uint64_t off) FW_REQUIRES(&fs_lock);
int			p9fs_truncate(struct vnode *v, uint64_t size)
			    FW_REQUIRES(&fs_lock);
int			p9fs_fsync(struct vnode *v, bool datasync)
			    FW_REQUIRES(&fs_lock);

/* p9fs_ns.c: the vnode ops that change the tree, and setattr. */
int			p9fs_create(struct vnode *dir, const char *name,
			    size_t len, uint32_t mode, const char *target,
			    struct vnode **out) FW_REQUIRES(&fs_lock);
int			p9fs_link(struct vnode *dir, const char *name,
			    size_t len, struct vnode *v) FW_REQUIRES(&fs_lock);
int			p9fs_unlink(struct vnode *dir, const char *name,
			    size_t len) FW_REQUIRES(&fs_lock);
int			p9fs_rename(struct vnode *odir, const char *oname,
			    struct vnode *ndir, const char *nname,
			    bool exchange) FW_REQUIRES(&fs_lock);
int			p9fs_setattr(struct vnode *v, unsigned int what)
			    FW_REQUIRES(&fs_lock);
/*
 * A fid on n's object for Tsetattr or Tlink: its directory fid, its
 * opened fid, or a new walk (*owned: the caller clunks it).
 */
FW_MUST_CHECK int	p9fs_objfid_locked(struct p9_node *n, uint32_t *fid,
			    bool *owned) FW_REQUIRES(&fs_lock);

#endif
