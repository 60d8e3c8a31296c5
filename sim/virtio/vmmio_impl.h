/*
 * vmmio_impl.h: the transport model's state, shared by the register file
 * (virtio_mmio.c) and the queue processing (vring.c).
 *
 * Locks used to protect fields:
 *	I	immutable after vmmio_new()
 *	s	t->lock (the register file; held briefly, never around the
 *		handler)
 *	p	t->proc (held by the device thread while it processes queues,
 *		by vmmio_push(), and by a reset, so a reset waits for a
 *		request in flight)
 * Lock order: proc, then lock.
 */
#ifndef SIM_VMMIO_IMPL_H
#define SIM_VMMIO_IMPL_H

#include <pthread.h>

#include "virtio_mmio.h"

struct vmmio_queue {
	uint32_t	 num;		/* [s] QueueNum */
	bool		 ready;		/* [s] QueueReady */
	uint64_t	 desc, driver, device;	/* [s] ring addresses */
	uint16_t	 last_avail;	/* [p] next available entry to take */
	uint16_t	 used_idx;	/* [p] our used index */
};

struct vmmio {
	struct vmmio_device	 dev;		/* [I] */
	uint8_t			*mem;		/* [I] guest memory */
	uint64_t		 mem_size;	/* [I] */
	void			(*irq)(void *);	/* [I] */
	void			*irq_arg;	/* [I] */
	pthread_t		 thread;	/* [I] */
	pthread_mutex_t		 proc;
	pthread_mutex_t		 lock;
	pthread_cond_t		 cond;		/* notify, stop, drained */
	uint32_t		 status;	/* [s] */
	uint32_t		 dev_features_sel, drv_features_sel; /* [s] */
	uint64_t		 drv_features;	/* [s] */
	uint32_t		 queue_sel;	/* [s] */
	uint32_t		 isr;		/* [s] InterruptStatus */
	uint32_t		 notified;	/* [s] queues to process */
	bool			 busy;		/* [s] the thread is processing */
	bool			 stop;		/* [s] */
	struct vmmio_queue	 q[VMMIO_QUEUES_MAX];
	uint8_t			*in, *out;	/* [p] request bounce buffers */
};

/* vring.c: processes queue qi; false if the ring or a chain is malformed. */
bool		vring_process(struct vmmio *t, unsigned int qi,
		    bool *used_any);
/*
 * vring.c: fills the next chain of async queue qi with iov; the result is
 * vmmio_push()'s.
 */
int		vring_push(struct vmmio *t, unsigned int qi,
		    const struct iovec *iov, size_t niov);

#endif
