/*
 * services/net/ip_l4.c: TCP and UDP packets as IPv4 (ip4.c) and IPv6
 * (ip6.c) carry them: a parsed TCP header becomes the segment lo would
 * hand over, a UDP datagram goes to its socket's queue; out, a segment or
 * datagram is encoded (full checksums: the device offers no offloads we
 * take) into a fresh frame, after head bytes left for the Ethernet and IP
 * headers.
 * Locks: inet_lock.
 */
#include <fw/alloc.h>
#include <fw/errno.h>
#include <fw/string.h>
#include <svc/lib.h>
#include "netdev_impl.h"

void
ip_tcp_input(const struct wire_tcp *t, const uint8_t *l4,
    const struct inet_addr *src, const struct inet_addr *dst)
{
	struct tcp_seg seg;

	memset(&seg, 0, sizeof(seg));
	seg.src = *src;
	seg.dst = *dst;
	seg.sport = t->sport;
	seg.dport = t->dport;
	seg.seq = t->seq;
	seg.ack = t->ack;
	seg.flags = t->flags & (TCP_FIN | TCP_SYN | TCP_RST | TCP_PSH |
	    TCP_ACK);
	seg.wnd = t->win;
	seg.mss = t->opt.has_mss ? t->opt.mss : 0;
	seg.wscale = -1;
	if (t->opt.has_wscale)
		seg.wscale = (int8_t)MIN(t->opt.wscale, 14);
	seg.data = l4 + t->off;
	seg.len = t->len;
	tcp_input(&seg);
}

bool
ip_udp_input(const struct wire_udp *u, const uint8_t *l4,
    const struct inet_addr *src, const struct inet_addr *dst)
{
	struct inet_dgram *d;

	if ((d = fw_alloc(sizeof(*d) + u->len)) == NULL)
		return true;		/* dropped, not refused */
	memcpy(d->data, l4 + u->off, u->len);
	d->src = *src;
	d->sport = u->sport;
	d->len = u->len;
	d->charge = u->len + 768;
	if (udp_deliver_locked(d, dst, u->dport) != NULL)
		return true;
	fw_free(d);
	return false;
}

int
ip_tcp_frame(const struct tcp_seg *seg, size_t head,
    const struct wire_pseudo *ph, uint8_t **frame, size_t *plen)
{
	struct wire_csum cs = { WIRE_CSUM_FULL, 0, 0 };
	struct wire_tcp t;
	size_t size;
	int hlen;

	memset(&t, 0, sizeof(t));
	t.sport = seg->sport;
	t.dport = seg->dport;
	t.seq = seg->seq;
	t.ack = seg->ack;
	t.flags = seg->flags;
	t.win = seg->wnd;
	if (seg->flags & TCP_SYN) {
		t.opt.has_mss = seg->mss != 0;
		t.opt.mss = seg->mss;
		t.opt.has_wscale = seg->wscale >= 0;
		t.opt.wscale = (uint8_t)MAX(seg->wscale, 0);
	}
	if ((hlen = wire_tcp_hdr_len(&t.opt)) < 0)
		return hlen;
	size = head + (size_t)hlen + seg->len;
	if ((*frame = fw_alloc(size)) == NULL)
		return -ENOBUFS;
	memcpy(*frame + head + hlen, seg->data, seg->len);
	if (wire_tcp_emit(*frame, size, head, seg->len, &t, ph, &cs) != hlen) {
		fw_free(*frame);
		*frame = NULL;
		return -EINVAL;
	}
	*plen = (size_t)hlen + seg->len;
	return 0;
}

int
ip_udp_frame(uint16_t sport, uint16_t dport, const uint8_t *data,
    size_t len, size_t head, const struct wire_pseudo *ph, uint8_t **frame)
{
	struct wire_csum cs = { WIRE_CSUM_FULL, 0, 0 };
	size_t size = head + WIRE_UDP_LEN + len;
	struct wire_udp u;

	if ((*frame = fw_alloc(size)) == NULL)
		return -ENOBUFS;
	memset(&u, 0, sizeof(u));
	u.sport = sport;
	u.dport = dport;
	memcpy(*frame + head + WIRE_UDP_LEN, data, len);
	if (wire_udp_emit(*frame, size, head, len, &u, ph, &cs) < 0) {
		fw_free(*frame);
		*frame = NULL;
		return -EINVAL;
	}
	return 0;
}
