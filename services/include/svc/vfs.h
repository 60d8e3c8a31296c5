/*
 * svc/vfs.h: what the rest of the services need from the file layer
 * (services/fs).  The file system itself, its inodes and the descriptor
 * table's internals stay behind this header; open files are svc/file.h.
 *
 * The process side sets up the first process like this: after vfs_init(),
 * vfs_root(&p->root) and vfs_root(&p->cwd) (two references), p->umask =
 * 022, fdtable_new(&p->fds), then console_file_open() of FW_CONSOLE_IN,
 * FW_CONSOLE_OUT and FW_CONSOLE_ERR installed with fd_install() (giving 0,
 * 1, 2) and file_unref()'d.  A forked child takes vpath_copy() of root and
 * cwd and fdtable_dup() (or fdtable_ref() for CLONE_FILES); exit drops
 * them with vpath_drop() and fdtable_unref().
 */
#ifndef SVC_VFS_H
#define SVC_VFS_H

#include <fw/types.h>

struct proc;
struct file;
struct fdtable;
struct vnode;
struct mount;

/*
 * A place in the file tree: a vnode as reached through a mount (the same
 * directory may be mounted in several places).  Held, both are counted.
 */
struct vpath {
	struct mount	*mnt;
	struct vnode	*v;
};

/*
 * Builds the root file system from the boot initramfs (newc cpio).  0, or
 * -EINVAL for a malformed image (the caller reports a boot error), -ENOMEM.
 */
FW_MUST_CHECK int	 vfs_init(void);
/* Registers procfs and sysfs, mounts them on /proc and /sys (boot, after
 * vfs_init): 0 or -errno. */
FW_MUST_CHECK int	 procfs_init(void);
/*
 * chdir(2) of p to path (in kernel memory): 0, or -ENOENT, -ENOTDIR,
 * -EACCES and the walk's other errors.
 */
FW_MUST_CHECK int	 vfs_chdir(struct proc *p, const char *path);
/* The root directory of the root mount, held (vpath_drop() it). */
void			 vfs_root(struct vpath *out);
/* *dst becomes a held copy of src (NULL members stay NULL). */
void			 vpath_copy(struct vpath *dst, const struct vpath *src);
/* Releases a held vpath and clears it; NULL members are fine. */
void			 vpath_drop(struct vpath *p);
struct vnode		*vnode_ref(struct vnode *v);
void			 vnode_unref(struct vnode *v);	/* NULL ok */

/* An empty descriptor table (*out: one reference), or -ENOMEM. */
FW_MUST_CHECK int	 fdtable_new(struct fdtable **out);
void			 fdtable_unref(struct fdtable *fds);	/* NULL ok */
/* Closes the descriptors marked close-on-exec (execve). */
void			 fdtable_close_on_exec(struct fdtable *fds);
/*
 * Installs f at the lowest free descriptor (with FD_CLOEXEC if cloexec);
 * takes its own reference.  Returns the descriptor, or -EMFILE.
 */
FW_MUST_CHECK int	 fd_install(struct proc *p, struct file *f,
			    bool cloexec);

/*
 * Opens path relative to dirfd (LINUX_AT_FDCWD for the cwd) as open(2)
 * would, for p's credentials; *out gets one reference.  -errno.
 */
FW_MUST_CHECK int	 vfs_open(struct proc *p, int dirfd, const char *path,
			    int flags, unsigned int mode, struct file **out);
/*
 * A new open file description of the object f is open on (f may be an
 * O_PATH descriptor), with open flags (access mode only): -errno.  For
 * execveat's AT_EMPTY_PATH.
 */
FW_MUST_CHECK int	 vfs_reopen(struct file *f, int flags,
			    struct file **out);
/* Reads at off into a kernel buffer: bytes read (0 at end), or -errno. */
FW_MUST_CHECK long	 file_pread(struct file *f, void *buf, size_t len,
			    uint64_t off);
/* The file's size and st_mode; for execve's checks. */
uint64_t		 file_size(struct file *f);
unsigned int		 file_mode(struct file *f);
/*
 * Whether p may execute f (some x bit, and X permission for p's fsuid):
 * 0, or -EACCES.  For execve.
 */
FW_MUST_CHECK int	 file_may_exec(struct proc *p, struct file *f);
void			 file_unref(struct file *f);		/* NULL ok */
/*
 * AF_UNIX path names (services/fs/sock_node.c), for p's credentials, cwd
 * and root.  vfs_sock_mknod() makes the socket node of bind(2): *out the
 * new node (held), or -EADDRINUSE (the name exists), -EROFS, -EACCES and
 * the walk's errors.  vfs_sock_lookup() finds one for connect(2): *out
 * held, or -EACCES (no write permission), -ECONNREFUSED (not a socket
 * node), and the walk's errors.  vfs_sock_node_id() is a node's identity,
 * which outlives nothing but is equal for the same node.
 */
FW_MUST_CHECK int	 vfs_sock_mknod(struct proc *p, const char *path,
			    struct vnode **out);
FW_MUST_CHECK int	 vfs_sock_lookup(struct proc *p, const char *path,
			    struct vnode **out);
void			 vfs_sock_node_id(const struct vnode *v,
			    const void **sb, uint64_t *ino);
/* A file on a console port (fw/console.h), for the first process's 0, 1, 2. */
FW_MUST_CHECK int	 console_file_open(unsigned int port, struct file **out);

#endif
