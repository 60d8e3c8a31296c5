/*
 * services/ipc/pipe_impl.h: the pipe itself, shared by anonymous pipes
 * (pipe.c) and named ones (fifo.c), which differ in how their ends come
 * and go but not in how bytes move.
 *
 * Locks used to protect fields in this file:
 *	p	pipe->lock; also atomic, so wait conditions can read them
 *	I	immutable
 */
#ifndef SVC_IPC_PIPE_IMPL_H
#define SVC_IPC_PIPE_IMPL_H

#include <fw/mutex.h>
#include <fw/waitq.h>
#include <stdatomic.h>
#include <svc/poll.h>

struct file;

struct pipe {
	struct fw_mutex	 lock;
	struct fw_waitq	 rd_wq;		/* readers wait for data */
	struct fw_waitq	 wr_wq;		/* writers wait for space */
	struct pollhead	 ph;		/* pollers of either end */
	uint8_t		*buf;		/* [p] cap bytes */
	atomic_size_t	 cap;		/* [p] 2^n pages (F_SETPIPE_SZ) */
	size_t		 head;		/* [p] next byte to read */
	atomic_size_t	 len;		/* [p] bytes buffered */
	atomic_uint	 readers;	/* [p] open read ends */
	atomic_uint	 writers;	/* [p] open write ends */
	uint64_t	 ino;		/* [I] for fstat */
};

/* A pipe with no end yet (both counts 0): NULL without memory. */
struct pipe	*pipe_alloc(void);
void		 pipe_free(struct pipe *p);
/*
 * One end of p closed: its count drops and the other side wakes.  Whether
 * it was p's last end (the caller frees p; nothing else can reach it).
 */
bool		 pipe_drop_end(struct pipe *p, bool reader);
/* The file ops of an end whose f->priv is the pipe (O_NONBLOCK from f). */
long		 pipe_read(struct file *f, void *buf, size_t len,
		    uint64_t *off);
long		 pipe_write(struct file *f, const void *buf, size_t len,
		    uint64_t *off);
uint32_t	 pipe_rd_poll(struct file *f, struct poll_table *pt);
uint32_t	 pipe_wr_poll(struct file *f, struct poll_table *pt);
/* fifo.c: whether f is an end of a named pipe. */
bool		 fifo_is_end(const struct file *f);

#endif
