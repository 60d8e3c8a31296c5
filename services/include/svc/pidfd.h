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
/*
 * A new pidfd of p's thread t (PIDFD_THREAD), t on p's list; -ESRCH when
 * t has ended meanwhile, -ENOMEM.
 */
FW_MUST_CHECK int	pidfd_create_thread_locked(struct proc *p,
			    struct thread *t, unsigned int flags,
			    struct file **out)
			    FW_REQUIRES(&proc_table_lock);
/*
 * CLONE_PIDFD: a pidfd of c (of its thread ct, if not NULL) in self's
 * table, close-on-exec, its number stored at upidfd; *fd gets it, for
 * pidfd_install_undo if the clone fails later.  -EMFILE, -EFAULT, -ENOMEM.
 */
FW_MUST_CHECK int	pidfd_install_new(struct proc *self, struct proc *c,
			    struct thread *ct, uint64_t upidfd, int *fd);
void			pidfd_install_undo(struct proc *self, int fd);
/* The process f names: 0 with *out, -EBADF (not a pidfd), -ESRCH. */
FW_MUST_CHECK int	pidfd_proc_locked(struct file *f, struct proc **out)
			    FW_REQUIRES(&proc_table_lock);
/*
 * The pid the pidfd at self's descriptor fd names, even reaped: > 0, or
 * -EBADF (no such descriptor, or not a pidfd); *nonblock gets its
 * O_NONBLOCK, *reaped whether the process is gone, *thread whether the
 * pid is a thread's (PIDFD_THREAD).
 */
FW_MUST_CHECK int	pidfd_pid_of(struct proc *self, int fd,
			    bool *nonblock, bool *reaped, bool *thread);
/* p's resources are gone (its exit): its pidfds become readable. */
void			pidfd_exited(struct proc *p);
/*
 * thread_free()'s hook, before t leaves its list: the pidfds of t become
 * readable, and hang up unless t leads its process.
 */
void			pidfd_thread_ended(struct thread *t);
/* proc_free()'s hook: p is reaped; its pidfds name nothing now. */
void			pidfd_freed_locked(struct proc *p)
			    FW_REQUIRES(&proc_table_lock);

#endif
