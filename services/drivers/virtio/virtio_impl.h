/*
 * drivers/virtio/virtio_impl.h: the device and queue state shared by the
 * transport (virtio.c) and the rings (virtqueue.c).
 *
 * Locks used to protect fields in this file:
 *	I	immutable after setup (virtio_open, virtio_queue_setup)
 *	q	q->lock
 *	a	atomic
 */
#ifndef VIRTIO_IMPL_H
#define VIRTIO_IMPL_H

#include <stdatomic.h>

#include <fw/iomem.h>
#include <fw/spinlock.h>
#include <fw/waitq.h>
#include <svc/virtio.h>

#define VIRTIO_QUEUES_MAX	4

/* virtio-mmio registers (virtio 1.2 §4.2.2). */
#define VM_MAGIC		0x000
#define VM_VERSION		0x004
#define VM_DEVICE_ID		0x008
#define VM_DEV_FEATURES		0x010
#define VM_DEV_FEATURES_SEL	0x014
#define VM_DRV_FEATURES		0x020
#define VM_DRV_FEATURES_SEL	0x024
#define VM_QUEUE_SEL		0x030
#define VM_QUEUE_NUM_MAX	0x034
#define VM_QUEUE_NUM		0x038
#define VM_QUEUE_READY		0x044
#define VM_QUEUE_NOTIFY		0x050
#define VM_ISR			0x060
#define VM_ISR_ACK		0x064
#define VM_STATUS		0x070
#define VM_DESC_LO		0x080
#define VM_DESC_HI		0x084
#define VM_DRIVER_LO		0x090
#define VM_DRIVER_HI		0x094
#define VM_DEVICE_LO		0x0a0
#define VM_DEVICE_HI		0x0a4
#define VM_CONFIG		0x100

#define VIRTIO_ACKNOWLEDGE	1u
#define VIRTIO_DRIVER		2u
#define VIRTIO_DRIVER_OK	4u
#define VIRTIO_FEATURES_OK	8u
#define VIRTIO_NEEDS_RESET	0x40u
#define VIRTIO_FAILED		0x80u
#define VIRTIO_F_VERSION_1	(1ull << 32)

struct virtq {
	struct fw_spinlock	 lock;
	struct virtio_dev	*dev;		/* [I] */
	unsigned int		 qi;		/* [I] */
	uint16_t		 num;		/* [I] */
	struct fw_dma		*ring;		/* [I] desc, avail, used */
	size_t			 avail_off;	/* [I] */
	size_t			 used_off;	/* [I] */
	uint16_t		*next;		/* [q] free-list links */
	uint16_t		*chain_len;	/* [q] per head */
	uint16_t		 free_head;	/* [q] */
	uint16_t		 nfree;		/* [q] */
	uint16_t		 avail_idx;	/* [q] */
	uint16_t		 last_used;	/* [q] */
};

struct virtio_dev {
	struct fw_iomem		*io;		/* [I] */
	unsigned int		 irq;		/* [I] */
	uint64_t		 features;	/* [I] negotiated */
	struct fw_waitq		 wq;		/* the interrupt wakes it */
	atomic_bool		 broken;	/* [a] NEEDS_RESET seen */
	struct virtq		*q[VIRTIO_QUEUES_MAX];	/* [I] */
};

/* virtio.c: the register side of a queue. */
/* The largest size the device allows for queue qi (0: none, or in use). */
unsigned int	virtio_queue_max(struct virtio_dev *d, unsigned int qi);
/* Programs q's rings into the device and enables it (§4.2.3.2). */
void		virtio_queue_program(struct virtq *q);
void		virtq_notify(struct virtq *q);
/* virtqueue.c */
void		virtq_free(struct virtq *q);

#endif
