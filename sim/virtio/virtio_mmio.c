/*
 * virtio_mmio.c: the virtio-mmio register file (virtio 1.2 §4.2.2) and the
 * device thread.  Interface in virtio_mmio.h, locks in vmmio_impl.h.
 *
 * The driver's writes go to the register file under t->lock; a write to
 * QueueNotify marks the queue and wakes the device thread, which walks the
 * queue (vring.c) with t->proc held and raises the interrupt if it used a
 * buffer.  Writing 0 to Status resets the device: it takes t->proc first,
 * so it waits for a request in flight, and afterwards the device uses no
 * ring memory until the driver sets it up again.  A notify of an async
 * queue goes straight to the device's kick(); vmmio_push() fills such a
 * queue from the device's own thread.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "vmmio_impl.h"

/* Register offsets (§4.2.2). */
enum {
	R_MAGIC = 0x000, R_VERSION = 0x004, R_DEVICE_ID = 0x008,
	R_VENDOR_ID = 0x00c, R_DEV_FEATURES = 0x010,
	R_DEV_FEATURES_SEL = 0x014, R_DRV_FEATURES = 0x020,
	R_DRV_FEATURES_SEL = 0x024, R_QUEUE_SEL = 0x030,
	R_QUEUE_NUM_MAX = 0x034, R_QUEUE_NUM = 0x038, R_QUEUE_READY = 0x044,
	R_QUEUE_NOTIFY = 0x050, R_ISR = 0x060, R_ISR_ACK = 0x064,
	R_STATUS = 0x070, R_DESC_LO = 0x080, R_DESC_HI = 0x084,
	R_DRIVER_LO = 0x090, R_DRIVER_HI = 0x094, R_DEVICE_LO = 0x0a0,
	R_DEVICE_HI = 0x0a4, R_CONFIG_GEN = 0x0fc, R_CONFIG = 0x100,
};

#define VMMIO_MAGIC	0x74726976u	/* "virt" */
#define VMMIO_VENDOR	0x534c5254u	/* "TRLS" */
#define ISR_USED	1u
#define ISR_CONFIG	2u

static uint64_t
dev_features(const struct vmmio *t)
{
	return t->dev.features | VIRTIO_F_VERSION_1;
}

static void
reset_locked(struct vmmio *t)
{
	t->status = 0;
	t->dev_features_sel = t->drv_features_sel = 0;
	t->drv_features = 0;
	t->queue_sel = 0;
	t->isr = 0;
	t->notified = 0;
	memset(t->q, 0, sizeof(t->q));
}

/*
 * The device thread: waits for notified queues, processes them with
 * t->proc held (t->lock dropped, so the driver's register accesses never
 * wait for the handler), then raises the interrupt without any lock.
 */
static void *
vmmio_thread(void *arg)
{
	struct vmmio *t = arg;
	unsigned int qi;
	uint32_t todo;
	bool used, bad;

	pthread_mutex_lock(&t->lock);
	for (;;) {
		while (!t->stop && t->notified == 0)
			pthread_cond_wait(&t->cond, &t->lock);
		if (t->stop)
			break;
		todo = t->notified;
		t->notified = 0;
		t->busy = true;
		pthread_mutex_unlock(&t->lock);
		used = bad = false;
		pthread_mutex_lock(&t->proc);
		for (qi = 0; qi < t->dev.nqueues && !bad; qi++)
			if (todo & (1u << qi))
				bad = !vring_process(t, qi, &used);
		pthread_mutex_lock(&t->lock);
		if (bad) {
			t->status |= VIRTIO_STATUS_NEEDS_RESET;
			t->isr |= ISR_CONFIG;
		}
		if (used)
			t->isr |= ISR_USED;
		pthread_mutex_unlock(&t->lock);
		pthread_mutex_unlock(&t->proc);
		if (bad || used)
			t->irq(t->irq_arg);
		pthread_mutex_lock(&t->lock);
		t->busy = false;
		pthread_cond_broadcast(&t->cond);
	}
	pthread_mutex_unlock(&t->lock);
	return NULL;
}

int
vmmio_new(const struct vmmio_device *dev, uint8_t *mem, uint64_t mem_size,
    void (*irq)(void *), void *irq_arg, struct vmmio **out)
{
	struct vmmio *t;

	if (dev->nqueues > VMMIO_QUEUES_MAX ||
	    dev->config_len > VMMIO_WINDOW - R_CONFIG)
		return -EINVAL;
	if ((t = calloc(1, sizeof(*t))) == NULL)
		return -ENOMEM;
	t->in = malloc(VMMIO_REQ_MAX);
	t->out = malloc(VMMIO_REQ_MAX);
	if (t->in == NULL || t->out == NULL) {
		free(t->in);
		free(t->out);
		free(t);
		return -ENOMEM;
	}
	t->dev = *dev;
	t->mem = mem;
	t->mem_size = mem_size;
	t->irq = irq;
	t->irq_arg = irq_arg;
	pthread_mutex_init(&t->proc, NULL);
	pthread_mutex_init(&t->lock, NULL);
	pthread_cond_init(&t->cond, NULL);
	if (pthread_create(&t->thread, NULL, vmmio_thread, t) != 0) {
		free(t->in);
		free(t->out);
		free(t);
		return -EAGAIN;
	}
	*out = t;
	return 0;
}

void
vmmio_free(struct vmmio *t)
{
	if (t == NULL)
		return;
	pthread_mutex_lock(&t->lock);
	t->stop = true;
	pthread_cond_broadcast(&t->cond);
	pthread_mutex_unlock(&t->lock);
	pthread_join(t->thread, NULL);
	pthread_mutex_destroy(&t->proc);
	pthread_mutex_destroy(&t->lock);
	pthread_cond_destroy(&t->cond);
	free(t->in);
	free(t->out);
	free(t);
}

void
vmmio_drain(struct vmmio *t)
{
	pthread_mutex_lock(&t->lock);
	while (t->notified != 0 || t->busy)
		pthread_cond_wait(&t->cond, &t->lock);
	pthread_mutex_unlock(&t->lock);
}

/* Config space: any size, little-endian, zeros past the device's bytes. */
static uint64_t
config_read(const struct vmmio *t, uint64_t off, unsigned int size)
{
	uint64_t v = 0;
	unsigned int i;

	for (i = 0; i < size; i++)
		if (off + i < t->dev.config_len)
			v |= (uint64_t)t->dev.config[off + i] << (8 * i);
	return v;
}

static uint32_t
reg_read_locked(struct vmmio *t, uint64_t off)
{
	struct vmmio_queue *q = &t->q[t->queue_sel % VMMIO_QUEUES_MAX];
	bool qok = t->queue_sel < t->dev.nqueues;

	switch (off) {
	case R_MAGIC:		return VMMIO_MAGIC;
	case R_VERSION:		return 2;
	case R_DEVICE_ID:	return t->dev.device_id;
	case R_VENDOR_ID:	return VMMIO_VENDOR;
	case R_DEV_FEATURES:
		return t->dev_features_sel > 1 ? 0 :
		    (uint32_t)(dev_features(t) >> (32 * t->dev_features_sel));
	case R_QUEUE_NUM_MAX:	return qok ? VMMIO_QUEUE_MAX : 0;
	case R_QUEUE_READY:	return qok && q->ready;
	case R_ISR:		return t->isr;
	case R_STATUS:		return t->status;
	case R_CONFIG_GEN:	return 0;	/* the config never changes */
	default:		return 0;	/* write-only or reserved */
	}
}

/* Sets a 32-bit half of a 64-bit ring address, while the queue is off. */
static void
set_half(uint64_t *a, bool high, uint32_t v)
{
	if (high)
		*a = (*a & 0xffffffffull) | (uint64_t)v << 32;
	else
		*a = (*a & ~0xffffffffull) | v;
}

static void
status_write_locked(struct vmmio *t, uint32_t v)
{
	/* FEATURES_OK sticks only for a subset with VERSION_1 (§3.1.1). */
	if ((v & VIRTIO_STATUS_FEATURES_OK) &&
	    !(t->status & VIRTIO_STATUS_FEATURES_OK) &&
	    ((t->drv_features & ~dev_features(t)) != 0 ||
	    !(t->drv_features & VIRTIO_F_VERSION_1)))
		v &= ~VIRTIO_STATUS_FEATURES_OK;
	/* The driver cannot clear NEEDS_RESET but by a reset. */
	t->status = v | (t->status & VIRTIO_STATUS_NEEDS_RESET);
}

static void
reg_write_locked(struct vmmio *t, uint64_t off, uint32_t v)
{
	struct vmmio_queue *q = &t->q[t->queue_sel % VMMIO_QUEUES_MAX];
	bool qok = t->queue_sel < t->dev.nqueues;

	switch (off) {
	case R_DEV_FEATURES_SEL:	t->dev_features_sel = v; break;
	case R_DRV_FEATURES_SEL:	t->drv_features_sel = v; break;
	case R_DRV_FEATURES:
		if (t->drv_features_sel <= 1 &&
		    !(t->status & VIRTIO_STATUS_FEATURES_OK))
			set_half(&t->drv_features, t->drv_features_sel == 1, v);
		break;
	case R_QUEUE_SEL:		t->queue_sel = v; break;
	case R_QUEUE_NUM:
		if (qok && !q->ready)
			q->num = v;
		break;
	case R_QUEUE_READY:
		if (qok)
			q->ready = v & 1;
		break;
	case R_QUEUE_NOTIFY:
		if (v < t->dev.nqueues && !(t->dev.async_queues & (1u << v))) {
			t->notified |= 1u << v;
			pthread_cond_broadcast(&t->cond);
		}
		break;
	case R_ISR_ACK:			t->isr &= ~v; break;
	case R_STATUS:			status_write_locked(t, v); break;
	case R_DESC_LO: case R_DESC_HI:
	case R_DRIVER_LO: case R_DRIVER_HI:
	case R_DEVICE_LO: case R_DEVICE_HI:
		if (!qok || q->ready)
			break;		/* §4.2.2.3: only while not ready */
		set_half(off < R_DRIVER_LO ? &q->desc : off < R_DEVICE_LO ?
		    &q->driver : &q->device, off & 4, v);
		break;
	default:
		break;			/* read-only or reserved: ignored */
	}
}

uint64_t
vmmio_read(struct vmmio *t, uint64_t off, unsigned int size)
{
	uint64_t v;

	if (off >= VMMIO_WINDOW || size > VMMIO_WINDOW - off)
		return 0;
	if (off >= R_CONFIG)
		return config_read(t, off - R_CONFIG, size);
	if (size != 4 || off % 4 != 0)
		return 0;		/* registers are 32-bit only */
	pthread_mutex_lock(&t->lock);
	v = reg_read_locked(t, off);
	pthread_mutex_unlock(&t->lock);
	return v;
}

void
vmmio_write(struct vmmio *t, uint64_t off, unsigned int size, uint64_t v)
{
	if (off >= R_CONFIG || size != 4 || off % 4 != 0)
		return;			/* config space is read-only */
	if (off == R_QUEUE_NOTIFY && v < t->dev.nqueues &&
	    (t->dev.async_queues & (1u << v))) {
		if (t->dev.kick != NULL)
			t->dev.kick(t->dev.ctx, (unsigned int)v);
		return;
	}
	if (off == R_STATUS && (uint32_t)v == 0) {
		pthread_mutex_lock(&t->proc);	/* no request in flight */
		pthread_mutex_lock(&t->lock);
		reset_locked(t);
		pthread_mutex_unlock(&t->lock);
		if (t->dev.reset != NULL)
			t->dev.reset(t->dev.ctx);
		pthread_mutex_unlock(&t->proc);
		return;
	}
	pthread_mutex_lock(&t->lock);
	reg_write_locked(t, off, (uint32_t)v);
	pthread_mutex_unlock(&t->lock);
}

int
vmmio_push(struct vmmio *t, unsigned int q, const struct iovec *iov,
    size_t niov)
{
	int ret;

	if (q >= t->dev.nqueues || !(t->dev.async_queues & (1u << q)))
		return -EINVAL;
	pthread_mutex_lock(&t->proc);
	ret = vring_push(t, q, iov, niov);
	pthread_mutex_lock(&t->lock);
	if (ret == -EIO) {
		t->status |= VIRTIO_STATUS_NEEDS_RESET;
		t->isr |= ISR_CONFIG;
	} else if (ret != 0) {
		t->isr |= ISR_USED;
	}
	pthread_mutex_unlock(&t->lock);
	pthread_mutex_unlock(&t->proc);
	if (ret != 0)
		t->irq(t->irq_arg);
	return ret;
}

uint64_t
vmmio_features(struct vmmio *t)
{
	uint64_t f = 0;

	pthread_mutex_lock(&t->lock);
	if (t->status & VIRTIO_STATUS_FEATURES_OK)
		f = t->drv_features;
	pthread_mutex_unlock(&t->lock);
	return f;
}
