/*
 * drivers/virtio/virtio_impl.h: the device and queue state shared by the
 * common code (virtio.c), the transports (virtio_mmio.c, virtio_pci.c)
 * and the rings (virtqueue.c).
 *
 * Locks used to protect fields in this file:
 *	I	immutable after setup (virtio_open, virtio_queue_setup)
 *	q	q->lock
 *	a	atomic
 */
#ifndef VIRTIO_IMPL_H
#define VIRTIO_IMPL_H

#include <stdatomic.h>

#include <fw/boot.h>
#include <fw/iomem.h>
#include <fw/pci.h>
#include <fw/spinlock.h>
#include <fw/waitq.h>
#include <svc/virtio.h>

#define VIRTIO_QUEUES_MAX	4

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

struct virtio_ops;

struct virtio_dev {
	const struct virtio_ops	*ops;		/* [I] the transport */
	struct fw_iomem		*io;		/* [I] virtio-mmio's window */
	/* virtio-pci: the function, its BARs, and where each structure
	 * lies in them (virtio_pci.c). */
	struct fw_pci		*pci;		/* [I] */
	struct fw_iomem		*bar[FW_PCI_BARS];	/* [I] open BARs */
	struct virtio_pci_win {
		struct fw_iomem	*io;
		size_t		 off, len;
	}			 common, isr, device, notify;	/* [I] */
	uint32_t		 notify_mult;	/* [I] */
	uint32_t		 notify_off[VIRTIO_QUEUES_MAX];	/* [I] */
	unsigned int		 irq;		/* [I] */
	uint64_t		 features;	/* [I] negotiated */
	struct fw_waitq		 wq;		/* the interrupt wakes it */
	atomic_bool		 broken;	/* [a] NEEDS_RESET seen */
	struct virtq		*q[VIRTIO_QUEUES_MAX];	/* [I] */
};

/*
 * A transport: how the common code (virtio.c) reaches a device's
 * registers.  Calls on one device are serialised by its driver, but
 * isr_ack(), from the interrupt handler.
 */
struct virtio_ops {
	/* Takes the device (boot device dev, whose description is bd) if it
	 * is a virtio device of type id: 0, -ENODEV, -EBUSY, -ENOMEM. */
	int		(*probe)(struct virtio_dev *d, size_t dev,
			    const struct fw_boot_device *bd, uint32_t id);
	void		(*release)(struct virtio_dev *d);
	uint8_t		(*status)(struct virtio_dev *d);
	/* Writes the status; 0 resets the device and waits until it has. */
	void		(*set_status)(struct virtio_dev *d, uint8_t s);
	uint64_t	(*device_features)(struct virtio_dev *d);
	void		(*set_driver_features)(struct virtio_dev *d,
			    uint64_t f);
	/* Acknowledges the interrupt: whether the configuration (status
	 * included) may have changed. */
	bool		(*isr_ack)(struct virtio_dev *d);
	size_t		(*config_size)(struct virtio_dev *d);
	uint8_t		(*config8)(struct virtio_dev *d, size_t off);
	/* The largest size the device allows for queue qi (0: none, or in
	 * use). */
	unsigned int	(*queue_max)(struct virtio_dev *d, unsigned int qi);
	/* Programs q's rings into the device and enables it. */
	void		(*queue_program)(struct virtq *q);
	void		(*notify)(struct virtq *q);
};

extern const struct virtio_ops virtio_mmio_ops;	/* virtio_mmio.c */
extern const struct virtio_ops virtio_pci_ops;	/* virtio_pci.c */

/* virtqueue.c */
void		virtq_free(struct virtq *q);

#endif
