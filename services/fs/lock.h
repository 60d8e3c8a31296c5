/*
 * services/fs/lock.h: advisory file locks (lock.c), kept per vnode in its
 * extension (vext.h): flock(2) locks, owned by an open file description;
 * POSIX record locks of fcntl(2), owned by a descriptor table (a process,
 * and the threads sharing its files); and open-file-description record
 * locks (F_OFD_*), owned by a description.  Record locks of either kind
 * conflict with each other, never with flock locks.
 *
 * Locks: lock_mutex (lock.c) guards every lock list and the table of
 * blocked POSIX waiters; it is taken after fs_lock is dropped, never
 * with it, and never held across a sleep or a user-memory access.
 */
#ifndef FS_LOCK_H
#define FS_LOCK_H

#include <fw/types.h>
#include <uapi/fcntl.h>

struct file;
struct proc;
struct fdtable;
struct vlocks;

/*
 * flock(2) on f with op LOCK_SH, LOCK_EX or LOCK_UN, and LOCK_NB: 0,
 * -EWOULDBLOCK, -ERESTARTSYS (a signal while waiting), -ENOMEM.  A
 * conversion drops the old lock first, as Linux does.
 */
FW_MUST_CHECK int	 lock_flock(struct file *f, int op);
/*
 * fcntl(2)'s F_GETLK, F_SETLK, F_SETLKW and their F_OFD_ forms for p on
 * descriptor fd (f): fl in and (F_GETLK) out.  0, -EINVAL, -EOVERFLOW,
 * -EBADF (a lock the open mode does not allow), -EAGAIN, -EDEADLK,
 * -ERESTARTSYS, -ENOMEM.
 */
FW_MUST_CHECK int	 lock_fcntl(struct proc *p, int fd, struct file *f,
			    int cmd, struct linux_flock *fl);
/* The last reference to f goes: its flock and OFD locks go with it. */
void			 lock_file_release(struct file *f);
/* A descriptor of f in fds was closed: fds's POSIX locks on it go. */
void			 lock_posix_close(const struct fdtable *fds,
			    struct file *f);
/* Frees what is left of a vnode's locks (none, normally). */
void			 vlocks_fini(struct vlocks *l);

#endif
