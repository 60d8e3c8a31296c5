/*
 * virtio_mmio.h: the virtio-mmio transport model (virtio 1.2 §4.2.2,
 * version 2, no legacy) with split virtqueues (§2.7), and the devices that
 * sit behind it.  Plain host code with no framework dependency, so unit
 * tests and fuzzers can drive it on a buffer standing in for guest memory.
 *
 * A device is a request handler: the transport walks each available
 * descriptor chain, validates every index, flag, length and address
 * against the queue size and guest memory, copies the readable part out,
 * calls the handler, copies its reply into the writable part and returns
 * the chain on the used ring.  The handler never sees guest memory.  A
 * malformed chain or ring sets DEVICE_NEEDS_RESET (status 0x40), raises a
 * configuration-change interrupt and stops all queue processing until the
 * driver resets the device.
 *
 * A device may instead fill some queues itself (async_queues), as a
 * network card fills its receive queue when a frame arrives: the driver's
 * notify of such a queue only calls kick(), and the device later hands
 * the bytes to vmmio_push(), which walks and validates the next chain the
 * same way and returns it used.
 *
 * Threads: register accesses (vmmio_read/write) come from any thread; each
 * device has one thread of its own that processes notified queues and
 * calls the handler; the irq callback is called from that thread, or from
 * the thread calling vmmio_push().
 */
#ifndef SIM_VIRTIO_MMIO_H
#define SIM_VIRTIO_MMIO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/uio.h>

#define VMMIO_WINDOW		0x200	/* registers, then config space */
#define VMMIO_QUEUE_MAX		256	/* QueueNumMax of every queue */
#define VMMIO_QUEUES_MAX	8
#define VMMIO_REQ_MAX		(1u << 20)	/* bytes each way per chain */

/* Status bits (§2.1) and the feature the transport requires (§6). */
#define VIRTIO_STATUS_ACKNOWLEDGE	1u
#define VIRTIO_STATUS_DRIVER		2u
#define VIRTIO_STATUS_DRIVER_OK		4u
#define VIRTIO_STATUS_FEATURES_OK	8u
#define VIRTIO_STATUS_NEEDS_RESET	0x40u
#define VIRTIO_STATUS_FAILED		0x80u
#define VIRTIO_F_VERSION_1		(1ull << 32)

struct vmmio_device {
	uint32_t	 device_id;
	uint64_t	 features;	/* device-specific bits */
	unsigned int	 nqueues;	/* at most VMMIO_QUEUES_MAX */
	const uint8_t	*config;	/* read-only config space */
	size_t		 config_len;	/* at most VMMIO_WINDOW - 0x100 */
	/*
	 * One request on queue q: in[0..in_len) is what the driver wrote;
	 * the reply goes into out[0..out_cap).  Returns the reply's length
	 * (at most out_cap).  Runs on the device thread.
	 */
	size_t		(*handle)(void *ctx, unsigned int q, const uint8_t *in,
			    size_t in_len, uint8_t *out, size_t out_cap);
	void		 (*reset)(void *ctx);	/* may be NULL */
	/*
	 * Queues the device fills through vmmio_push() (bit q for queue q):
	 * handle() never sees them; a notify of one calls kick(ctx, q) on
	 * the notifying thread with no transport lock held.  kick must not
	 * block; it may be NULL.
	 */
	uint32_t	 async_queues;
	void		 (*kick)(void *ctx, unsigned int q);
	void		*ctx;
};

struct vmmio;

/*
 * A transport for dev over guest memory [mem, mem+mem_size) (guest-physical
 * address 0 is mem[0]); irq(irq_arg) raises its interrupt line.  Starts the
 * device thread.  0, or a negative errno.
 */
int		vmmio_new(const struct vmmio_device *dev, uint8_t *mem,
		    uint64_t mem_size, void (*irq)(void *), void *irq_arg,
		    struct vmmio **out);
/* Stops the thread and frees the transport (not the device's ctx). */
void		vmmio_free(struct vmmio *t);
/* Register accesses at off in the window: size 1, 2, 4 or 8. */
uint64_t	vmmio_read(struct vmmio *t, uint64_t off, unsigned int size);
void		vmmio_write(struct vmmio *t, uint64_t off, unsigned int size,
		    uint64_t v);
/* Waits until no notified queue is pending processing (for tests). */
void		vmmio_drain(struct vmmio *t);
/*
 * Writes iov[0..niov) into the next available chain of async queue q and
 * returns the chain used, raising the interrupt.  The chain must be all
 * device-writable.  1: delivered; 0: the queue is not live or has no chain
 * available (nothing happened: try again after kick()); -ENOSPC: the chain
 * is smaller than the bytes, so it was returned used with length 0 and the
 * bytes dropped; -EIO: the ring or chain is malformed (the device now
 * needs a reset).  Any thread; takes the transport's locks.
 */
int		vmmio_push(struct vmmio *t, unsigned int q,
		    const struct iovec *iov, size_t niov);
/* The feature bits the driver acknowledged (0 before FEATURES_OK). */
uint64_t	vmmio_features(struct vmmio *t);

/* virtio-9p (§5.11) on a host directory; the tag is "trellis". */
struct p9srv;
int		v9p_device(const char *dir, bool writable,
		    struct vmmio_device *out);
void		v9p_device_free(struct vmmio_device *dev);

#endif
