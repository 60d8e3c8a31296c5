/*
 * vring.c: the device side of split virtqueues (virtio 1.2 §2.7).  Every
 * value read from guest memory is read once into a local and validated
 * before use: ring addresses and the queue size when processing starts,
 * the available index against the queue size, each head and next index
 * against the size, each buffer against guest memory, and the chain's
 * length against the size (so a loop ends).  Indirect descriptors are not
 * offered (VIRTIO_F_INDIRECT_DESC), so one is malformed; so is a zero
 * length or a readable buffer after a writable one (§2.7.4.2).
 *
 * vring_push() fills the next chain of a queue the device fills itself
 * (an async queue) with bytes it hands over.
 *
 * Runs with t->proc held (vmmio_impl.h): on the device thread, or on the
 * thread calling vmmio_push().
 */
#include <errno.h>
#include <string.h>

#include "vmmio_impl.h"

#define VRING_DESC_F_NEXT	1u
#define VRING_DESC_F_WRITE	2u
#define VRING_DESC_F_INDIRECT	4u

struct vring_desc {
	uint64_t	addr;
	uint32_t	len;
	uint16_t	flags;
	uint16_t	next;
};

struct vring_seg {
	uint64_t	addr;
	uint32_t	len;
};

/* Whether [a, a+len) lies in guest memory and a is align-aligned. */
static bool
mem_ok(const struct vmmio *t, uint64_t a, uint64_t len, uint64_t align)
{
	return a % align == 0 && a <= t->mem_size && len <= t->mem_size - a;
}

static uint16_t
load16(const struct vmmio *t, uint64_t a)
{
	return __atomic_load_n((uint16_t *)(t->mem + a), __ATOMIC_ACQUIRE);
}

static void
store16(const struct vmmio *t, uint64_t a, uint16_t v)
{
	__atomic_store_n((uint16_t *)(t->mem + a), v, __ATOMIC_RELEASE);
}

/*
 * Walks the chain at head into its readable and writable segments:
 * false if it is malformed.
 */
static bool
vring_walk(const struct vmmio *t, uint64_t desc, uint32_t num, uint32_t head,
    struct vring_seg *rd, size_t *nrd, struct vring_seg *wr, size_t *nwr)
{
	struct vring_desc d;
	uint64_t in = 0, out = 0;
	uint32_t i = head, n;

	*nrd = *nwr = 0;
	for (n = 0;; n++) {
		if (i >= num || n >= num)
			return false;		/* out of range, or a loop */
		memcpy(&d, t->mem + desc + 16 * (uint64_t)i, sizeof(d));
		if ((d.flags & VRING_DESC_F_INDIRECT) || d.len == 0 ||
		    !mem_ok(t, d.addr, d.len, 1))
			return false;
		if (d.flags & VRING_DESC_F_WRITE) {
			if ((out += d.len) > VMMIO_REQ_MAX)
				return false;
			wr[(*nwr)++] = (struct vring_seg){ d.addr, d.len };
		} else {
			if (*nwr != 0 || (in += d.len) > VMMIO_REQ_MAX)
				return false;
			rd[(*nrd)++] = (struct vring_seg){ d.addr, d.len };
		}
		if (!(d.flags & VRING_DESC_F_NEXT))
			return true;
		i = d.next;
	}
}

/* Serves one chain; *len gets the bytes written into it.  false: malformed. */
static bool
vring_serve(struct vmmio *t, unsigned int qi, uint64_t desc, uint32_t num,
    uint32_t head, uint32_t *len)
{
	struct vring_seg rd[VMMIO_QUEUE_MAX], wr[VMMIO_QUEUE_MAX];
	size_t nrd, nwr, i, in = 0, cap = 0, done = 0, n, reply;

	if (!vring_walk(t, desc, num, head, rd, &nrd, wr, &nwr))
		return false;
	for (i = 0; i < nrd; i++) {
		memcpy(t->in + in, t->mem + rd[i].addr, rd[i].len);
		in += rd[i].len;
	}
	for (i = 0; i < nwr; i++)
		cap += wr[i].len;
	reply = t->dev.handle(t->dev.ctx, qi, t->in, in, t->out, cap);
	if (reply > cap)
		reply = cap;
	for (i = 0; i < nwr && done < reply; i++) {
		n = reply - done < wr[i].len ? reply - done : wr[i].len;
		memcpy(t->mem + wr[i].addr, t->out + done, n);
		done += n;
	}
	*len = (uint32_t)reply;
	return true;
}

/* A queue's setup, read once under t->lock. */
struct vring_q {
	uint64_t	desc, avail, used;
	uint32_t	num;
};

/* 1: the queue is live and sane; 0: nothing to do yet; -1: malformed. */
static int
vring_load(struct vmmio *t, unsigned int qi, struct vring_q *r)
{
	struct vmmio_queue *q = &t->q[qi];
	uint32_t status;
	bool ready;

	pthread_mutex_lock(&t->lock);
	ready = q->ready;
	r->num = q->num;
	r->desc = q->desc;
	r->avail = q->driver;
	r->used = q->device;
	status = t->status;
	pthread_mutex_unlock(&t->lock);
	if (!ready || !(status & VIRTIO_STATUS_DRIVER_OK) ||
	    (status & VIRTIO_STATUS_NEEDS_RESET))
		return 0;
	if (r->num == 0 || r->num > VMMIO_QUEUE_MAX ||
	    (r->num & (r->num - 1)) != 0 ||
	    !mem_ok(t, r->desc, 16 * (uint64_t)r->num, 16) ||
	    !mem_ok(t, r->avail, 6 + 2 * (uint64_t)r->num, 2) ||
	    !mem_ok(t, r->used, 6 + 8 * (uint64_t)r->num, 4))
		return -1;
	return 1;
}

/* Returns head on the used ring with len bytes written. */
static void
vring_use(struct vmmio *t, struct vmmio_queue *q, const struct vring_q *r,
    uint32_t head, uint32_t len)
{
	memcpy(t->mem + r->used + 4 + 8 * (q->used_idx % r->num), &head, 4);
	memcpy(t->mem + r->used + 8 + 8 * (q->used_idx % r->num), &len, 4);
	q->used_idx++;
	store16(t, r->used + 2, q->used_idx);
	q->last_avail++;
}

bool
vring_process(struct vmmio *t, unsigned int qi, bool *used_any)
{
	struct vmmio_queue *q = &t->q[qi];
	struct vring_q r;
	uint32_t head, len;
	uint16_t idx;
	int live;

	if ((live = vring_load(t, qi, &r)) <= 0)
		return live == 0;
	for (;;) {
		idx = load16(t, r.avail + 2);
		if ((uint16_t)(idx - q->last_avail) > r.num)
			return false;		/* more than the ring holds */
		if (idx == q->last_avail)
			return true;
		while (q->last_avail != idx) {
			head = load16(t, r.avail + 4 +
			    2 * (q->last_avail % r.num));
			if (!vring_serve(t, qi, r.desc, r.num, head, &len))
				return false;
			vring_use(t, q, &r, head, len);
			*used_any = true;
		}
	}
}

/* Copies iov into the writable segments wr; false if they are too small. */
static bool
vring_scatter(struct vmmio *t, const struct vring_seg *wr, size_t nwr,
    const struct iovec *iov, size_t niov, uint32_t *len)
{
	size_t i, j = 0, n, seg_off = 0, iov_off, total = 0, cap = 0;

	for (i = 0; i < nwr; i++)
		cap += wr[i].len;
	for (i = 0; i < niov; i++)
		total += iov[i].iov_len;
	if (total > cap)
		return false;
	for (i = 0; i < niov; i++) {
		for (iov_off = 0; iov_off < iov[i].iov_len; iov_off += n) {
			if (seg_off == wr[j].len) {
				j++;
				seg_off = 0;
			}
			n = iov[i].iov_len - iov_off;
			if (n > wr[j].len - seg_off)
				n = wr[j].len - seg_off;
			memcpy(t->mem + wr[j].addr + seg_off,
			    (const uint8_t *)iov[i].iov_base + iov_off, n);
			seg_off += n;
		}
	}
	*len = (uint32_t)total;
	return true;
}

int
vring_push(struct vmmio *t, unsigned int qi, const struct iovec *iov,
    size_t niov)
{
	struct vring_seg rd[VMMIO_QUEUE_MAX], wr[VMMIO_QUEUE_MAX];
	struct vmmio_queue *q = &t->q[qi];
	struct vring_q r;
	size_t nrd, nwr;
	uint32_t head, len = 0;
	uint16_t idx;
	int live, ret = 1;

	if ((live = vring_load(t, qi, &r)) <= 0)
		return live == 0 ? 0 : -EIO;
	idx = load16(t, r.avail + 2);
	if ((uint16_t)(idx - q->last_avail) > r.num)
		return -EIO;
	if (idx == q->last_avail)
		return 0;
	head = load16(t, r.avail + 4 + 2 * (q->last_avail % r.num));
	if (!vring_walk(t, r.desc, r.num, head, rd, &nrd, wr, &nwr) ||
	    nrd != 0)
		return -EIO;
	if (!vring_scatter(t, wr, nwr, iov, niov, &len)) {
		len = 0;
		ret = -ENOSPC;
	}
	vring_use(t, q, &r, head, len);
	return ret;
}
