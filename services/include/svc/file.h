/*
 * svc/file.h: open files and descriptor tables.  A struct file is one open
 * file description (open(2)): counted, shared by dup() and fork(), with its
 * offset and status flags.  Its ops move bytes between the object and
 * kernel buffers; this layer does all user-memory copying, so no file
 * system lock is ever held across a user access.
 *
 * Locks used to protect fields in this file:
 *	I	immutable after file_alloc()
 *	a	atomic
 *	l	file->lock (serialises offset updates, as Linux's f_pos_lock)
 *	E	epoll's global lock (services/poll/epoll.c)
 * Lock order: fdtable->lock, file->lock, the file system's lock.
 */
#ifndef SVC_FILE_H
#define SVC_FILE_H

#include <fw/types.h>
#include <fw/mutex.h>
#include <stdatomic.h>
#include <svc/vfs.h>

struct file;
struct thread;
struct vnode;
struct mount;
struct proc;
struct fw_vm;
struct linux_stat;
struct fdtable;
struct fw_frame;
struct poll_table;
struct epitem;
struct linux_iovec;

/* The most pages one read_frames call covers (file_ops, below). */
#define FILE_READ_FRAMES	5

struct file_ops {
	/* I/O on kernel memory at *off, which they advance: bytes or -errno. */
	long	(*read)(struct file *f, void *buf, size_t len, uint64_t *off);
	long	(*write)(struct file *f, const void *buf, size_t len,
		    uint64_t *off);
	/*
	 * Optional, for reads into user memory that copy once (regular
	 * files): read, leaving the bytes where they lie.  For page i of
	 * [*off, *off + n), n what it returns, frames[i] gets a reference to
	 * the frame holding that page (its cache), or NULL when the op
	 * copied the page's bytes to their place in buf instead (a hole, an
	 * image page).  [*off, *off + len) spans at most FILE_READ_FRAMES
	 * pages.  Bytes, 0 at the end, or -errno; advances *off.
	 */
	long	(*read_frames)(struct file *f, void *buf, size_t len,
		    uint64_t *off, struct fw_frame **frames);
	/*
	 * Optional, for sockets: the whole of a read, write, readv or writev
	 * of user memory in one call (a datagram is one call's bytes), in
	 * place of the read and write ops: bytes or -errno.  It raises
	 * SIGPIPE itself where its protocol does (the caller does not).  iov
	 * is checked (iovec_import()).
	 */
	long	(*rw_user)(struct file *f, struct fw_vm *vm,
		    const struct linux_iovec *iov, size_t cnt, bool write);
	/* linux_dirent64 records from *pos: bytes, or -EINVAL if none fits. */
	long	(*getdents)(struct file *f, void *buf, size_t len,
		    uint64_t *pos);
	/* arg is the raw third argument; user memory through t's vm. */
	long	(*ioctl)(struct file *f, struct thread *t, unsigned int cmd,
		    uint64_t arg);
	/*
	 * The current readiness (svc/poll.h): an EPOLL* mask, after hooking
	 * pt's poller (if pt is not NULL) on the heads that announce changes.
	 * NULL: always ready to read and write, and epoll refuses the file.
	 */
	uint32_t (*poll)(struct file *f, struct poll_table *pt);
	/* Fills st for a file without a vnode (console). */
	void	(*stat)(struct file *f, struct linux_stat *st);
	/* Called once, when the last reference goes. */
	void	(*release)(struct file *f);
	/*
	 * Optional, for mmap: the frame holding page idx of the file, which
	 * is its cache (referenced; a hole gets a zeroed frame): 0, -ENXIO
	 * past the end, -ENOMEM.  Called with the mm's lock held.
	 */
	int	(*get_page)(struct file *f, uint64_t idx,
		    struct fw_frame **out);
	/* mmap of it is anonymous memory (/dev/zero). */
	bool	mmap_zero;
	/*
	 * What /proc/<pid>/fd/N says of a file of no file system:
	 * "anon_inode:[NAME]", or "pipe:[ino]" for "pipe".
	 */
	const char *anon_name;
};

struct file {
	atomic_uint		 nref;		/* [a] */
	const struct file_ops	*ops;		/* [I] */
	struct vnode		*vnode;		/* [I] counted, or NULL */
	struct mount		*mnt;		/* [I] counted: vnode's mount,
						   or NULL */
	/*
	 * The directory and name it was opened by (not for directories),
	 * so /proc/<pid>/fd/N can name it once its name is gone.
	 */
	struct vpath		 dir;		/* [I] held, or empty */
	char			*name;		/* [I] heap, or NULL */
	atomic_uint		 flags;		/* [a] O_ access and status */
	bool			 seekable;	/* [I] */
	bool			 write_held;	/* [I] holds one of the vnode's
						   writers (open for writing) */
	struct fw_mutex		 lock;
	uint64_t		 pos;		/* [l] */
	void			*priv;		/* [I] the ops' own object */
	unsigned int		 port;		/* [I] console: opened on */
	unsigned int		 port_in;	/* [I] console: reads */
	unsigned int		 port_out;	/* [I] console: writes */
	/* The epoll items watching this file; unref removes them. */
	struct epitem *_Atomic	 epitems;	/* [E] */
};

/*
 * A new file on ops (vnode, if any, gets its own reference) with open
 * flags; *out gets the only reference.  -ENOMEM.
 */
FW_MUST_CHECK int	 file_alloc(const struct file_ops *ops,
			    struct vnode *v, unsigned int flags, bool seekable,
			    struct file **out);
struct file		*file_ref(struct file *f);
/* User-memory I/O at the file offset (off == NULL) or at *off (pread). */
FW_MUST_CHECK long	 file_read_user(struct file *f, struct fw_vm *vm,
			    fw_uaddr_t buf, size_t len, const uint64_t *off);
FW_MUST_CHECK long	 file_write_user(struct file *f, struct fw_vm *vm,
			    fw_uaddr_t buf, size_t len, const uint64_t *off);
/* Kernel-memory write at off (pwrite), for in-kernel users. */
FW_MUST_CHECK long	 file_pwrite(struct file *f, const void *buf,
			    size_t len, uint64_t off);
void			 file_stat(struct file *f, struct linux_stat *st);
bool			 file_readable(const struct file *f);
bool			 file_writable(const struct file *f);
/*
 * Mappings of files (services/fs/fmap.c).  Every VMA holding a file
 * counts once on its vnode (file_maps_get/put), and once more among the
 * shared writable ones when it is shared and may be made writable
 * (write: VMA_SHARED | VMA_MAYWRITE), so F_SEAL_WRITE can refuse (EBUSY)
 * while any exists and a truncation knows whether pages may be mapped.
 * file_writemap_begin() is mmap's check under the file system's lock:
 * with F_SEAL_WRITE or F_SEAL_FUTURE_WRITE a writable shared map is
 * -EPERM and a read-only one loses *maywrite; a file system that cannot
 * keep shared writable pages (VOPS_NO_SHARED_WRITE: 9p) refuses any
 * shared map that may be written with -EINVAL; otherwise, when *maywrite,
 * one writable count is taken for the caller, which drops it with
 * file_writemap_put() once its VMA holds its own.  Files without a vnode
 * count nothing.  file_map_key() names what a file maps, for
 * mm_unmap_file_pages() (svc/mm.h).
 */
FW_MUST_CHECK int	 file_writemap_begin(struct file *f, bool write,
			    bool *maywrite);
void			 file_writemap_put(struct file *f);
void			 file_maps_get(struct file *f, bool write);
void			 file_maps_put(struct file *f, bool write);
const void		*file_map_key(const struct file *f);
/*
 * A running program's file (services/fs/writecount.c): execve(2) and
 * fork(2) deny writes to it for as long as the process runs it, so opens
 * for writing and truncations get ETXTBSY.  file_deny_write() says
 * whether it took the denial: not while the file is open for writing
 * (Linux runs such a program without one), nor for a file of no file
 * system.  Each denial taken is given back with file_allow_write().
 */
bool			 file_deny_write(struct file *f);
void			 file_allow_write(struct file *f);

/*
 * sys_readv.c: copies in and checks an iovec array of cnt entries (EINVAL
 * past IOV_MAX or for a total past SSIZE_MAX, EFAULT): *out to fw_free().
 */
FW_MUST_CHECK int	 iovec_import(struct fw_vm *vm, uint64_t uiov,
			    uint64_t cnt, struct linux_iovec **out);

/* The descriptor table (services/fs/fdtable.c). */
#define FDTABLE_DEFAULT_MAX	1024

/* Looks fd up in p's table: 0 with *out referenced, or -EBADF. */
FW_MUST_CHECK int	 fd_get(struct proc *p, int fd, struct file **out);
/* Closes fd: 0, or -EBADF. */
FW_MUST_CHECK int	 fd_close(struct proc *p, int fd);
/* Installs f at the lowest free descriptor >= min: fd, -EMFILE, -EINVAL. */
FW_MUST_CHECK int	 fd_install_from(struct proc *p, struct file *f,
			    int min, bool cloexec);
/* Installs f at fd, closing what was there (dup2): fd, -EBADF. */
FW_MUST_CHECK int	 fd_install_at(struct proc *p, struct file *f, int fd,
			    bool cloexec);
/* FD_CLOEXEC of fd: 0/1 or -EBADF; and setting it: 0 or -EBADF. */
FW_MUST_CHECK int	 fd_get_cloexec(struct proc *p, int fd);
FW_MUST_CHECK int	 fd_set_cloexec(struct proc *p, int fd, bool on);
/*
 * close_range(2): closes the open descriptors in [first, last] (or sets
 * FD_CLOEXEC on them), dropping POSIX locks as close(2) does.
 */
void			 fd_close_range(struct proc *p, unsigned int first,
			    unsigned int last, bool cloexec);
/* Gives p a table of its own if another process shares it: 0, -ENOMEM. */
FW_MUST_CHECK int	 fdtable_unshare(struct proc *p);
/* A copy of fds sharing its files (fork): *out one reference.  -ENOMEM. */
FW_MUST_CHECK int	 fdtable_dup(struct fdtable *fds, struct fdtable **out);
struct fdtable		*fdtable_ref(struct fdtable *fds);
/*
 * For looking at another process's table (procfs), held by a reference:
 * the file at fd (referenced) and its FD_CLOEXEC: 0 or -EBADF; the lowest
 * open descriptor >= from, or -1.
 */
FW_MUST_CHECK int	 fdtable_get(struct fdtable *fds, int fd,
			    struct file **out, bool *cloexec);
int			 fdtable_next(struct fdtable *fds, int from);

#endif
