/*
 * drivers/virtio/virtqueue.c: split virtqueues, driver side (virtio 1.2
 * §2.7).  The three rings share one DMA buffer: the descriptor table at 0,
 * the available ring after it, the used ring after that (4-aligned).  The
 * free list is kept in driver memory (q->next), never read back from the
 * device's side.  Descriptors and ring entries are written before the
 * available index (a release store), and used entries are read after the
 * used index (an acquire load), as fw/dma.h orders them.
 *
 * Locks: q->lock guards the free list and the indices; it is a spinlock
 * and nothing under it sleeps.
 */
#include <fw/alloc.h>
#include <fw/errno.h>
#include <fw/panic.h>

#include "virtio_impl.h"

#define VRING_DESC_F_NEXT	1u
#define VRING_DESC_F_WRITE	2u

/* Offsets of the fields of the rings, for entry i. */
#define DESC(i)		((size_t)(i) * 16)
#define AVAIL_IDX(q)	((q)->avail_off + 2)
#define AVAIL_RING(q, i) ((q)->avail_off + 4 + 2 * (size_t)(i))
#define USED_IDX(q)	((q)->used_off + 2)
#define USED_ID(q, i)	((q)->used_off + 4 + 8 * (size_t)(i))
#define USED_LEN(q, i)	((q)->used_off + 8 + 8 * (size_t)(i))

int
virtio_queue_setup(struct virtio_dev *d, unsigned int qi, unsigned int num,
    struct virtq **out)
{
	unsigned int max;
	struct virtq *q;
	size_t size;
	unsigned int i;
	int err;

	/* §2.7: a split queue holds at most 32768 entries. */
	if (qi >= VIRTIO_QUEUES_MAX || d->q[qi] != NULL || num == 0 ||
	    num > 32768 || (num & (num - 1)) != 0)
		return -EINVAL;
	if ((max = d->ops->queue_max(d, qi)) == 0)
		return -ENOENT;
	while (num > max)
		num >>= 1;
	if (num == 0)
		return -EINVAL;
	if ((q = fw_zalloc(1, sizeof(*q))) == NULL)
		return -ENOMEM;
	fw_spin_init(&q->lock);
	q->dev = d;
	q->qi = qi;
	q->num = (uint16_t)num;
	q->avail_off = DESC(num);
	q->used_off = (q->avail_off + 6 + 2 * (size_t)num + 3) & ~(size_t)3;
	size = q->used_off + 6 + 8 * (size_t)num;
	q->next = fw_zalloc(num, sizeof(uint16_t));
	q->chain_len = fw_zalloc(num, sizeof(uint16_t));
	err = -ENOMEM;
	if (q->next == NULL || q->chain_len == NULL ||
	    (err = fw_dma_alloc(size, &q->ring)) < 0) {
		virtq_free(q);
		return err;
	}
	for (i = 0; i < num; i++)
		q->next[i] = (uint16_t)(i + 1);
	q->nfree = (uint16_t)num;
	d->ops->queue_program(q);
	d->q[qi] = q;
	*out = q;
	return 0;
}

void
virtq_free(struct virtq *q)
{
	if (q == NULL)
		return;
	fw_dma_free(q->ring);
	fw_free(q->next);
	fw_free(q->chain_len);
	fw_free(q);
}

/* Writes descriptor i: little-endian addr, len, flags, next. */
static void
virtq_desc_write(struct virtq *q, uint16_t i, uint64_t addr, uint32_t len,
    uint16_t flags, uint16_t next)
{
	uint8_t b[16];
	unsigned int k;

	for (k = 0; k < 8; k++)
		b[k] = (uint8_t)(addr >> (8 * k));
	for (k = 0; k < 4; k++)
		b[8 + k] = (uint8_t)(len >> (8 * k));
	b[12] = (uint8_t)flags;
	b[13] = (uint8_t)(flags >> 8);
	b[14] = (uint8_t)next;
	b[15] = (uint8_t)(next >> 8);
	if (fw_dma_write(q->ring, DESC(i), b, sizeof(b)) < 0)
		fw_panic("virtq: descriptor %u outside its ring", i);
}

static bool
virtq_bufs_ok(const struct virtq_buf *b, size_t n)
{
	size_t i, size;
	bool writable = false;

	if (n == 0)
		return false;
	for (i = 0; i < n; i++) {
		size = fw_dma_size(b[i].dma);
		if (b[i].len == 0 || b[i].off > size ||
		    b[i].len > size - b[i].off ||
		    (writable && !b[i].device_writes))
			return false;
		writable = b[i].device_writes;
	}
	return true;
}

int
virtq_add(struct virtq *q, const struct virtq_buf *b, size_t n,
    uint16_t *head)
{
	uint16_t h, i, flags;
	size_t k;

	if (!virtq_bufs_ok(b, n))
		return -EINVAL;
	fw_spin_lock(&q->lock);
	if (n > q->nfree) {
		fw_spin_unlock(&q->lock);
		return -ENOSPC;
	}
	h = i = q->free_head;
	for (k = 0; k < n; k++) {
		flags = (b[k].device_writes ? VRING_DESC_F_WRITE : 0) |
		    (k + 1 < n ? VRING_DESC_F_NEXT : 0);
		virtq_desc_write(q, i, fw_dma_addr(b[k].dma) + b[k].off,
		    b[k].len, flags, k + 1 < n ? q->next[i] : 0);
		if (k + 1 < n)
			i = q->next[i];
	}
	q->free_head = q->next[i];
	q->nfree -= (uint16_t)n;
	q->chain_len[h] = (uint16_t)n;
	fw_dma_store16(q->ring, AVAIL_RING(q, q->avail_idx % q->num), h);
	q->avail_idx++;
	fw_dma_store16(q->ring, AVAIL_IDX(q), q->avail_idx);
	fw_spin_unlock(&q->lock);
	*head = h;
	return 0;
}

void
virtq_kick(struct virtq *q)
{
	q->dev->ops->notify(q);
}

/* Gives chain head's descriptors back to the free list. */
static void
virtq_release_locked(struct virtq *q, uint16_t h)
	FW_REQUIRES(&q->lock)
{
	uint16_t i = h, n = q->chain_len[h];

	FW_ASSERT(n > 0 && n <= q->num - q->nfree);
	while (--n > 0)
		i = q->next[i];
	q->next[i] = q->free_head;
	q->free_head = h;
	q->nfree += q->chain_len[h];
	q->chain_len[h] = 0;
}

bool
virtq_get_used(struct virtq *q, uint16_t *head, uint32_t *len)
{
	uint32_t id;
	bool got = false;

	fw_spin_lock(&q->lock);
	if (fw_dma_load16(q->ring, USED_IDX(q)) != q->last_used) {
		id = fw_dma_load32(q->ring, USED_ID(q, q->last_used % q->num));
		*len = fw_dma_load32(q->ring, USED_LEN(q,
		    q->last_used % q->num));
		q->last_used++;
		/* A device that names a chain we did not give it is broken. */
		if (id >= q->num || q->chain_len[id] == 0) {
			atomic_store(&q->dev->broken, true);
		} else {
			virtq_release_locked(q, (uint16_t)id);
			*head = (uint16_t)id;
			got = true;
		}
	}
	fw_spin_unlock(&q->lock);
	return got;
}

static bool
virtq_ready(void *arg)
{
	struct virtq *q = arg;
	bool ready;

	if (atomic_load(&q->dev->broken))
		return true;
	fw_spin_lock(&q->lock);
	ready = fw_dma_load16(q->ring, USED_IDX(q)) != q->last_used;
	fw_spin_unlock(&q->lock);
	return ready;
}

int
virtq_wait(struct virtq *q)
{
	int err;

	if ((err = fw_waitq_wait(&q->dev->wq, virtq_ready, q, FW_NO_DEADLINE,
	    false)) < 0)
		return err;
	return atomic_load(&q->dev->broken) ? -EIO : 0;
}
