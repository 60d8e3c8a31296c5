/*
 * services/net/tcp_ooo.c: segments that arrive ahead of a hole.  A copy of
 * each (its data within the receive window, and whether a FIN ends it) is
 * kept in sequence order, at most a window's worth in all; once the hole
 * is filled, what now follows rcv_nxt moves into the ring, overlaps
 * trimmed.  The ACK sent for each such segment repeats rcv_nxt, so the
 * sender's duplicate ACKs start its fast retransmit.
 * Locks: inet_lock.
 */
#include <fw/alloc.h>
#include <fw/string.h>
#include <svc/lib.h>
#include "tcp.h"

struct tcp_ooo {
	struct tcp_ooo	*next;
	uint32_t	 seq;
	size_t		 len;
	bool		 fin;
	uint8_t		 data[];
};

void
tcp_rcv_append(struct tcp_cb *cb, const uint8_t *data, size_t n)
{
	size_t at = (cb->rhead + cb->rlen) % TCP_BUF;
	size_t first = MIN(n, TCP_BUF - at);

	memcpy(cb->rbuf + at, data, first);
	memcpy(cb->rbuf, data + first, n - first);
	cb->rlen += n;
	cb->rcv_nxt += (uint32_t)n;
	cb->st.bytes_received += n;
}

void
tcp_ooo_add(struct tcp_cb *cb, const struct tcp_seg *seg)
{
	uint32_t wnd = tcp_rcv_window(cb), off = seg->seq - cb->rcv_nxt;
	size_t len = seg->len;
	struct tcp_ooo *o, **pp;

	if (off >= wnd || cb->ooo_bytes >= wnd)
		return;
	cb->st.rcv_ooopack++;
	if (len > wnd - off)
		len = wnd - off;	/* the rest is past the window */
	if ((o = fw_alloc(sizeof(*o) + len)) == NULL)
		return;
	o->seq = seg->seq;
	o->len = len;
	o->fin = (seg->flags & TCP_FIN) && len == seg->len;
	memcpy(o->data, seg->data, len);
	for (pp = &cb->ooo; *pp != NULL && tcp_le((*pp)->seq, o->seq);
	    pp = &(*pp)->next)
		;
	o->next = *pp;
	*pp = o;
	cb->ooo_bytes += len;
}

bool
tcp_ooo_drain(struct tcp_cb *cb)
{
	struct tcp_ooo *o;
	uint32_t skip;
	size_t n;
	bool fin = false;

	while ((o = cb->ooo) != NULL && tcp_le(o->seq, cb->rcv_nxt)) {
		cb->ooo = o->next;
		cb->ooo_bytes -= o->len;
		skip = cb->rcv_nxt - o->seq;
		if (skip < o->len) {
			n = MIN(o->len - skip, (size_t)tcp_rcv_window(cb));
			tcp_rcv_append(cb, o->data + skip, n);
			fin = o->fin && skip + n == o->len;
		} else if (skip == o->len && o->fin)
			fin = true;
		fw_free(o);
		if (fin)
			break;
	}
	return fin;
}

void
tcp_ooo_free(struct tcp_cb *cb)
{
	struct tcp_ooo *o;

	while ((o = cb->ooo) != NULL) {
		cb->ooo = o->next;
		fw_free(o);
	}
	cb->ooo_bytes = 0;
}
