/*
 * services/net/lo.c: the loopback interface's delivery.  A segment sent
 * to lo is copied (headers and payload) onto one queue and delivered by
 * lo_drain(), which the sender's call runs before it lets go of
 * inet_lock; what delivery sends in turn (an ACK, more data) goes on the
 * same queue, so data, ACK and data never recurse.  Nothing is encoded:
 * segments stay parsed structs and carry no checksum.
 * Locks: inet_lock.
 */
#include <fw/alloc.h>
#include <fw/string.h>
#include "tcp.h"

struct lo_pkt {
	struct lo_pkt	*next;
	struct tcp_seg	 seg;
	uint8_t		 data[];
};

static struct lo_pkt *lo_head FW_GUARDED_BY(&inet_lock);
static struct lo_pkt *lo_tail FW_GUARDED_BY(&inet_lock);
static bool lo_draining FW_GUARDED_BY(&inet_lock);

void
lo_xmit(const struct tcp_seg *seg)
{
	struct lo_pkt *p;

	if ((p = fw_alloc(sizeof(*p) + seg->len)) == NULL)
		return;			/* dropped: the sender retransmits */
	p->next = NULL;
	p->seg = *seg;
	if (seg->len > 0)
		memcpy(p->data, seg->data, seg->len);
	p->seg.data = p->data;
	if (lo_tail != NULL)
		lo_tail->next = p;
	else
		lo_head = p;
	lo_tail = p;
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
	}
	lo_draining = false;
}
