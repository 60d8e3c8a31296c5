/*
 * svc/pidfd.h: pidfds (services/proc/pidfd.c), files that name a process
 * and outlive it, as Linux's struct pid does: the process keeps a counted
 * handle, each pidfd another reference.  A pidfd is readable (EPOLLIN,
 * RDNORM) once the process has exited, and also EPOLLHUP once it has been
 * reaped; it then names no process (ESRCH), and its number may be reused.
 *
 * Locks: a handle's link to its process is under proc_table_lock, so a
 * process found through a pidfd with that lock held stays allocated until
 * the lock is released (svc/proc.h).
 */
#ifndef SVC_PIDFD_H
#define SVC_PIDFD_H

#include <fw/types.h>
#include <svc/proc.h>

struct file;

/*
 * A new pidfd of p (O_RDWR, and O_NONBLOCK if in flags); *out gets the
 * only reference.  -ENOMEM.
 */
FW_MUST_CHECK int	pidfd_create_locked(struct proc *p,
			    unsigned int flags, struct file **out)
			    FW_REQUIRES(&proc_table_lock);
/* The process f names: 0 with *out, -EBADF (not a pidfd), -ESRCH. */
FW_MUST_CHECK int	pidfd_proc_locked(struct file *f, struct proc **out)
			    FW_REQUIRES(&proc_table_lock);
/*
 * The pid the pidfd at self's descriptor fd names, even reaped: > 0, or
 * -EBADF (no such descriptor, or not a pidfd); *nonblock gets its
 * O_NONBLOCK, *reaped whether the process is gone.
 */
FW_MUST_CHECK int	pidfd_pid_of(struct proc *self, int fd,
			    bool *nonblock, bool *reaped);
/* p's resources are gone (its exit): its pidfds become readable. */
void			pidfd_exited(struct proc *p);
/* proc_free()'s hook: p is reaped; its pidfds name nothing now. */
void			pidfd_freed_locked(struct proc *p)
			    FW_REQUIRES(&proc_table_lock);

#endif
