/*
 * services/fs/fs.h: the file layer's private interface: vnodes, the ramfs
 * that stores them, the path walk and the helpers the syscalls share.
 * Only services/fs and services/tty include it.
 *
 * Locks used to protect fields in this file:
 *	I	immutable after creation
 *	F	fs_lock, the one file-system-wide mutex
 *	a	atomic
 * Lock order: fdtable->lock, file->lock, fs_lock.  proc->lock is never held
 * together with fs_lock (fsctx_get() copies what it needs first).  fs_lock
 * is never held across a user-memory access or a console wait.
 */
#ifndef FS_FS_H
#define FS_FS_H

#include <fw/types.h>
#include <fw/mutex.h>
#include <fw/errno.h>
#include <fw/string.h>
#include <stdatomic.h>
#include <svc/proc.h>
#include <svc/vfs.h>
#include <uapi/fs.h>
#include <uapi/fcntl.h>
#include <uapi/mount.h>

struct fw_frame;
struct ovl_node;
struct p9_node;
struct vnode;
struct file;
struct superblock;
struct inotify_mark;

extern struct fw_mutex fs_lock;

/*
 * One directory entry of a ramfs directory (ramfs_dir.c): on the
 * directory's list in cookie order, which orders getdents, and on a hash
 * chain once the directory is large.
 */
struct ramfs_dirent {
	struct ramfs_dirent	*next, *prev;	/* [F] list, by cookie */
	struct ramfs_dirent	*hnext;		/* [F] hash chain */
	struct vnode		*v;		/* [F] counted */
	uint64_t		 cookie;	/* [I] */
	uint32_t		 hash;		/* [I] of the name */
	size_t			 len;		/* [I] */
	char			 name[];	/* [I] NUL-terminated */
};

struct vnode_ops;
struct vnode_ext;

struct vnode {
	atomic_uint		 nref;		/* [a] */
	const struct vnode_ops	*ops;		/* [I] */
	uint64_t		 ino;		/* [I] */
	struct superblock	*sb;		/* [I] not counted: lives while
						   a mount of it is held */
	uint32_t		 mounted;	/* [F] mounts on this vnode */
	atomic_uint		 maps;		/* [a] VMAs mapping it */
	atomic_uint		 writemaps;	/* [a] shared writable ones
						   (fmap.c) */
	atomic_int		 writers;	/* [a] > 0: open for writing;
						   < 0: programs run it
						   (writecount.c) */
	struct inotify_mark	*marks;		/* [F] inotify watches on it */
	uint32_t		 mode, uid, gid;	/* [F] */
	uint32_t		 nlink;		/* [F] */
	uint32_t		 rmajor, rminor;	/* [I] device nodes */
	uint32_t		 port;		/* [I] console vnodes' port */
	uint64_t		 size;		/* [F] */
	uint64_t		 atime, mtime, ctime;	/* [F] ns since epoch */
	/*
	 * The directory holding v: for directories the one entry; for
	 * others the directory of the last link made, cleared when that
	 * link goes (a name for /proc/<pid>/fd).  Not counted (ramfs).
	 */
	struct vnode		*parent;	/* [F] */
	uint64_t		 btime;		/* [I] birth, ns since epoch */
	/* Set once, never cleared: xattrs, seals and locks (vext.h). */
	_Atomic(struct vnode_ext *) ext;	/* [a] */
	struct p9_node		*p9;		/* [I] 9p's own (p9fs.h) */
	union {
		/*
		 * Pointers sit where the other members hold pointers or
		 * nothing (check-safe-c's union rule), hence the order.
		 */
		struct {
			struct ramfs_dirent	*head;		/* [F] */
			size_t			 nbuckets;	/* [F] */
			size_t			 count;		/* [F] entries */
			uint64_t		 next_cookie;	/* [F] */
			struct ramfs_dirent	*tail;		/* [F] */
			struct ramfs_dirent	*hint;		/* [F] getdents */
			struct ramfs_dirent	**buckets;	/* [F] or NULL */
		} dir;
		struct {
			struct fw_frame	***leaves;	/* [F] */
			size_t		   nleaves;	/* [F] */
			uint64_t	   npages;	/* [F] charged */
			/*
			 * Data left in the boot image (ramfs_adopt_image()):
			 * bytes [0, img_len) of the file are the image's at
			 * img_off until a page of them gets a frame.
			 */
			uint32_t	   img_off;	/* [F] */
			uint32_t	   img_len;	/* [F] */
		} reg;
		char	*target;			/* [I] symlinks */
		struct ovl_node	*ovl;			/* [I] overlay dirs */
		struct {
			const void	*node;		/* [I] procfs's entry */
			int		 pid, tid, fd;	/* [I] */
			char		 name[12];	/* [I] a number's */
		} proc;
	} u;
};

/*
 * Per-file-system operations; all run with fs_lock held unless the ops
 * set VOPS_UNLOCKED (procfs: its ops take process locks, which fs_lock
 * must not be held over, and it keeps no state fs_lock guards).  Names
 * are (pointer, length) pairs, not NUL-terminated.  Optional ops may be
 * NULL.
 */
#define VOPS_UNLOCKED	0x1
/*
 * Shared mappings that may be written are refused (EINVAL), as Linux's
 * generic_file_readonly_mmap() refuses them for 9p without a writeback
 * cache: the pages would never reach the file.
 */
#define VOPS_NO_SHARED_WRITE	0x2
#define VFOLLOW_TEXT	1
struct fsctx;
struct vnode_ops {
	unsigned int	flags;
	/* The entry name in dir: 0 with *out referenced, or -ENOENT. */
	int	(*lookup)(struct vnode *dir, const char *name, size_t len,
		    struct vnode **out);
	/* A new object of type/permissions mode in dir (no checks). */
	int	(*create)(struct vnode *dir, const char *name, size_t len,
		    uint32_t mode, const char *target, struct vnode **out);
	/* Adds an entry for v (hard link); removes an entry: 0 or -errno. */
	int	(*link)(struct vnode *dir, const char *name, size_t len,
		    struct vnode *v);
	int	(*unlink)(struct vnode *dir, const char *name, size_t len);
	long	(*read)(struct vnode *v, void *buf, size_t len, uint64_t off);
	/* Optional: read, leaving cache pages in place (file_ops). */
	long	(*read_frames)(struct vnode *v, void *buf, size_t len,
		    uint64_t off, struct fw_frame **frames);
	long	(*write)(struct vnode *v, const void *buf, size_t len,
		    uint64_t off);
	int	(*truncate)(struct vnode *v, uint64_t size);
	long	(*getdents)(struct vnode *dir, void *buf, size_t len,
		    uint64_t *pos);
	/* Optional: the frame of page idx (file_ops->get_page). */
	int	(*get_page)(struct vnode *v, uint64_t idx,
		    struct fw_frame **out);
	/*
	 * Moves odir's entry oname to ndir's nname (ramfs_rename.c), after
	 * the caller's checks: replacing what was there (unlinked, and a
	 * directory's emptiness checked), or swapping both with exchange.
	 */
	int	(*rename)(struct vnode *odir, const char *oname,
		    struct vnode *ndir, const char *nname, bool exchange);
	/* Frees the fs's data once the last reference is gone (no lock). */
	void	(*release)(struct vnode *v);
	/* Optional: the name v has in dir (for getcwd): 0, or -ENOENT. */
	int	(*name_of)(struct vnode *dir, const struct vnode *v,
		    const char **name, size_t *len);
	/* Optional, never under fs_lock: a file for v (open(2) on it). */
	int	(*open)(struct vnode *v, unsigned int flags, struct file **out);
	/*
	 * Optional, for symlinks whose target is computed (/proc/self): the
	 * target for c into buf (NUL-terminated): its length, or -errno.
	 */
	long	(*readlink)(struct vnode *v, const struct fsctx *c, char *buf,
		    size_t size);
	/*
	 * Optional, never under fs_lock: a "magic" link's object itself
	 * (/proc/<pid>/fd/N), held in *out, instead of a path to walk; or
	 * VFOLLOW_TEXT for a link to walk by its readlink text.
	 */
	int	(*follow)(struct vnode *v, const struct fsctx *c,
		    struct vpath *out);
	/*
	 * Optional, for directories that are not ramfs's: 0 when dir holds
	 * nothing rmdir must keep, else -ENOTEMPTY (or -errno).
	 */
	int	(*empty)(struct vnode *dir);
	/*
	 * Optional: the caller changed v's mode, owner or times in place
	 * (mkdir's owner); the fs passes them on to where they are kept.
	 */
	void	(*attr_set)(struct vnode *v);
	/*
	 * Optional: chmod, chown or utimensat changed v's attributes in
	 * place (what: VATTR_* bits); the fs passes them on to where they
	 * are kept: 0, or -errno and the caller puts the old ones back.
	 */
	int	(*setattr)(struct vnode *v, unsigned int what);
	/* Optional: fsync(2) and fdatasync(2) of v: 0 or -errno. */
	int	(*fsync)(struct vnode *v, bool datasync);
};

#define VATTR_MODE	0x01u
#define VATTR_UID	0x02u
#define VATTR_GID	0x04u
#define VATTR_ATIME	0x08u
#define VATTR_MTIME	0x10u


/*
 * fmap.c: takes pages [first, end) (page offsets in v) out of every
 * mapping of v, after a truncation or a punched hole; without fs_lock.
 */
void			 vnode_unmap_pages(struct vnode *v, uint64_t first,
			    uint64_t end);
/* sys_truncate.c: after v shrank to size, its pages past it go. */
void			 truncate_unmap(struct vnode *v, uint64_t size);
/*
 * writecount.c: a writer's hold on a regular file: 0, or -ETXTBSY while a
 * process runs it.  Opens for writing and path truncations take one;
 * vnode_put_write() gives it back.
 */
FW_MUST_CHECK int	 vnode_get_write(struct vnode *v);
void			 vnode_put_write(struct vnode *v);

/* vnode.c */
FW_MUST_CHECK int	 vnode_alloc(const struct vnode_ops *ops, uint32_t mode,
			    struct vnode **out);
bool			 vnode_is(const struct vnode *v, uint32_t type);
/*
 * Checks mask (LINUX_R_OK | W_OK | X_OK) for c's fsuid, fsgid and
 * supplementary groups: 0 or -EACCES.
 */
struct fsctx;
FW_MUST_CHECK int	 vnode_permission(const struct vnode *v,
			    const struct fsctx *c, int mask);
void			 vnode_stat_locked(const struct vnode *v,
			    struct linux_stat *st) FW_REQUIRES(&fs_lock);
void			 vnode_touch_locked(struct vnode *v, bool modify)
			    FW_REQUIRES(&fs_lock);
uint64_t		 vnode_blocks(const struct vnode *v);
uint8_t			 vnode_dtype(const struct vnode *v);
/*
 * One linux_dirent64 (ino, d_off next, type, name) into buf at off, of
 * size len: the record's length, or 0 when it does not fit.
 */
size_t			 dirent_put(void *buf, size_t len, size_t off,
			    uint64_t ino, int64_t next, uint8_t type,
			    const char *name, size_t nlen);

/* p9fs.c: st_blocks of a 9p vnode, as the server reported it. */
uint64_t		 p9fs_blocks(const struct vnode *v);

/* ramfs.c and ramfs_file.c */
extern const struct vnode_ops ramfs_ops;
/* A root directory for sb (charged to it); *out: one reference. */
FW_MUST_CHECK int	 ramfs_new_root(struct superblock *sb, uint32_t mode,
			    struct vnode **out);
/* The name v has in dir: 0, or -ENOENT. */
FW_MUST_CHECK int	 ramfs_name_of_locked(struct vnode *dir,
			    const struct vnode *v, const char **name,
			    size_t *len) FW_REQUIRES(&fs_lock);
/* Breaks a whole tree apart (shutdown and tests). */
void			 ramfs_destroy_tree(struct vnode *dir);
/*
 * ramfs_dir.c: a directory's entries.  rdir_entry_new makes an unlinked
 * entry with the next cookie (0 or -ENOMEM); rdir_insert appends it and
 * rdir_remove takes it off (not freeing it); neither fails.  rdir_find
 * is the entry called name, or NULL; rdir_seek the first entry with a
 * cookie of at least cookie, or NULL.
 */
struct ramfs_dirent	*rdir_find(struct vnode *dir, const char *name,
			    size_t len);
FW_MUST_CHECK int	 rdir_entry_new(struct vnode *dir, const char *name,
			    size_t len, struct ramfs_dirent **out);
void			 rdir_insert(struct vnode *dir, struct ramfs_dirent *d);
void			 rdir_remove(struct vnode *dir, struct ramfs_dirent *d);
struct ramfs_dirent	*rdir_seek(struct vnode *dir, uint64_t cookie);
void			 rdir_index_free(struct vnode *dir);
void			 rdir_adopt_all(struct vnode *dir, struct vnode *sub);
static inline bool
rdir_empty(const struct vnode *dir)
{
	return dir->u.dir.head == NULL;
}
int			 ramfs_rename(struct vnode *odir, const char *oname,
			    struct vnode *ndir, const char *nname,
			    bool exchange) FW_REQUIRES(&fs_lock);
/* tmpfs's size of a directory entry, which directories' st_size counts. */
#define RAMFS_DIRENT_SIZE	20ULL
long			 ramfs_read(struct vnode *v, void *buf, size_t len,
			    uint64_t off);
long			 ramfs_read_frames(struct vnode *v, void *buf,
			    size_t len, uint64_t off, struct fw_frame **frames)
			    FW_REQUIRES(&fs_lock);
long			 ramfs_write(struct vnode *v, const void *buf,
			    size_t len, uint64_t off) FW_REQUIRES(&fs_lock);
int			 ramfs_truncate(struct vnode *v, uint64_t size)
			    FW_REQUIRES(&fs_lock);
void			 ramfs_file_release(struct vnode *v);
/* The frame of page idx, made if a hole: 0, -ENXIO past the end. */
FW_MUST_CHECK int	 ramfs_get_page(struct vnode *v, uint64_t idx,
			    struct fw_frame **out) FW_REQUIRES(&fs_lock);
/*
 * The frame of page pg (not counted), or NULL for a hole; and the frame of
 * page pg, allocated (zeroed, charged to v->sb) if it was a hole: 0 or
 * -ENOMEM, -ENOSPC.  File systems that cache pages in ramfs's table (9p)
 * use them too.
 */
struct fw_frame		*ramfs_page_find(const struct vnode *v, uint64_t pg);
FW_MUST_CHECK int	 ramfs_page_fill(struct vnode *v, uint64_t pg,
			    struct fw_frame **out) FW_REQUIRES(&fs_lock);
/*
 * Makes v, an empty ramfs file, hold len bytes of the boot image at off
 * (fw/boot.h) without copying them: each page is copied into a frame when
 * first written or mapped; reads copy straight from the image.  The pages
 * are charged now, as if copied.  0, or -EINVAL when v is not an empty
 * ramfs file or the range is out of reach (the caller copies instead),
 * -ENOSPC.
 */
FW_MUST_CHECK int	 ramfs_adopt_image(struct vnode *v, size_t off,
			    size_t len) FW_REQUIRES(&fs_lock);
/* fallocate(2): frames for [off, off+len), or holes punched there. */
FW_MUST_CHECK int	 ramfs_alloc_range(struct vnode *v, uint64_t off,
			    uint64_t len) FW_REQUIRES(&fs_lock);
FW_MUST_CHECK int	 ramfs_punch_range(struct vnode *v, uint64_t off,
			    uint64_t len) FW_REQUIRES(&fs_lock);
#define RAMFS_MAX_SIZE	(1ULL << 40)

#include "mount.h"

/* vfs.c */
void			 vfs_fini(void);
/*
 * Mounts a new instance of type on path (from the root, made if missing,
 * crossing the mounts on the way) with mount(2)'s data and flags: 0 or
 * -errno.
 */
FW_MUST_CHECK int	 vfs_mount_boot_locked(const struct fstype *type,
			    const char *path, const char *data, uint32_t flags)
			    FW_REQUIRES(&fs_lock);
/* The same with mount(2)'s source (the 9p tag, say). */
FW_MUST_CHECK int	 vfs_mount_source_locked(const struct fstype *type,
			    const char *source, const char *path,
			    const char *data, uint32_t flags)
			    FW_REQUIRES(&fs_lock);
/*
 * mkdir -p of path from *p (held), which moves down to the last
 * directory, crossing onto mounts where p has one: 0 or -errno.
 */
FW_MUST_CHECK int	 vpath_mkdirs_locked(struct vpath *p, const char *path,
			    uint32_t mode) FW_REQUIRES(&fs_lock);
/* /tmp, /proc, /sys and /dev in root where they are missing. */
FW_MUST_CHECK int	 vfs_populate_locked(struct vnode *root)
			    FW_REQUIRES(&fs_lock);
/*
 * hostroot.c: the root of boot option root=9p (the 9p export under an
 * overlay with a tmpfs upper layer), or with rw of root=9p-rw (the export
 * itself, read-write), attached as the root mount.
 */
FW_MUST_CHECK int	 hostroot_locked(bool rw) FW_REQUIRES(&fs_lock);
/* mkdir -p under root with mode; *out (if not NULL) referenced. */
FW_MUST_CHECK int	 vfs_mkdirs_locked(struct vnode *root, const char *path,
			    uint32_t mode, struct vnode **out)
			    FW_REQUIRES(&fs_lock);

/* cpio.c: unpacks the boot initramfs into root. */
FW_MUST_CHECK int	 cpio_unpack(struct vnode *root);

/* What a syscall needs of its process, copied under proc->lock. */
struct fsctx {
	struct cred	 cred;
	struct proc_groups *groups;	/* counted, or NULL */
	struct vpath	 root, cwd;	/* held */
	uint32_t	 umask;
	struct fw_vm	*vm;
	struct proc	*p;
};
void			 fsctx_get(struct proc *p, struct fsctx *c);
void			 fsctx_put(struct fsctx *c);
/* Whether gid is c's fsgid or one of its supplementary groups. */
bool			 fsctx_in_group(const struct fsctx *c, uint32_t gid);

/* namei.c: the result of a path walk. */
struct walk {
	struct vnode	*dir;		/* parent of the last name, or NULL */
	struct vnode	*v;		/* the object, or NULL if absent */
	struct mount	*dmnt;		/* dir's mount (held), or NULL */
	struct mount	*mnt;		/* v's mount (held), or NULL */
	char		 name[LINUX_NAME_MAX + 1];	/* the last name */
	bool		 slash;		/* the path ended in '/' */
	int		 nlinks;	/* symlinks followed so far */
	int		 resolve;	/* WALK_NO_SYMLINKS, WALK_BENEATH,
					   WALK_NO_XDEV */
};
#define WALK_FOLLOW	0x1	/* follow a symlink in the last name */
/* openat2(2)'s scoping: any symlink is ELOOP; leaving the root EXDEV. */
#define WALK_NO_SYMLINKS	0x2
#define WALK_BENEATH		0x4
#define WALK_NO_XDEV		0x8	/* crossing a mount is EXDEV */
/*
 * Walks path from start (a directory) for c: 0 with w filled (both
 * pointers counted), or -ENOENT, -ENOTDIR, -ELOOP, -ENAMETOOLONG, -EACCES.
 * A missing last name is not an error: w->v is NULL and w->dir is set.
 */
FW_MUST_CHECK int	 walk_path_locked(const struct fsctx *c,
			    const struct vpath *start, const char *path,
			    int flags, struct walk *w) FW_REQUIRES(&fs_lock);
void			 walk_done(struct walk *w);
/* Whether w->v is a mount's root (rmdir, unlink, rename: EBUSY). */
bool			 walk_is_mount_root(const struct walk *w);
/*
 * Where a walk of path from dirfd starts: the root for an absolute path,
 * the cwd for AT_FDCWD, else dirfd's directory; *out referenced.  -EBADF,
 * -ENOTDIR.  Takes the fdtable's lock, so call it before fs_lock.
 */
FW_MUST_CHECK int	 dirfd_start(const struct fsctx *c, int dirfd,
			    const char *path, struct vpath *out)
			    FW_EXCLUDES(&fs_lock);
/*
 * The whole lookup of path from dirfd (dirfd_start() then the walk, under
 * fs_lock): 0 with w->v set (absent is -ENOENT), or -errno.  "" with
 * AT_EMPTY_PATH in atflags names dirfd itself.
 */
FW_MUST_CHECK int	 lookup_at(const struct fsctx *c, int dirfd,
			    const char *path, int atflags, int wflags,
			    struct walk *w) FW_EXCLUDES(&fs_lock);

/*
 * For the calls that make or remove the last name of a path (mkdir,
 * mknod, unlink, rmdir): copies upath in, walks it from dirfd for p
 * without following a final symlink, and runs act(arg) on the walk under
 * fs_lock.
 * act's result, or the copy's or the walk's -errno ("" is -ENOENT).
 */
typedef int (*walk_act_fn)(const struct fsctx *c, struct walk *w,
    uint64_t arg);
FW_MUST_CHECK int	 modify_at(struct proc *p, int dirfd, uint64_t upath,
			    walk_act_fn act, uint64_t arg)
			    FW_EXCLUDES(&fs_lock);

/*
 * dpath.c: the name of p seen from root, built at the end of buf: the
 * offset where it starts, or -ENAMETOOLONG.  *reachable is false when
 * root is not above p (the name is then from p's mount's root, or only
 * what could be found).
 */
FW_MUST_CHECK long	 vpath_name_locked(const struct vpath *root,
			    const struct vpath *p, char *buf, size_t size,
			    bool *reachable) FW_REQUIRES(&fs_lock);
/* sys_flock.c: fcntl(2)'s lock, pipe and seal commands, for sys_fcntl.c. */
struct thread;
FW_MUST_CHECK long	 fcntl_more(struct thread *t, int fd, int cmd,
			    uint64_t arg);

/*
 * sys_sendfile.c: in-kernel I/O for sendfile, splice and copy_file_range
 * on any file: at *pos (advanced), or at the file position when pos is
 * NULL.  Bytes moved, or -errno as the file's ops answer.
 */
FW_MUST_CHECK long	 kfile_read(struct file *f, void *buf, size_t len,
			    uint64_t *pos);
FW_MUST_CHECK long	 kfile_write(struct file *f, const void *buf,
			    size_t len, uint64_t *pos);

/*
 * inotify.c: the hooks the file system calls as things happen, with
 * fs_lock held.  fsnotify_locked() reports mask about v to v's watchers
 * and, with name, to its directory's (dir may be NULL: v->parent is
 * used for a non-directory).  fsnotify_gone_locked() ends v's watches
 * (IN_DELETE_SELF, IN_IGNORED) when its last link went.  Both are cheap
 * while nothing is watched anywhere.
 */
void			 fsnotify_locked(struct vnode *dir, struct vnode *v,
			    uint32_t mask, const char *name, uint32_t cookie)
			    FW_REQUIRES(&fs_lock);
void			 fsnotify_gone_locked(struct vnode *v)
			    FW_REQUIRES(&fs_lock);
/* Whether any watch exists (callers may skip taking fs_lock if not). */
bool			 fsnotify_active(void);
/* A file's last close (IN_CLOSE_WRITE or IN_CLOSE_NOWRITE); takes fs_lock. */
void			 fsnotify_close(struct file *f) FW_EXCLUDES(&fs_lock);

/* path.c: copying a path in: a heap buffer to path_put().  -errno. */
FW_MUST_CHECK int	 path_get(struct fw_vm *vm, uint64_t upath,
			    char **out);
void			 path_put(char *path);

/* open.c */
/* A file on p (both get references from it) with open flags.  -errno. */
FW_MUST_CHECK int	 vnode_open(const struct vpath *p, unsigned int flags,
			    struct file **out);
/* openat2(2): vfs_open() with RESOLVE_* flags in resolve. */
FW_MUST_CHECK int	 vfs_openat2(struct proc *p, int dirfd,
			    const char *path, int flags, unsigned int mode,
			    uint64_t resolve, struct file **out);
/* open_tmpfile.c: open(2) with O_TMPFILE, for vfs_open(). */
FW_MUST_CHECK int	 open_tmpfile(struct proc *p, int dirfd,
			    const char *path, int flags, unsigned int mode,
			    struct file **out);

/*
 * devpts.c: the node "N" (136:N) of pty N in devpts sb, owned by uid and
 * gid (unless the mount's uid=, gid= say otherwise): 0 with *out counted,
 * or -errno.  Removing it drops the name.  Both take fs_lock.  max= of sb.
 */
#define DEVPTS_MAX	(1U << 20)	/* Linux's NR_UNIX98_PTY_MAX */
FW_MUST_CHECK int	 devpts_node_new(struct superblock *sb, int index,
			    uint32_t uid, uint32_t gid, struct vnode **out)
			    FW_EXCLUDES(&fs_lock);
void			 devpts_node_remove(struct superblock *sb, int index)
			    FW_EXCLUDES(&fs_lock);
uint64_t		 devpts_max(const struct superblock *sb);

/*
 * services/tty: opens the terminal devices for p: /dev/tty (5:0), /dev/ptmx
 * and devpts's ptmx (5:2), slaves (136:N); O_NOCTTY matters.  0, -errno,
 * or 1 for another device.
 */
FW_MUST_CHECK int	 tty_dev_open(struct proc *p, const struct vpath *obj,
			    unsigned int flags, struct file **out)
			    FW_EXCLUDES(&fs_lock);
/* A slave file on the node v of a live pair (reopen): 0, -EIO. */
FW_MUST_CHECK int	 pty_slave_open(struct vnode *v, unsigned int flags,
			    struct file **out);

/* Character devices (dev_mem.c, services/tty/console.c). */
extern const struct file_ops dev_null_ops, dev_zero_ops, dev_full_ops;
extern const struct file_ops dev_random_ops, dev_urandom_ops;
extern const struct file_ops console_file_ops;
FW_MUST_CHECK int	 console_file_init(struct file *f);

#endif
