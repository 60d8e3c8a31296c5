/*
 * services/net/tcp_out.c: what TCP sends (tcp.h).  tcp_output() sends
 * queued data while the peer's window and the congestion window allow,
 * holding back a short segment while data is unacknowledged (Nagle,
 * unless TCP_NODELAY) or corked, then the FIN once all data has gone.
 * A zero window arms the persist timer.  A segment that carries an ACK
 * settles a pending one (tcp_ack.c).  Segments go to lo (lo_xmit()) or
 * out through the device (ip4.c), as the route says.
 * Locks: inet_lock.
 */
#include <fw/alloc.h>
#include <fw/string.h>
#include <fw/timer.h>
#include <svc/lib.h>
#include "netdev_impl.h"
#include "tcp.h"

/*
 * The window we advertise, scaled for the wire; rcv_wup is the edge the
 * peer learns, the scale's rounding taken off (a few bytes of room read
 * as a zero window there, so the next read must announce its window).
 */
static uint16_t
tcp_wire_window(struct tcp_cb *cb, bool syn)
{
	uint32_t w = tcp_rcv_window(cb), wire;

	if (syn)
		wire = MIN(w, 65535U);			/* a SYN's: unscaled */
	else
		wire = MIN(w >> cb->rcv_wscale, 65535U);
	cb->rcv_wup = cb->rcv_nxt + (syn ? wire : wire << cb->rcv_wscale);
	return (uint16_t)wire;
}

static void
tcp_seg_init(struct tcp_cb *cb, struct tcp_seg *s, uint8_t flags,
    uint32_t seq) FW_REQUIRES(&inet_lock)
{
	struct inet_sock *is = cb->is;

	memset(s, 0, sizeof(*s));
	s->src = is->laddr;
	s->dst = is->raddr;
	s->sport = is->lport;
	s->dport = is->rport;
	s->seq = seq;
	s->flags = flags;
	s->wscale = -1;
	cb->st.segs_out++;
	if (flags & TCP_ACK) {
		s->ack = cb->rcv_nxt;
		tcp_ack_sent(cb);
	}
	s->wnd = tcp_wire_window(cb, (flags & TCP_SYN) != 0);
	if (flags & TCP_SYN) {
		s->mss = (uint16_t)tcp_route_mss(&is->raddr);
		s->wscale = (int8_t)cb->rcv_wscale;
	}
}

uint32_t
tcp_route_mss(const struct inet_addr *dst)
{
	unsigned int mtu = 65536;

	if (net_route(dst, NULL, &mtu) < 0 || mtu >= 65536)
		return TCP_MSS_LO;
	/* Less the IP and TCP headers. */
	return mtu - (inet_is_v4(dst) ? 40 : 60);
}

/* A segment on its way: lo, or the device. */
void
tcp_xmit(const struct tcp_seg *s)
{
	if (net_route(&s->dst, NULL, NULL) != NET_ROUTE_ETH)
		lo_xmit(s);
	else if (inet_is_v4(&s->dst))
		ip4_output_tcp(s);
	else
		ip6_output_tcp(s);
}

void
tcp_send_ctl(struct tcp_cb *cb, uint8_t flags, uint32_t seq)
{
	struct tcp_seg s;

	tcp_seg_init(cb, &s, flags, seq);
	tcp_xmit(&s);
}

void
tcp_send_reset(const struct tcp_seg *in)
{
	struct tcp_seg s;

	if (in->flags & TCP_RST)
		return;
	memset(&s, 0, sizeof(s));
	s.src = in->dst;
	s.dst = in->src;
	s.sport = in->dport;
	s.dport = in->sport;
	s.wscale = -1;
	if (in->flags & TCP_ACK) {
		s.seq = in->ack;
		s.flags = TCP_RST;
	} else {
		s.ack = in->seq + (uint32_t)in->len +
		    ((in->flags & TCP_SYN) ? 1 : 0) +
		    ((in->flags & TCP_FIN) ? 1 : 0);
		s.flags = TCP_RST | TCP_ACK;
	}
	tcp_xmit(&s);
}

void
tcp_arm_rto(struct tcp_cb *cb)
{
	cb->t_rto = fw_clock_monotonic() + cb->rto;
	tcp_timer_kick(cb->t_rto);
}

/* Sends len bytes of the ring from sequence seq (within snd_una..). */
static void
tcp_send_data(struct tcp_cb *cb, uint32_t seq, size_t len, bool psh)
    FW_REQUIRES(&inet_lock)
{
	size_t off = (cb->shead + (seq - cb->snd_una)) % TCP_BUF;
	size_t first = MIN(len, TCP_BUF - off);
	struct tcp_seg s;
	uint8_t *tmp = NULL;

	tcp_seg_init(cb, &s, TCP_ACK | (psh ? TCP_PSH : 0), seq);
	if (first == len)
		s.data = cb->sbuf + off;
	else {
		/* Wrapped: lo copies anyway, so join the two parts. */
		if ((tmp = fw_alloc(len)) == NULL)
			return;		/* as if lost: the RTO resends it */
		memcpy(tmp, cb->sbuf + off, first);
		memcpy(tmp + first, cb->sbuf, len - first);
		s.data = tmp;
	}
	s.len = len;
	tcp_xmit(&s);
	fw_free(tmp);
	cb->st.data_segs_out++;
	cb->st.bytes_sent += len;
	if (tcp_lt(seq, cb->snd_max)) {
		cb->st.total_retrans++;
		cb->st.bytes_retrans += len;
	} else
		tcp_ack_data_sent(cb);
}

void
tcp_output(struct tcp_cb *cb)
{
	uint32_t wnd, flight, inflight_data, usable;
	size_t unsent, n;
	bool first;

	if (cb->state != TCP_ESTABLISHED && cb->state != TCP_CLOSE_WAIT &&
	    cb->state != TCP_FIN_WAIT1 && cb->state != TCP_CLOSING &&
	    cb->state != TCP_LAST_ACK)
		return;
	for (;;) {
		flight = cb->snd_nxt - cb->snd_una;
		inflight_data = flight - (cb->fin_sent &&
		    tcp_lt(cb->fin_seq, cb->snd_nxt) ? 1 : 0);
		unsent = cb->slen > inflight_data ? cb->slen - inflight_data :
		    0;
		if (unsent == 0)
			break;
		wnd = MIN(cb->snd_wnd, cb->cwnd);
		usable = wnd > flight ? wnd - flight : 0;
		n = MIN(unsent, (size_t)usable);
		n = MIN(n, (size_t)cb->mss);
		if (n == 0) {
			if (cb->snd_wnd == 0 && cb->t_persist == 0 &&
			    flight == 0) {
				cb->t_persist = fw_clock_monotonic() +
				    tcp_persist_interval(cb);
				tcp_timer_kick(cb->t_persist);
			}
			break;
		}
		/* Nagle, and TCP_CORK: no short segment while data flies. */
		if (n < cb->mss && n == unsent &&
		    ((!cb->nodelay && flight > 0) || cb->cork))
			break;
		tcp_send_data(cb, cb->snd_nxt, n, n == unsent);
		if (!cb->rtt_on) {
			cb->rtt_on = true;
			cb->rtt_seq = cb->snd_nxt;
			cb->rtt_start = fw_clock_monotonic();
		}
		cb->snd_nxt += (uint32_t)n;
		if (tcp_lt(cb->snd_max, cb->snd_nxt))
			cb->snd_max = cb->snd_nxt;
		if (cb->t_rto == 0)
			tcp_arm_rto(cb);
	}
	/* The FIN follows the data: the first time, or again after a go-back
	 * (snd_nxt back at it). */
	if (cb->fin_queued && cb->snd_nxt - cb->snd_una == cb->slen &&
	    (!cb->fin_sent || cb->snd_nxt == cb->fin_seq)) {
		first = !cb->fin_sent;
		cb->fin_seq = cb->snd_nxt;
		cb->fin_sent = true;
		tcp_send_ctl(cb, TCP_FIN | TCP_ACK, cb->snd_nxt);
		cb->snd_nxt++;
		if (tcp_lt(cb->snd_max, cb->snd_nxt))
			cb->snd_max = cb->snd_nxt;
		if (first && cb->state == TCP_ESTABLISHED)
			tcp_set_state(cb, TCP_FIN_WAIT1);
		else if (first && cb->state == TCP_CLOSE_WAIT)
			tcp_set_state(cb, TCP_LAST_ACK);
		if (cb->t_rto == 0)
			tcp_arm_rto(cb);
	}
}

/*
 * A bare ACK's number (Linux's tcp_acceptable_seq()): snd_max, unless
 * the peer's window shrank below it; then the window's end, which the
 * peer takes.  A window short of snd_max by less than the peer's scale
 * unit is the peer's rounding, not a shrink: it still holds snd_max,
 * and the window's end could be below the last ACK it sent, which it
 * would refuse.
 */
void
tcp_send_ack(struct tcp_cb *cb)
{
	uint32_t end = cb->snd_una + cb->snd_wnd;

	tcp_send_ctl(cb, TCP_ACK, tcp_le(cb->snd_max, end) ||
	    (cb->snd_wnd > 0 && cb->snd_max - end < 1U << cb->snd_wscale) ?
	    cb->snd_max : end);
}

void
tcp_retransmit(struct tcp_cb *cb)
{
	switch (cb->state) {
	case TCP_SYN_SENT:
		tcp_send_ctl(cb, TCP_SYN, cb->iss);
		break;
	case TCP_SYN_RECV:
		tcp_send_ctl(cb, TCP_SYN | TCP_ACK, cb->iss);
		break;
	default:
		/* Go back to the oldest unacknowledged byte; an unACKed FIN
		 * goes again after the data (tcp_output()), keeping its
		 * sequence number, and the state it moved to stays. */
		cb->snd_nxt = cb->snd_una;
		cb->rtt_on = false;		/* Karn */
		/* The oldest segment goes whole, as Linux resends it, even
		 * past a window the peer shrank (or rounded down): the
		 * peer may hold all of it, and a part of it, ending before
		 * the peer's last ACK, would be refused with its news. */
		if (cb->snd_wnd > 0 && cb->slen > 0)
			cb->snd_nxt += tcp_resend_una(cb);
		tcp_output(cb);
	}
}

uint32_t
tcp_resend_una(struct tcp_cb *cb)
{
	/* Only bytes sent before: never past snd_max (a FIN there is not
	 * in the ring, so slen bounds it). */
	size_t n = MIN(MIN(cb->slen, (size_t)(cb->snd_max - cb->snd_una)),
	    (size_t)cb->mss);

	if (n > 0)
		tcp_send_data(cb, cb->snd_una, n, n == cb->slen);
	else if (cb->fin_sent && cb->snd_una == cb->fin_seq)
		tcp_send_ctl(cb, TCP_FIN | TCP_ACK, cb->fin_seq);
	return (uint32_t)n;
}
