/*
 * services/net/ip_frag.c: reassembly of IPv4 and IPv6 fragments (RFC 791
 * 3.2, RFC 8200 4.5).  A datagram's fragments wait in a queue keyed by
 * family, addresses, identification and protocol, kept in order of
 * offset; a duplicate is ignored, any other overlap drops the whole
 * datagram (RFC 5722, as Linux does for both families).  Queues die 30 s
 * after their first fragment (Linux's ipfrag_time), checked as fragments
 * come; all of them together hold at most 4 MiB (ipfrag_high_thresh),
 * past which new fragments are dropped.  A datagram may not pass 65535
 * bytes of payload.
 * Locks: inet_lock.
 */
#include <fw/alloc.h>
#include <fw/string.h>
#include <fw/timer.h>
#include <svc/lib.h>
#include "netdev_impl.h"

#define FRAG_TIMEOUT	30000000000ULL
#define FRAG_MEM_MAX	((size_t)4 << 20)
#define FRAG_MAX_LEN	65535

struct frag {
	struct frag	*next;
	size_t		 off, len;
	uint8_t		 data[];
};

struct frag_q {
	struct frag_q	*next;
	uint8_t		 family, proto;
	uint8_t		 src[16], dst[16];
	uint32_t	 id;
	uint64_t	 expires;
	size_t		 total;		/* known once the last came, else 0 */
	struct frag	*frags;		/* by offset, none overlapping */
};

static struct frag_q *frag_queues FW_GUARDED_BY(&inet_lock);
static size_t frag_mem FW_GUARDED_BY(&inet_lock);

static void
frag_q_free(struct frag_q **pp) FW_REQUIRES(&inet_lock)
{
	struct frag_q *q = *pp;
	struct frag *f;

	*pp = q->next;
	while ((f = q->frags) != NULL) {
		q->frags = f->next;
		frag_mem -= sizeof(*f) + f->len;
		fw_free(f);
	}
	frag_mem -= sizeof(*q);
	fw_free(q);
}

/* Drops the queues whose time is up. */
static void
frag_expire(uint64_t now) FW_REQUIRES(&inet_lock)
{
	struct frag_q **pp = &frag_queues;

	while (*pp != NULL) {
		if ((*pp)->expires <= now)
			frag_q_free(pp);
		else
			pp = &(*pp)->next;
	}
}

static struct frag_q **
frag_find(const struct ip_frag_key *k) FW_REQUIRES(&inet_lock)
{
	struct frag_q **pp;

	for (pp = &frag_queues; *pp != NULL; pp = &(*pp)->next) {
		struct frag_q *q = *pp;

		if (q->family == k->family && q->proto == k->proto &&
		    q->id == k->id && memcmp(q->src, k->src, 16) == 0 &&
		    memcmp(q->dst, k->dst, 16) == 0)
			return pp;
	}
	return NULL;
}

static struct frag_q **
frag_new(const struct ip_frag_key *k, uint64_t now) FW_REQUIRES(&inet_lock)
{
	struct frag_q *q;

	if (frag_mem + sizeof(*q) > FRAG_MEM_MAX ||
	    (q = fw_zalloc(1, sizeof(*q))) == NULL)
		return NULL;
	q->family = k->family;
	q->proto = k->proto;
	q->id = k->id;
	memcpy(q->src, k->src, 16);
	memcpy(q->dst, k->dst, 16);
	q->expires = now + FRAG_TIMEOUT;
	q->next = frag_queues;
	frag_queues = q;
	frag_mem += sizeof(*q);
	return &frag_queues;
}

/* Where the fragments so far end. */
static size_t
frag_end(const struct frag_q *q)
{
	const struct frag *f;
	size_t end = 0;

	for (f = q->frags; f != NULL; f = f->next)
		end = f->off + f->len;		/* the last is the furthest */
	return end;
}

/* Puts the fragment in place: 0, 1 (a duplicate), or -1 (an overlap). */
static int
frag_insert(struct frag_q *q, size_t off, const uint8_t *data, size_t len)
    FW_REQUIRES(&inet_lock)
{
	struct frag **pp, *f;

	for (pp = &q->frags; *pp != NULL; pp = &(*pp)->next) {
		f = *pp;
		if (f->off == off && f->len == len)
			return memcmp(f->data, data, len) == 0 ? 1 : -1;
		if (off < f->off + f->len && f->off < off + len)
			return -1;
		if (off < f->off)
			break;
	}
	if (frag_mem + sizeof(*f) + len > FRAG_MEM_MAX ||
	    (f = fw_alloc(sizeof(*f) + len)) == NULL)
		return 1;			/* dropped, as if lost */
	f->off = off;
	f->len = len;
	memcpy(f->data, data, len);
	f->next = *pp;
	*pp = f;
	frag_mem += sizeof(*f) + len;
	return 0;
}

/* The whole payload, if every byte up to the total is there. */
static uint8_t *
frag_join(const struct frag_q *q)
{
	const struct frag *f;
	size_t at = 0;
	uint8_t *buf;

	for (f = q->frags; f != NULL; f = f->next) {
		if (f->off != at)
			return NULL;		/* a hole */
		at += f->len;
	}
	if (at != q->total || (buf = fw_alloc(q->total)) == NULL)
		return NULL;
	for (f = q->frags; f != NULL; f = f->next)
		memcpy(buf + f->off, f->data, f->len);
	return buf;
}

uint8_t *
ip_frag_input(const struct ip_frag_key *k, size_t off, bool mf,
    const uint8_t *data, size_t len, size_t *wlen)
{
	uint64_t now = fw_clock_monotonic();
	struct frag_q **pp, *q;
	uint8_t *whole;

	frag_expire(now);
	if ((mf && (len == 0 || len % 8 != 0)) || off + len > FRAG_MAX_LEN)
		return NULL;			/* malformed: dropped */
	if ((pp = frag_find(k)) == NULL && (pp = frag_new(k, now)) == NULL)
		return NULL;
	q = *pp;
	if (!mf) {
		if ((q->total != 0 && q->total != off + len) ||
		    off + len < frag_end(q)) {
			frag_q_free(pp);	/* two different ends */
			return NULL;
		}
		q->total = off + len;
	} else if (q->total != 0 && off + len > q->total) {
		frag_q_free(pp);		/* past the end */
		return NULL;
	}
	switch (frag_insert(q, off, data, len)) {
	case -1:
		frag_q_free(pp);
		return NULL;
	case 1:
		return NULL;
	default:
		break;
	}
	if (q->total == 0 || (whole = frag_join(q)) == NULL)
		return NULL;
	*wlen = q->total;
	frag_q_free(pp);
	return whole;
}
