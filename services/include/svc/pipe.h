/*
 * svc/pipe.h: what the file layer asks of pipes (services/ipc/pipe.c)
 * beyond their file ops: fcntl(2)'s F_GETPIPE_SZ and F_SETPIPE_SZ, and
 * transfers through kernel buffers for splice(2), tee(2), vmsplice(2)
 * and sendfile(2), with the caller choosing whether to wait
 * (SPLICE_F_NONBLOCK) rather than the file's O_NONBLOCK.
 *
 * Locks: each call takes the pipe's own lock; none may be held by the
 * caller but file references.  The waits are interruptible.
 */
#ifndef SVC_PIPE_H
#define SVC_PIPE_H

#include <fw/types.h>

struct file;

/*
 * services/ipc/fifo.c: an end of the named pipe v for open flags (fifo(7)):
 * O_RDONLY waits for a writer and O_WRONLY for a reader unless O_NONBLOCK
 * (then with no reader ENXIO), O_RDWR never waits.  Called without
 * fs_lock; *out holds v.  -ENOMEM, -ENXIO, -ERESTARTSYS.
 */
struct vnode;
FW_MUST_CHECK int	 fifo_open(struct vnode *v, unsigned int flags,
			    struct file **out);
/* f's pipe (an anonymous pipe's or a FIFO's end), as an identity to compare
 * ("the same pipe"), or NULL. */
const void		*pipe_of_file(const struct file *f);
/* F_GETPIPE_SZ: the capacity in bytes, or -EBADF for a non-pipe. */
FW_MUST_CHECK long	 pipe_get_size(struct file *f);
/*
 * How many bytes one read or write of f should move at most, so that a
 * read drains a full pipe as Linux's does: the capacity, but no more than
 * pipe-max-size (a privileged F_SETPIPE_SZ may go past it).  0 for a
 * non-pipe.
 */
size_t			 pipe_io_size(struct file *f);
/*
 * F_SETPIPE_SZ: the capacity becomes arg rounded up to a power of two of
 * pages: the new capacity, or -EBADF (not a pipe), -EINVAL (above 2 GiB),
 * -EPERM (growing past pipe-max-size, 1 MiB, unless privileged), -EBUSY
 * (the data held would not fit), -ENOMEM.
 */
FW_MUST_CHECK long	 pipe_set_size(struct file *f, unsigned int arg,
			    bool privileged);
/*
 * From read end f: waits for data (-EAGAIN if nonblock), then copies up
 * to len bytes into buf, consuming them (read) or not (peek).  0 at end
 * of file (no writer left), -ERESTARTSYS when interrupted.
 */
FW_MUST_CHECK long	 pipe_read_kernel(struct file *f, void *buf,
			    size_t len, bool nonblock);
FW_MUST_CHECK long	 pipe_peek_kernel(struct file *f, void *buf,
			    size_t len, bool nonblock);
/*
 * To write end f: as write(2), waiting unless nonblock: bytes written,
 * -EAGAIN, -EPIPE (no reader: the caller sends SIGPIPE), -ERESTARTSYS.
 */
FW_MUST_CHECK long	 pipe_write_kernel(struct file *f, const void *buf,
			    size_t len, bool nonblock);
/*
 * Waits until write end f's pipe has room: the free bytes (> 0), or
 * -EAGAIN (nonblock), -EPIPE, -ERESTARTSYS.
 */
FW_MUST_CHECK long	 pipe_wait_space(struct file *f, bool nonblock);

#endif
