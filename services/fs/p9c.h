/*
 * services/fs/p9c.h: the 9P2000.L client (p9c.c) over the virtio-9p
 * transport: one session (Tversion, then Tattach of the export's root),
 * fids handed out and taken back, and one call per message the file
 * system needs.  Replies are checked against their type and length; a
 * server that sends something else gives -EPROTO, never a bad read.
 *
 * Every call may sleep (it waits for the device) and returns 0 or a
 * count, or -errno: the server's Rlerror code, or -EPROTO, -EIO, -ENOMEM,
 * -EMFILE (no fid left).  A call that fails leaves no fid behind.
 *
 * Locks: c->lock serialises the calls (they share one pair of message
 * buffers); it is a leaf: no other lock is taken under it.  Callers may
 * hold fs_lock or not.
 */
#ifndef FS_P9C_H
#define FS_P9C_H

#include <fw/types.h>
#include <uapi/p9.h>

struct p9c;

struct p9_qid {
	uint8_t		type;		/* P9_QT* */
	uint32_t	version;
	uint64_t	path;
};

/* Rgetattr: the fields of struct stat, times in ns since the epoch. */
struct p9_attr {
	struct p9_qid	qid;
	uint32_t	mode, uid, gid;
	uint64_t	nlink, rdev, size, blocks;
	uint64_t	atime, mtime, ctime, btime;
};

/* One Rreaddir entry: name points into the caller's buffer. */
struct p9_dirent {
	struct p9_qid	 qid;
	uint64_t	 off;		/* where the next entry starts */
	uint8_t		 type;		/* DT_* */
	const char	*name;
	size_t		 len;
};

/* Tsetattr: valid holds P9_SETATTR_*; times in ns since the epoch. */
struct p9_setattr {
	uint32_t	valid, mode, uid, gid;
	uint64_t	size, atime, mtime;
};

/* Rstatfs */
struct p9_statfs {
	uint32_t	type, bsize, namelen;
	uint64_t	blocks, bfree, bavail, files, ffree, fsid;
};

/*
 * Opens the first virtio-9p device and attaches to its export's root:
 * *out and the root's fid (*root) and qid.  -ENODEV with no device.
 */
FW_MUST_CHECK int	p9c_open(struct p9c **out, uint32_t *root,
			    struct p9_qid *qid);
/* Closes the session and the device (NULL ok); fids die with it. */
void			p9c_close(struct p9c *c);
/* The most bytes one Tread or Twrite moves. */
size_t			p9c_iounit(const struct p9c *c);

/*
 * A new fid for fid's entry name (len bytes, one component; len 0 clones
 * fid): 0 with *newfid and *qid, or -ENOENT and the like.
 */
FW_MUST_CHECK int	p9c_walk(struct p9c *c, uint32_t fid, const char *name,
			    size_t len, uint32_t *newfid, struct p9_qid *qid);
FW_MUST_CHECK int	p9c_getattr(struct p9c *c, uint32_t fid,
			    struct p9_attr *a);
/* Opens fid for I/O with Linux open flags (O_RDONLY ...). */
FW_MUST_CHECK int	p9c_lopen(struct p9c *c, uint32_t fid, uint32_t flags);
/* Reads up to len bytes at off (at most p9c_iounit()): bytes, 0 at EOF. */
FW_MUST_CHECK long	p9c_read(struct p9c *c, uint32_t fid, uint64_t off,
			    void *buf, size_t len);
/*
 * Reads directory entries from cookie off (0: the start) into buf (as
 * Rreaddir carries them, for p9c_dirent_next()): bytes, 0 at the end.
 */
FW_MUST_CHECK long	p9c_readdir(struct p9c *c, uint32_t fid, uint64_t off,
			    void *buf, size_t len);
/*
 * The entry at *pos of a p9c_readdir() buffer of len bytes, *pos moved
 * past it: true, or false at the end or at a malformed entry.
 */
bool			p9c_dirent_next(const void *buf, size_t len,
			    size_t *pos, struct p9_dirent *d);
/* A symlink's target into buf (NUL-terminated): its length, -ENAMETOOLONG. */
FW_MUST_CHECK long	p9c_readlink(struct p9c *c, uint32_t fid, char *buf,
			    size_t cap);
FW_MUST_CHECK int	p9c_statfs(struct p9c *c, uint32_t fid,
			    struct p9_statfs *st);
/*
 * Changing the export (a read-only server answers -EROFS).  Names are one
 * component of len bytes; the server checks them.
 *
 * Writes up to len bytes at off (at most p9c_iounit()) through fid,
 * opened for writing: the bytes written.
 */
FW_MUST_CHECK long	p9c_write(struct p9c *c, uint32_t fid, uint64_t off,
			    const void *buf, size_t len);
/*
 * Creates the regular file name in directory fid, which becomes the new
 * file opened with flags (Linux open flags, no O_CREAT needed).
 */
FW_MUST_CHECK int	p9c_lcreate(struct p9c *c, uint32_t fid,
			    const char *name, size_t len, uint32_t flags,
			    uint32_t mode, uint32_t gid, struct p9_qid *qid);
FW_MUST_CHECK int	p9c_mkdir(struct p9c *c, uint32_t dfid,
			    const char *name, size_t len, uint32_t mode,
			    uint32_t gid, struct p9_qid *qid);
/* target is NUL-terminated. */
FW_MUST_CHECK int	p9c_symlink(struct p9c *c, uint32_t dfid,
			    const char *name, size_t len, const char *target,
			    uint32_t gid, struct p9_qid *qid);
FW_MUST_CHECK int	p9c_mknod(struct p9c *c, uint32_t dfid,
			    const char *name, size_t len, uint32_t mode,
			    uint32_t major, uint32_t minor, uint32_t gid,
			    struct p9_qid *qid);
/* flags: 0, or P9_AT_REMOVEDIR for a directory. */
FW_MUST_CHECK int	p9c_unlinkat(struct p9c *c, uint32_t dfid,
			    const char *name, size_t len, uint32_t flags);
FW_MUST_CHECK int	p9c_renameat(struct p9c *c, uint32_t odfid,
			    const char *oname, size_t olen, uint32_t ndfid,
			    const char *nname, size_t nlen);
/* A hard link name in dfid to fid's object. */
FW_MUST_CHECK int	p9c_link(struct p9c *c, uint32_t dfid, uint32_t fid,
			    const char *name, size_t len);
FW_MUST_CHECK int	p9c_setattr(struct p9c *c, uint32_t fid,
			    const struct p9_setattr *s);
/* fid must be open. */
FW_MUST_CHECK int	p9c_fsync(struct p9c *c, uint32_t fid, bool datasync);
/* Lets fid go: Tclunk, and the number is free again (errors ignored). */
void			p9c_clunk(struct p9c *c, uint32_t fid);

#endif
