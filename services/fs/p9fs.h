/*
 * services/fs/p9fs.h: the "9p" file system, a 9P2000.L client's view of
 * the export of the virtio-9p device (p9fs.c: the type, lookups and
 * directories; p9fs_file.c: the page cache and open fids).  Read-only:
 * the sandbox's default root lays a tmpfs over it (overlayfs).
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
 * too, a few dozen at most, the least recently used clunked first.
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
	uint32_t	 ofid;			/* [L] opened for reading, NOFID */
	struct p9_node	*onext, *oprev;		/* [L] fs->open_* list */
	struct p9_node	*pnext, *pprev;		/* [L] fs->page_* list */
	bool		 paged;			/* [L] on the page list */
	char		*name;			/* [I] in v->parent; non-dirs */
	uint64_t	 blocks;		/* [I] st_blocks */
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

/* p9fs_file.c */
/* The node's opened fid (made and cached if need be): 0 or -errno. */
FW_MUST_CHECK int	p9fs_ofid_locked(struct p9_node *n, uint32_t *fid)
			    FW_REQUIRES(&fs_lock);
/* Takes n off both lists and lets its opened fid go (release). */
void			p9fs_node_forget(struct p9_node *n);
long			p9fs_read(struct vnode *v, void *buf, size_t len,
			    uint64_t off) FW_REQUIRES(&fs_lock);
FW_MUST_CHECK int	p9fs_get_page(struct vnode *v, uint64_t idx,
			    struct fw_frame **out) FW_REQUIRES(&fs_lock);

#endif
