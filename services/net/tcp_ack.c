/*
 * services/net/tcp_ack.c: when TCP acknowledges what it received
 * (RFC 1122 4.2.3.2, RFC 5681 4.2), deciding as Linux does:
 *  - data after a hole, old data and a hole filled are ACKed at once
 *    (the peer counts duplicate ACKs; it waits for the hole's news);
 *  - a connection's first data, and data after a pause longer than the
 *    RTO, enter quick-ACK mode: up to 16 segments ACKed at once, so slow
 *    start is not held back;
 *  - otherwise an ACK goes once more than a full segment is unACKed,
 *    or when the reader empties the ring, or 40 ms after the data came;
 *  - a connection that answers data within those 40 ms three times is
 *    interactive ("ping-pong"): its ACKs wait to ride on the answer, and
 *    a delayed ACK that fires ends the mode.
 * Any segment that carries an ACK settles what was pending.
 * Locks: inet_lock.
 */
#include <fw/timer.h>
#include <svc/lib.h>
#include "tcp.h"

static bool
tcp_interactive(const struct tcp_cb *cb)
{
	return cb->pingpong >= TCP_PINGPONG;
}

void
tcp_ack_quick(struct tcp_cb *cb)
{
	uint32_t n = cb->mss != 0 ? tcp_rcv_window(cb) / (2 * cb->mss) : 0;

	n = MIN(MAX(n, 2U), (uint32_t)TCP_MAX_QUICKACKS);
	cb->quick = MAX(cb->quick, n);
}

bool
tcp_ack_data(struct tcp_cb *cb)
{
	uint64_t now = fw_clock_monotonic();

	if (cb->t_rcvdata == 0 || now - cb->t_rcvdata > cb->rto)
		tcp_ack_quick(cb);
	cb->t_rcvdata = now;
	if (cb->rcv_nxt - cb->rcv_acked > cb->mss ||
	    (cb->quick > 0 && !tcp_interactive(cb)))
		return true;
	if (cb->t_delack == 0) {
		cb->t_delack = now + TCP_ATO;
		tcp_timer_kick(cb->t_delack);
	}
	return false;
}

void
tcp_ack_sent(struct tcp_cb *cb)
{
	cb->t_delack = 0;
	cb->ack_owed = false;
	cb->rcv_acked = cb->rcv_nxt;
	if (cb->quick > 0)
		cb->quick--;
}

void
tcp_ack_data_sent(struct tcp_cb *cb)
{
	if (cb->t_rcvdata != 0 && cb->pingpong < TCP_PINGPONG &&
	    fw_clock_monotonic() < cb->t_rcvdata + TCP_ATO)
		cb->pingpong++;
}

void
tcp_ack_read(struct tcp_cb *cb)
{
	if (cb->t_delack == 0)
		return;
	if (cb->rcv_nxt - cb->rcv_acked > cb->mss ||
	    (cb->rlen == 0 && !tcp_interactive(cb)))
		tcp_send_ack(cb);
}

void
tcp_ack_delack_fire(struct tcp_cb *cb)
{
	if (cb->state == TCP_CLOSE || cb->state == TCP_LISTEN ||
	    cb->state == TCP_SYN_SENT)
		return;
	cb->pingpong = 0;		/* the answer did not come in time */
	tcp_send_ack(cb);
}

void
tcp_ack_set_quickack(struct tcp_cb *cb, bool on)
{
	if (!on) {
		cb->pingpong = TCP_PINGPONG;
		return;
	}
	cb->pingpong = 0;
	if (cb->t_delack != 0)
		tcp_send_ack(cb);
}
