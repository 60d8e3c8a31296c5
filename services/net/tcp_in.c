/*
 * services/net/tcp_in.c: a segment arrives (RFC 9293 3.10.7, hardened
 * per RFC 5961): to a listener (a SYN makes a child in SYN_RECV, which
 * joins the accept queue on the handshake's last ACK unless the queue is
 * full), to a connecting socket, or to a synchronized one: sequence check
 * (else an ACK, for a bare segment at most every 500 ms), RST (exact: the connection ends; in the window: a
 * challenge ACK), SYN (a challenge ACK), ACK (the ring gives back what is
 * acknowledged, RTT and congestion window grow, three duplicates
 * retransmit), the in-order data into the ring, the FIN.  Anything for
 * no connection is answered with a RST.
 * Locks: inet_lock.
 */
#include <fw/errno.h>
#include <fw/string.h>
#include <fw/timer.h>
#include <svc/lib.h>
#include "tcp.h"

#define TCP_RTO_MIN	200000000ULL		/* Linux's floor: 200 ms */
#define TCP_RTO_MAX	120000000000ULL
#define TCP_TIMEWAIT	60000000000ULL		/* TCP_TIMEWAIT_LEN */
#define TCP_IW		10			/* RFC 6928 */

static void
tcp_wake(struct tcp_cb *cb, uint32_t events) FW_REQUIRES(&inet_lock)
{
	sock_wake(cb->is->sk, events);
}

/* RFC 6298 2.3, with Linux's 200 ms floor. */
static void
tcp_rtt_sample(struct tcp_cb *cb, uint64_t r) FW_REQUIRES(&inet_lock)
{
	uint64_t d;

	if (cb->srtt == 0) {
		cb->srtt = r;
		cb->rttvar = r / 2;
	} else {
		d = cb->srtt > r ? cb->srtt - r : r - cb->srtt;
		cb->rttvar = (3 * cb->rttvar + d) / 4;
		cb->srtt = (7 * cb->srtt + r) / 8;
	}
	cb->rto = cb->srtt + MAX(4 * cb->rttvar, (uint64_t)1000000);
	cb->rto = MIN(MAX(cb->rto, TCP_RTO_MIN), TCP_RTO_MAX);
}

static void
tcp_established(struct tcp_cb *cb, const struct tcp_seg *seg)
    FW_REQUIRES(&inet_lock)
{
	cb->snd_una = seg->ack;
	cb->snd_wnd = seg->wnd;		/* a SYN's, or scaled by the caller */
	cb->snd_wl1 = seg->seq;
	cb->snd_wl2 = seg->ack;
	cb->t_rto = 0;
	cb->retries = 0;
	cb->cwnd = TCP_IW * cb->mss;
	tcp_set_state(cb, TCP_ESTABLISHED);
	tcp_keep_arm(cb);
}

/* The options of a SYN: MSS and window scale (both ends or neither). */
static void
tcp_syn_options(struct tcp_cb *cb, const struct tcp_seg *seg)
    FW_REQUIRES(&inet_lock)
{
	cb->mss = seg->mss != 0 ? MIN((uint32_t)seg->mss,
	    tcp_route_mss(&cb->is->raddr)) : TCP_MSS_DEFAULT;
	if (seg->wscale >= 0)
		cb->snd_wscale = (uint8_t)MIN(seg->wscale, 14);
	else
		cb->snd_wscale = cb->rcv_wscale = 0;
}

static void
tcp_listen_input(struct tcp_cb *l, const struct tcp_seg *seg)
    FW_REQUIRES(&inet_lock)
{
	struct tcp_cb *c;

	if (seg->flags & TCP_RST)
		return;
	if (seg->flags & TCP_ACK) {
		tcp_send_reset(seg);
		return;
	}
	if (!(seg->flags & TCP_SYN))
		return;
	/* A full accept queue drops the SYN (tcp_conn_request()). */
	if (l->alen > (unsigned int)l->backlog ||
	    l->synlen > (unsigned int)l->backlog + 16)
		return;
	if ((c = tcp_child_new(l, seg)) == NULL)
		return;
	c->irs = seg->seq;
	c->rcv_nxt = seg->seq + 1;
	tcp_syn_options(c, seg);
	c->snd_wnd = seg->wnd;
	c->snd_una = c->iss;
	c->snd_nxt = c->snd_max = c->iss + 1;
	tcp_set_state(c, TCP_SYN_RECV);
	l->synlen++;
	tcp_send_ctl(c, TCP_SYN | TCP_ACK, c->iss);
	tcp_arm_rto(c);
}

static void
tcp_synsent_input(struct tcp_cb *cb, const struct tcp_seg *seg)
    FW_REQUIRES(&inet_lock)
{
	if ((seg->flags & TCP_ACK) && (tcp_le(seg->ack, cb->iss) ||
	    tcp_lt(cb->snd_nxt, seg->ack))) {
		tcp_send_reset(seg);
		return;
	}
	if (seg->flags & TCP_RST) {
		if (seg->flags & TCP_ACK)
			tcp_done(cb, -ECONNREFUSED);
		return;
	}
	if (!(seg->flags & TCP_SYN))
		return;
	cb->irs = seg->seq;
	cb->rcv_nxt = seg->seq + 1;
	tcp_syn_options(cb, seg);
	if (seg->flags & TCP_ACK) {
		tcp_established(cb, seg);
		tcp_send_ack(cb);
		tcp_wake(cb, LINUX_EPOLLOUT | LINUX_EPOLLWRNORM);
		tcp_output(cb);
	} else {
		/* Simultaneous open. */
		tcp_set_state(cb, TCP_SYN_RECV);
		tcp_send_ctl(cb, TCP_SYN | TCP_ACK, cb->iss);
	}
}

/*
 * RFC 9293 3.10.7.4's acceptability test, as Linux's tcp_sequence() makes
 * it: a segment is taken unless it ends before the last ACK we sent
 * (rcv_acked) or starts past our window.  Two points where the RFC's test
 * is stricter, and where it deadlocked lossy transfers:
 *  - a peer that had not heard all we took numbers its ACKs back at our
 *    last acknowledgment as it heard it, not at rcv_nxt;
 *  - with our window shut, a segment at rcv_nxt is still taken for its
 *    ACK and window (the RFC's "special allowance ... to accept valid
 *    ACKs"), and only its data is dropped (tcp_data()).  A peer whose
 *    window is shut too sends its news on such segments alone.
 */
static bool
tcp_seq_ok(const struct tcp_cb *cb, const struct tcp_seg *seg)
    FW_REQUIRES(&inet_lock)
{
	uint32_t len = (uint32_t)seg->len + ((seg->flags & TCP_SYN) ? 1 : 0) +
	    ((seg->flags & TCP_FIN) ? 1 : 0);

	return tcp_le(cb->rcv_acked, seg->seq + len) &&
	    tcp_le(seg->seq, cb->rcv_nxt + tcp_rcv_window(cb));
}

/*
 * Whether to answer a segment that failed tcp_seq_ok() with an ACK.  Data
 * always is; a bare segment at most every TCP_OOW_INTERVAL (Linux's
 * tcp_invalid_ratelimit), or two ends whose ACKs each fall outside the
 * other's window would answer each other for ever.
 */
static bool
tcp_oow_answer(struct tcp_cb *cb, const struct tcp_seg *seg)
    FW_REQUIRES(&inet_lock)
{
	uint64_t now = fw_clock_monotonic();

	if (seg->len > 0 && !(seg->flags & TCP_SYN))
		return true;
	if (cb->t_oow != 0 && now - cb->t_oow < TCP_OOW_INTERVAL)
		return false;
	cb->t_oow = now;
	return true;
}

/* A new acknowledgment: the ring, the RTT, the congestion window. */
static void
tcp_ack(struct tcp_cb *cb, uint32_t ack) FW_REQUIRES(&inet_lock)
{
	uint32_t acked = ack - cb->snd_una, data = acked;
	uint64_t now = fw_clock_monotonic();

	if (cb->fin_sent && tcp_lt(cb->fin_seq, ack))
		data--;				/* the FIN's sequence number */
	data = MIN(data, (uint32_t)cb->slen);
	cb->shead = (cb->shead + data) % TCP_BUF;
	cb->slen -= data;
	cb->snd_una = ack;
	cb->st.bytes_acked += acked;
	if (tcp_lt(cb->snd_nxt, ack))
		cb->snd_nxt = ack;
	if (cb->rtt_on && tcp_lt(cb->rtt_seq, ack)) {
		tcp_rtt_sample(cb, now - cb->rtt_start);
		cb->rtt_on = false;
	}
	cb->retries = 0;
	/* The new deadline may come before the one the timer task sleeps
	 * to (the RTO shrank, or was off while the persist timer ran). */
	cb->t_rto = cb->snd_una == cb->snd_max ? 0 : now + cb->rto;
	if (cb->t_rto != 0)
		tcp_timer_kick(cb->t_rto);
	if (cb->recovery) {
		if (tcp_le(cb->recover, ack)) {
			cb->recovery = false;
			cb->cwnd = cb->ssthresh;
		} else
			tcp_resend_una(cb);	/* NewReno's partial ACK */
	} else if (cb->cwnd < cb->ssthresh)
		cb->cwnd += MIN(acked, 2 * cb->mss);	/* RFC 3465's L */
	else
		cb->cwnd += MAX(cb->mss * cb->mss / cb->cwnd, 1U);
	cb->dupacks = 0;
	tcp_wake(cb, LINUX_EPOLLOUT | LINUX_EPOLLWRNORM);
}

static void
tcp_dupack(struct tcp_cb *cb) FW_REQUIRES(&inet_lock)
{
	uint32_t flight = cb->snd_max - cb->snd_una;

	if (++cb->dupacks != 3 || cb->recovery)
		return;
	cb->ssthresh = MAX(flight / 2, 2 * cb->mss);
	cb->cwnd = cb->ssthresh + 3 * cb->mss;
	cb->recovery = true;
	cb->recover = cb->snd_max;
	tcp_resend_una(cb);
}

/* Takes in-order data into the ring: whether the segment may go on. */
static bool
tcp_data(struct tcp_cb *cb, const struct tcp_seg *seg, bool *ack_now)
    FW_REQUIRES(&inet_lock)
{
	uint32_t off = 0;
	size_t n;

	if (seg->len == 0)
		return true;
	if (tcp_lt(cb->rcv_nxt, seg->seq)) {
		*ack_now = true;	/* a duplicate ACK tells of the hole */
		tcp_ooo_add(cb, seg);	/* ahead of a hole: it waits */
		return false;
	}
	off = cb->rcv_nxt - seg->seq;
	if (off >= seg->len) {
		*ack_now = true;	/* all old: our ACK was lost */
		tcp_ack_quick(cb);
		return true;
	}
	n = MIN(seg->len - off, (size_t)tcp_rcv_window(cb));
	if (n < seg->len - off)
		*ack_now = true;	/* past the window: tell the sender */
	if (n == 0)
		return false;
	tcp_rcv_append(cb, seg->data + off, n);
	/* A hole filled is ACKed at once. */
	if (tcp_ack_data(cb) || cb->ooo != NULL)
		*ack_now = true;
	tcp_wake(cb, LINUX_EPOLLIN | LINUX_EPOLLRDNORM);
	return n == seg->len - off;	/* a FIN past the window waits */
}

static void
tcp_fin(struct tcp_cb *cb) FW_REQUIRES(&inet_lock)
{
	struct sock *sk = cb->is->sk;

	cb->rcv_nxt++;
	cb->fin_rcvd = true;
	atomic_fetch_or(&sk->shut, SOCK_RCV_SHUTDOWN);
	tcp_wake(cb, LINUX_EPOLLIN | LINUX_EPOLLRDNORM | LINUX_EPOLLRDHUP);
	switch (cb->state) {
	case TCP_SYN_RECV:
	case TCP_ESTABLISHED:
		tcp_set_state(cb, TCP_CLOSE_WAIT);
		break;
	case TCP_FIN_WAIT1:
		if (cb->fin_sent && cb->snd_una == cb->snd_nxt) {
			tcp_set_state(cb, TCP_TIME_WAIT);
			cb->t_wait = fw_clock_monotonic() + TCP_TIMEWAIT;
			tcp_timer_kick(cb->t_wait);
		} else
			tcp_set_state(cb, TCP_CLOSING);
		break;
	case TCP_FIN_WAIT2:
		tcp_set_state(cb, TCP_TIME_WAIT);
		cb->t_wait = fw_clock_monotonic() + TCP_TIMEWAIT;
		tcp_timer_kick(cb->t_wait);
		break;
	default:
		break;
	}
}

/* The end of a reset connection (tcp_reset()'s errors). */
static void
tcp_reset_input(struct tcp_cb *cb) FW_REQUIRES(&inet_lock)
{
	struct tcp_cb *l = cb->parent;

	if (cb->state == TCP_SYN_RECV && l != NULL) {
		/* Back to the listener's care: the child just goes. */
		l->synlen--;
		cb->parent = NULL;
		cb->orphan = true;
		tcp_set_state(cb, TCP_CLOSE);	/* frees cb */
		return;
	}
	tcp_done(cb, cb->state == TCP_CLOSE_WAIT ? -EPIPE :
	    cb->state == TCP_TIME_WAIT || cb->state == TCP_LAST_ACK ||
	    cb->state == TCP_CLOSING ? 0 : -ECONNRESET);
}

/* The handshake's last ACK to a child: to the accept queue, if it fits. */
static bool
tcp_synrecv_ack(struct tcp_cb *cb, const struct tcp_seg *seg)
    FW_REQUIRES(&inet_lock)
{
	struct tcp_cb *l = cb->parent;

	if (tcp_le(seg->ack, cb->snd_una) || tcp_lt(cb->snd_nxt, seg->ack)) {
		tcp_send_reset(seg);
		return false;
	}
	if (l != NULL && l->alen > (unsigned int)l->backlog)
		return false;		/* full: dropped, the SYN-ACK resent */
	tcp_established(cb, seg);
	cb->snd_wnd = (uint32_t)seg->wnd << cb->snd_wscale;
	if (l != NULL) {
		l->synlen--;
		cb->anext = NULL;
		if (l->atail != NULL)
			l->atail->anext = cb;
		else
			l->ahead = cb;
		l->atail = cb;
		l->alen++;
		tcp_wake(l, LINUX_EPOLLIN | LINUX_EPOLLRDNORM);
	}
	return true;
}

static void
tcp_sync_input(struct tcp_cb *cb, const struct tcp_seg *seg)
    FW_REQUIRES(&inet_lock)
{
	uint32_t wnd = (uint32_t)seg->wnd << cb->snd_wscale, una = cb->snd_una;
	bool ack_now = false;

	if (cb->state == TCP_SYN_RECV && (seg->flags & TCP_SYN) &&
	    seg->seq == cb->irs) {
		tcp_send_ctl(cb, TCP_SYN | TCP_ACK, cb->iss);	/* resent SYN */
		return;
	}
	if (!tcp_seq_ok(cb, seg)) {
		if (!(seg->flags & TCP_RST) && tcp_oow_answer(cb, seg))
			tcp_send_ack(cb);
		return;
	}
	if (seg->flags & TCP_RST) {
		if (seg->seq == cb->rcv_nxt)
			tcp_reset_input(cb);
		else
			tcp_send_ack(cb);	/* challenge */
		return;
	}
	if (seg->flags & TCP_SYN) {
		tcp_send_ack(cb);		/* challenge */
		return;
	}
	if (!(seg->flags & TCP_ACK))
		return;
	if (cb->state == TCP_SYN_RECV) {
		if (!tcp_synrecv_ack(cb, seg))
			return;
	} else if (tcp_lt(cb->snd_max, seg->ack)) {
		tcp_send_ack(cb);
		return;
	} else if (tcp_lt(cb->snd_una, seg->ack))
		tcp_ack(cb, seg->ack);
	else if (seg->ack == cb->snd_una && seg->len == 0 &&
	    !(seg->flags & TCP_FIN) && wnd == cb->snd_wnd &&
	    cb->snd_max != cb->snd_una)
		tcp_dupack(cb);
	/* RFC 9293's window update, and as in Linux's
	 * tcp_may_update_window() any segment whose ACK is new: a
	 * retransmission of old data carries the peer's current window. */
	if (tcp_lt(una, seg->ack) || tcp_lt(cb->snd_wl1, seg->seq) ||
	    (cb->snd_wl1 == seg->seq && tcp_le(cb->snd_wl2, seg->ack))) {
		cb->snd_wnd = wnd;
		cb->snd_wl1 = seg->seq;
		cb->snd_wl2 = seg->ack;
		if (wnd > 0) {
			cb->t_persist = 0;
			cb->backoff = 0;
		}
	}
	/* Our FIN acknowledged. */
	if (cb->fin_sent && tcp_lt(cb->fin_seq, cb->snd_una)) {
		switch (cb->state) {
		case TCP_FIN_WAIT1:
			tcp_set_state(cb, TCP_FIN_WAIT2);
			if (cb->orphan) {
				cb->t_wait = fw_clock_monotonic() +
				    TCP_TIMEWAIT;
				tcp_timer_kick(cb->t_wait);
			}
			break;
		case TCP_CLOSING:
			tcp_set_state(cb, TCP_TIME_WAIT);
			cb->t_wait = fw_clock_monotonic() + TCP_TIMEWAIT;
			tcp_timer_kick(cb->t_wait);
			return;
		case TCP_LAST_ACK:
			tcp_done(cb, 0);		/* may free cb */
			return;
		default:
			break;
		}
	}
	if (cb->state == TCP_TIME_WAIT) {
		if (seg->flags & TCP_FIN) {
			tcp_send_ack(cb);
			cb->t_wait = fw_clock_monotonic() + TCP_TIMEWAIT;
		}
		return;
	}
	if (cb->state == TCP_ESTABLISHED || cb->state == TCP_FIN_WAIT1 ||
	    cb->state == TCP_FIN_WAIT2) {
		if (seg->len > 0 && cb->orphan &&
		    tcp_lt(cb->rcv_nxt, seg->seq + (uint32_t)seg->len)) {
			/* New data for a closed socket: a reset (RFC 2525);
			 * a duplicate of old data is only ACKed. */
			tcp_send_ctl(cb, TCP_RST, cb->snd_max);
			tcp_done(cb, -ECONNRESET);	/* frees cb */
			return;
		}
		if (!tcp_data(cb, seg, &ack_now))
			goto ack;
		if (cb->ooo != NULL && tcp_ooo_drain(cb) && !cb->fin_rcvd) {
			tcp_fin(cb);		/* a FIN that waited */
			ack_now = true;
		}
	}
	if ((seg->flags & TCP_FIN) && !cb->fin_rcvd &&
	    seg->seq + (uint32_t)seg->len == cb->rcv_nxt) {
		tcp_fin(cb);
		ack_now = true;
	}
	/* Data going out carries the ACK; a bare one goes if it did not. */
	if (ack_now)
		cb->ack_owed = true;
	tcp_output(cb);
	if (cb->ack_owed)
		tcp_send_ack(cb);
	return;
ack:
	if (ack_now)
		tcp_send_ack(cb);
}

void
tcp_input(const struct tcp_seg *seg)
{
	struct inet_sock *is;
	struct tcp_cb *cb;

	is = inet_port_lookup_locked(LINUX_IPPROTO_TCP, &seg->src, seg->sport,
	    &seg->dst, seg->dport);
	if (is == NULL || (cb = is->tcp) == NULL || cb->state == TCP_CLOSE) {
		tcp_send_reset(seg);
		return;
	}
	cb->st.segs_in++;
	if (seg->len > 0)
		cb->st.data_segs_in++;
	cb->t_rcv = fw_clock_monotonic();
	cb->probes = 0;
	switch (cb->state) {
	case TCP_LISTEN:
		tcp_listen_input(cb, seg);
		break;
	case TCP_SYN_SENT:
		tcp_synsent_input(cb, seg);
		break;
	default:
		tcp_sync_input(cb, seg);
	}
}

void
tcp_err(struct tcp_cb *cb, int err, bool hard, uint32_t seq)
{
	if (cb->state == TCP_LISTEN || cb->state == TCP_CLOSE ||
	    tcp_lt(seq, cb->snd_una) || tcp_lt(cb->snd_max, seq))
		return;
	if (hard && cb->state == TCP_SYN_SENT)
		tcp_done(cb, err);			/* connect fails */
	else
		cb->soft_err = err;
}
