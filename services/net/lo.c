/*
 * services/net/lo.c: the loopback interface's delivery.  A segment sent
 * to lo is copied (headers and payload) onto one queue and delivered by
 * lo_drain(), which the sender's call runs before it lets go of
 * inet_lock; what delivery sends in turn (an ACK, more data) goes on the
 * same queue, so data, ACK and data never recurse.  Nothing is encoded:
 * segments stay parsed structs and carry no checksum.  Boot options can
 * make it lose, duplicate and reorder segments, for tests of TCP.
 * Locks: inet_lock.
 */
#include <fw/alloc.h>
#include <fw/boot.h>
#include <fw/string.h>
#include <svc/lib.h>
#include "ifaddr.h"
#include "tcp.h"

struct lo_pkt {
	struct lo_pkt	*next;
	struct tcp_seg	 seg;
	uint8_t		 data[];
};

static struct lo_pkt *lo_head FW_GUARDED_BY(&inet_lock);
static struct lo_pkt *lo_tail FW_GUARDED_BY(&inet_lock);
static bool lo_draining FW_GUARDED_BY(&inet_lock);

/*
 * Fault injection for tests of TCP's recovery (boot options lo.loss,
 * lo.dup and lo.reorder, in percent of segments; lo.seed): drops,
 * duplicates, or holds a segment back until the next one has gone.
 */
static struct {
	bool		 read;
	unsigned int	 loss, dup, reorder;
	uint64_t	 rng;
	struct lo_pkt	*held;
} lo_faults FW_GUARDED_BY(&inet_lock);

static unsigned int
lo_percent(const char *name)
{
	const char *v = fw_boot_option(name);
	uint64_t n;

	return v != NULL && str_to_u64(v, 10, &n) == 0 && n <= 100 ?
	    (unsigned int)n : 0;
}

/* xorshift64: reproducible from lo.seed. */
static unsigned int
lo_roll(void) FW_REQUIRES(&inet_lock)
{
	uint64_t x = lo_faults.rng;

	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	lo_faults.rng = x;
	return (unsigned int)(x % 100);
}

static void
lo_queue(struct lo_pkt *p) FW_REQUIRES(&inet_lock)
{
	p->next = NULL;
	if (lo_tail != NULL)
		lo_tail->next = p;
	else
		lo_head = p;
	lo_tail = p;
}

static struct lo_pkt *
lo_copy(const struct tcp_seg *seg)
{
	struct lo_pkt *p;

	if ((p = fw_alloc(sizeof(*p) + seg->len)) == NULL)
		return NULL;
	p->seg = *seg;
	if (seg->len > 0)
		memcpy(p->data, seg->data, seg->len);
	p->seg.data = p->data;
	return p;
}

void
lo_xmit(const struct tcp_seg *seg)
{
	struct lo_pkt *p, *d;
	uint64_t seed;
	const char *v;

	if (!lo_faults.read) {
		lo_faults.read = true;
		lo_faults.loss = lo_percent("lo.loss");
		lo_faults.dup = lo_percent("lo.dup");
		lo_faults.reorder = lo_percent("lo.reorder");
		v = fw_boot_option("lo.seed");
		lo_faults.rng = v != NULL && str_to_u64(v, 10, &seed) == 0 &&
		    seed != 0 ? seed : 0x9e3779b97f4a7c15ULL;
	}
	if (lo_faults.loss != 0 && lo_roll() < lo_faults.loss)
		return;
	net_lo_count_locked((inet_is_v4(&seg->src) ? 20 : 40) + 20 + seg->len);
	if ((p = lo_copy(seg)) == NULL)
		return;			/* dropped: the sender retransmits */
	if (lo_faults.reorder != 0 && lo_faults.held == NULL &&
	    lo_roll() < lo_faults.reorder) {
		lo_faults.held = p;	/* goes after the next one */
		return;
	}
	lo_queue(p);
	if (lo_faults.dup != 0 && lo_roll() < lo_faults.dup &&
	    (d = lo_copy(seg)) != NULL)
		lo_queue(d);
	if (lo_faults.held != NULL) {
		lo_queue(lo_faults.held);
		lo_faults.held = NULL;
	}
}

void
lo_drain(void)
{
	struct lo_pkt *p;

	if (lo_draining)
		return;			/* the outermost caller delivers */
	lo_draining = true;
	while ((p = lo_head) != NULL) {
		lo_head = p->next;
		if (lo_head == NULL)
			lo_tail = NULL;
		tcp_input(&p->seg);
		fw_free(p);
		if (lo_head == NULL && lo_faults.held != NULL) {
			/* Nothing came after it: the held one goes now. */
			lo_queue(lo_faults.held);
			lo_faults.held = NULL;
		}
	}
	lo_draining = false;
}
