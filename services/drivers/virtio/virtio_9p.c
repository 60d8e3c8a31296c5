/*
 * drivers/virtio/virtio_9p.c: the virtio-9p transport (virtio 1.2 §5.11):
 * one request queue; each request is a chain of the T-message (readable)
 * and a reply area (writable).  Requests go one at a time under t->lock,
 * through two DMA buffers of msize bytes that the transport owns, so the
 * used chain that comes back is always the one just sent.  The 9P client
 * (a later step) builds on p9_transport_rpc().
 *
 * Locks used to protect fields in this file:
 *	I	immutable after p9_transport_open()
 *	m	t->lock
 */
#include <fw/alloc.h>
#include <fw/boot.h>
#include <fw/errno.h>
#include <fw/mutex.h>

#include "virtio_impl.h"

#define V9P_DEVICE_ID		9
#define VIRTIO_9P_MOUNT_TAG	(1ull << 0)
#define V9P_MSIZE		(64u << 10)
#define V9P_QUEUE_SIZE		16
#define P9_HEADER		7	/* size[4] type[1] tag[2] */

struct p9_transport {
	struct fw_mutex		 lock;
	struct virtio_dev	*dev;	/* [I] */
	struct virtq		*q;	/* [I] */
	struct fw_dma		*tbuf;	/* [m] the T-message */
	struct fw_dma		*rbuf;	/* [m] the R-message */
};

static void
p9_tag(struct virtio_dev *d, char *tag, size_t tagcap)
{
	uint8_t len[2];
	size_t n = 0;

	if (tagcap == 0)
		return;
	if ((virtio_features(d) & VIRTIO_9P_MOUNT_TAG) &&
	    virtio_config_read(d, 0, len, 2) == 0) {
		n = (size_t)len[0] | (size_t)len[1] << 8;
		if (n > tagcap - 1)
			n = tagcap - 1;
		if (virtio_config_read(d, 2, tag, n) < 0)
			n = 0;
	}
	tag[n] = '\0';
}

static int
p9_setup(struct p9_transport *t)
{
	int err;

	if ((err = fw_dma_alloc(V9P_MSIZE, &t->tbuf)) < 0 ||
	    (err = fw_dma_alloc(V9P_MSIZE, &t->rbuf)) < 0 ||
	    (err = virtio_queue_setup(t->dev, 0, V9P_QUEUE_SIZE, &t->q)) < 0)
		return err;
	return virtio_driver_ok(t->dev);
}

void
p9_transport_close(struct p9_transport *t)
{
	if (t == NULL)
		return;
	virtio_close(t->dev);		/* reset first: then the buffers */
	fw_dma_free(t->tbuf);
	fw_dma_free(t->rbuf);
	fw_free(t);
}

int
p9_transport_open(struct p9_transport **out, char *tag, size_t tagcap)
{
	struct p9_transport *t;
	size_t i, n = fw_boot_device_count();
	int err = -ENODEV;

	if ((t = fw_zalloc(1, sizeof(*t))) == NULL)
		return -ENOMEM;
	fw_mutex_init(&t->lock);
	for (i = 0; i < n && t->dev == NULL; i++)
		if ((err = virtio_open(i, V9P_DEVICE_ID, VIRTIO_9P_MOUNT_TAG,
		    &t->dev)) < 0 && err != -ENODEV && err != -EBUSY)
			break;
	if (t->dev == NULL) {
		fw_free(t);
		return err == -EBUSY ? -ENODEV : err;
	}
	if ((err = p9_setup(t)) < 0) {
		p9_transport_close(t);
		return err;
	}
	p9_tag(t->dev, tag, tagcap);
	*out = t;
	return 0;
}

size_t
p9_transport_msize(const struct p9_transport *t)
{
	return V9P_MSIZE;
}

/* Sends tbuf[0..tlen) and waits for its reply: the reply's length. */
static long
p9_rpc_locked(struct p9_transport *t, size_t tlen)
	FW_REQUIRES(&t->lock)
{
	struct virtq_buf b[2] = {
		{ t->tbuf, 0, (uint32_t)tlen, false },
		{ t->rbuf, 0, V9P_MSIZE, true },
	};
	uint16_t head, got;
	uint32_t len;
	int err;

	if ((err = virtq_add(t->q, b, 2, &head)) < 0)
		return err;
	virtq_kick(t->q);
	for (;;) {
		if ((err = virtq_wait(t->q)) < 0)
			return err;
		if (virtq_get_used(t->q, &got, &len))
			break;
	}
	return got == head ? (long)len : -EIO;
}

long
p9_transport_rpc(struct p9_transport *t, const void *tmsg, size_t tlen,
    void *rbuf, size_t rcap)
{
	uint8_t hdr[4];
	long n;
	size_t size;

	if (tlen < P9_HEADER || tlen > V9P_MSIZE)
		return -EMSGSIZE;
	fw_mutex_lock(&t->lock);
	if ((n = fw_dma_write(t->tbuf, 0, tmsg, tlen)) < 0 ||
	    (n = p9_rpc_locked(t, tlen)) < 0)
		goto out;
	/* The reply is what its size field says, within what was used. */
	if (n < P9_HEADER || fw_dma_read(t->rbuf, 0, hdr, 4) < 0) {
		n = -EPROTO;
		goto out;
	}
	size = (size_t)hdr[0] | (size_t)hdr[1] << 8 | (size_t)hdr[2] << 16 |
	    (size_t)hdr[3] << 24;
	if (size < P9_HEADER || size > (size_t)n || size > rcap) {
		n = -EPROTO;
		goto out;
	}
	n = fw_dma_read(t->rbuf, 0, rbuf, size) < 0 ? -EPROTO : (long)size;
out:
	fw_mutex_unlock(&t->lock);
	return n;
}
