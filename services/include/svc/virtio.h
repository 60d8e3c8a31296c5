/*
 * svc/virtio.h: the services' virtio core: the virtio-mmio transport over
 * fw/iomem.h and the virtio-pci one over fw/pci.h (drivers/virtio/), split
 * virtqueues in fw/dma.h buffers (virtqueue.c), and the virtio-9p
 * transport (virtio_9p.c).
 *
 * A struct virtio_dev is owned by its driver; its queues live and die with
 * it.  The device's interrupt wakes dev->wq; a driver waits there with
 * virtq_wait().  Locks: each queue has a spinlock for its rings (callers
 * need none); the 9p transport serialises its requests with a mutex.
 */
#ifndef SVC_VIRTIO_H
#define SVC_VIRTIO_H

#include <fw/dma.h>
#include <fw/types.h>

struct virtio_dev;
struct virtq;
struct p9_transport;

/* One buffer of a chain: len bytes at off in dma. */
struct virtq_buf {
	struct fw_dma	*dma;
	size_t		 off;
	uint32_t	 len;
	bool		 device_writes;	/* writable by the device */
};

/*
 * Opens boot device dev (a virtio-mmio window, or a PCI function) if it
 * is a version-2 (modern) device of type device_id, resets it and negotiates features (VERSION_1 plus
 * those of want it offers); its queues are set up next, then
 * virtio_driver_ok().  -ENODEV: not that device; -EBUSY, -ENOMEM, -EIO.
 */
FW_MUST_CHECK int	virtio_open(size_t dev, uint32_t device_id,
			    uint64_t want, struct virtio_dev **out);
/* Resets the device, then frees its queues and the handle (NULL ok). */
void			virtio_close(struct virtio_dev *d);
uint64_t		virtio_features(const struct virtio_dev *d);
/* Reads config space bytes [off, off+len): 0 or -EINVAL. */
FW_MUST_CHECK int	virtio_config_read(struct virtio_dev *d, size_t off,
			    void *buf, size_t len);
/* Sets up queue qi with at most num entries (a power of two): -errno. */
FW_MUST_CHECK int	virtio_queue_setup(struct virtio_dev *d,
			    unsigned int qi, unsigned int num,
			    struct virtq **out);
/* Sets DRIVER_OK: the device may now use the queues.  -EIO if it failed. */
FW_MUST_CHECK int	virtio_driver_ok(struct virtio_dev *d);

/*
 * Adds a chain (readable buffers first, then writable) to the available
 * ring; *head names it in virtq_get_used().  -EINVAL for an empty chain or
 * a buffer outside its dma, -ENOSPC when the ring has too few free
 * descriptors.  The device sees it after virtq_kick().
 */
FW_MUST_CHECK int	virtq_add(struct virtq *q, const struct virtq_buf *b,
			    size_t n, uint16_t *head);
void			virtq_kick(struct virtq *q);
/* Takes one used chain and frees its descriptors: false if none. */
bool			virtq_get_used(struct virtq *q, uint16_t *head,
			    uint32_t *len);
/*
 * Sleeps until q has a used chain (0) or the device needs a reset (-EIO),
 * woken by the device's interrupt.
 */
FW_MUST_CHECK int	virtq_wait(struct virtq *q);

/*
 * The virtio-9p transport: opens the first virtio-9p device of the boot
 * list; its mount tag goes into tag (NUL-terminated, cut at tagcap).
 * -ENODEV when there is none.
 */
FW_MUST_CHECK int	p9_transport_open(struct p9_transport **out,
			    char *tag, size_t tagcap);
void			p9_transport_close(struct p9_transport *t);
/* The largest message it carries each way (the msize to offer). */
size_t			p9_transport_msize(const struct p9_transport *t);
/*
 * Sends the T-message tmsg[0..tlen) and waits for the R-message, copied
 * into rbuf[0..rcap): its length, or -EMSGSIZE (tlen too long), -EPROTO (a
 * reply that does not fit or is shorter than a header), -EIO.
 */
FW_MUST_CHECK long	p9_transport_rpc(struct p9_transport *t,
			    const void *tmsg, size_t tlen, void *rbuf,
			    size_t rcap);

#endif
