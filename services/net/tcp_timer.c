/*
 * services/net/tcp_timer.c: TCP's deadlines, served by one kernel task
 * started on first use: it sleeps until the earliest armed deadline (or a
 * kick: tcp_timer_kick() says one moved), then, under inet_lock, fires
 * what is due.  The retransmission timer resends from snd_una with the
 * RTO doubled (120 s at most) and gives up after 6 SYNs (ETIMEDOUT), 5
 * SYN-ACKs (the child goes) or 15 data retransmissions; the persist
 * timer probes a zero window with an out-of-window ACK, which the peer
 * answers with its window, at intervals doubling from the RTO until the
 * window opens (the RTO itself does not grow); TIME_WAIT and an orphan's
 * FIN_WAIT2 end; a delayed ACK goes (tcp_ack.c).  The keepalive timer
 * (SO_KEEPALIVE) probes a connection idle for TCP_KEEPIDLE seconds (7200)
 * with the same out-of-window ACK every TCP_KEEPINTVL (75), while nothing
 * is in flight, and after TCP_KEEPCNT (9) unanswered probes resets it:
 * ETIMEDOUT.
 * Setting a deadline later than the one the task sleeps until costs
 * nothing: the task finds it when it wakes.
 * Locks: inet_lock; the task's queue.
 */
#include <fw/errno.h>
#include <fw/log.h>
#include <fw/task.h>
#include <fw/timer.h>
#include <fw/waitq.h>
#include <stdatomic.h>
#include <svc/lib.h>
#include "tcp.h"

#define TCP_RTO_MAX		120000000000ULL
#define TCP_SYN_RETRIES		6
#define TCP_SYNACK_RETRIES	5
#define TCP_RETRIES2		15

static struct fw_waitq tcp_timer_wq;
static atomic_uint tcp_timer_gen;
static bool tcp_timer_started FW_GUARDED_BY(&inet_lock);
/*
 * The deadline the task sleeps until: no armed deadline is earlier (one
 * that is needs a kick; one moved later or disarmed may leave it early,
 * which costs a scan that finds nothing due).
 */
static uint64_t tcp_timer_next FW_GUARDED_BY(&inet_lock) = FW_NO_DEADLINE;

static void
tcp_rto_fire(struct tcp_cb *cb) FW_REQUIRES(&inet_lock)
{
	uint32_t flight = cb->snd_max - cb->snd_una;
	struct tcp_cb *l = cb->parent;

	cb->retries++;
	if (cb->state == TCP_SYN_RECV && cb->retries > TCP_SYNACK_RETRIES) {
		if (l != NULL)
			l->synlen--;
		cb->parent = NULL;
		cb->orphan = true;
		tcp_set_state(cb, TCP_CLOSE);		/* frees cb */
		return;
	}
	if (cb->retries > (cb->state == TCP_SYN_SENT ? TCP_SYN_RETRIES :
	    TCP_RETRIES2)) {
		/* An ICMP error heard meanwhile says why (Linux's
		 * sk_err_soft). */
		tcp_done(cb, cb->soft_err != 0 ? cb->soft_err : -ETIMEDOUT);
		return;
	}
	cb->ssthresh = MAX(flight / 2, 2 * cb->mss);
	cb->cwnd = cb->mss;
	cb->recovery = false;
	cb->dupacks = 0;
	cb->rto = MIN(cb->rto * 2, TCP_RTO_MAX);
	tcp_retransmit(cb);
	/* tcp_output() armed it if data went; a zero window sent nothing,
	 * and the persist timer it armed watches instead. */
	if (cb->t_rto == 0 && cb->snd_nxt != cb->snd_una)
		tcp_arm_rto(cb);
}

uint64_t
tcp_persist_interval(const struct tcp_cb *cb)
{
	return MIN(cb->rto << cb->backoff, TCP_RTO_MAX);
}

static void
tcp_persist_fire(struct tcp_cb *cb) FW_REQUIRES(&inet_lock)
{
	tcp_send_ctl(cb, TCP_ACK, cb->snd_una - 1);
	cb->backoff = MIN(cb->backoff + 1, 16U);
	cb->t_persist = fw_clock_monotonic() + tcp_persist_interval(cb);
}

#define NS_PER_S	1000000000ULL

static uint64_t
tcp_keep_idle(const struct tcp_cb *cb)
{
	return (uint64_t)(cb->keepidle != 0 ? cb->keepidle : 7200) * NS_PER_S;
}

static bool
tcp_keep_applies(const struct tcp_cb *cb)
{
	return cb->keepalive && cb->state != TCP_CLOSE &&
	    cb->state != TCP_SYN_SENT && cb->state != TCP_LISTEN &&
	    cb->state != TCP_SYN_RECV && cb->state != TCP_TIME_WAIT;
}

void
tcp_keep_arm(struct tcp_cb *cb)
{
	if (!tcp_keep_applies(cb)) {
		cb->t_keep = 0;
		return;
	}
	if (cb->t_rcv == 0)
		cb->t_rcv = fw_clock_monotonic();
	cb->t_keep = cb->t_rcv + tcp_keep_idle(cb);
	tcp_timer_kick(cb->t_keep);
}

static void
tcp_keep_fire(struct tcp_cb *cb, uint64_t now) FW_REQUIRES(&inet_lock)
{
	uint64_t intvl = (uint64_t)(cb->keepintvl != 0 ? cb->keepintvl :
	    75) * NS_PER_S;
	unsigned int cnt = cb->keepcnt != 0 ? (unsigned int)cb->keepcnt : 9;

	if (!tcp_keep_applies(cb))
		return;
	if (cb->snd_max != cb->snd_una || cb->slen > 0) {
		cb->t_keep = now + tcp_keep_idle(cb);	/* the RTO watches */
		return;
	}
	if (now - cb->t_rcv < tcp_keep_idle(cb)) {
		cb->t_keep = cb->t_rcv + tcp_keep_idle(cb);	/* heard from */
		return;
	}
	if (cb->probes >= cnt) {
		tcp_send_ctl(cb, TCP_RST | TCP_ACK, cb->snd_max);
		tcp_done(cb, -ETIMEDOUT);		/* may free cb */
		return;
	}
	tcp_send_ctl(cb, TCP_ACK, cb->snd_una - 1);
	cb->probes++;
	cb->t_keep = now + intvl;
}

/*
 * Fires cb's first due deadline: whether one was.  Firing frees no block
 * but cb (an orphan's end, a SYN_RECV child given up).
 */
static bool
tcp_fire_cb(struct tcp_cb *cb, uint64_t now) FW_REQUIRES(&inet_lock)
{
	if (cb->t_rto != 0 && cb->t_rto <= now) {
		cb->t_rto = 0;
		tcp_rto_fire(cb);			/* may free cb */
	} else if (cb->t_persist != 0 && cb->t_persist <= now) {
		cb->t_persist = 0;
		tcp_persist_fire(cb);
	} else if (cb->t_wait != 0 && cb->t_wait <= now) {
		cb->t_wait = 0;
		if (cb->state == TCP_TIME_WAIT || cb->state == TCP_FIN_WAIT2)
			tcp_set_state(cb, TCP_CLOSE);	/* may free cb */
	} else if (cb->t_delack != 0 && cb->t_delack <= now) {
		cb->t_delack = 0;
		tcp_ack_delack_fire(cb);
	} else if (cb->t_keep != 0 && cb->t_keep <= now) {
		cb->t_keep = 0;
		tcp_keep_fire(cb, now);			/* may free cb */
	} else
		return false;
	return true;
}

/* One pass over the blocks, firing a due deadline of each: whether any. */
static bool
tcp_fire_due(uint64_t now) FW_REQUIRES(&inet_lock)
{
	struct tcp_cb *cb, *next;
	bool fired = false;

	for (cb = tcp_all; cb != NULL; cb = next) {
		next = cb->lnext;
		fired |= tcp_fire_cb(cb, now);
	}
	return fired;
}

/* The earliest armed deadline. */
static uint64_t
tcp_next_deadline(void) FW_REQUIRES(&inet_lock)
{
	uint64_t next = FW_NO_DEADLINE, t[5];
	struct tcp_cb *cb;
	unsigned int i;

	for (cb = tcp_all; cb != NULL; cb = cb->lnext) {
		t[0] = cb->t_rto;
		t[1] = cb->t_persist;
		t[2] = cb->t_wait;
		t[3] = cb->t_delack;
		t[4] = cb->t_keep;
		for (i = 0; i < ARRAY_SIZE(t); i++)
			if (t[i] != 0)
				next = MIN(next, t[i]);
	}
	return next;
}

struct tcp_timer_cond {
	unsigned int	seen;
};

static bool
tcp_timer_kicked(void *arg)
{
	struct tcp_timer_cond *c = arg;

	return atomic_load(&tcp_timer_gen) != c->seen;
}

static void
tcp_timer_task(void *arg)
{
	struct tcp_timer_cond c;
	uint64_t next;

	for (;;) {
		fw_mutex_lock(&inet_lock);
		/* A kick only moved the target closer: nothing is due yet,
		 * and no deadline is earlier than the target, so the blocks
		 * need no scan (connections come and go without one each). */
		if (fw_clock_monotonic() >= tcp_timer_next) {
			while (tcp_fire_due(fw_clock_monotonic()))
				;
			/* What the firing sent is delivered before the next
			 * deadline is taken: the delivery arms deadlines too
			 * (a delayed ACK), and its kicks only compare with
			 * tcp_timer_next. */
			lo_drain();
			tcp_timer_next = tcp_next_deadline();
		}
		next = tcp_timer_next;
		c.seen = atomic_load(&tcp_timer_gen);
		fw_mutex_unlock(&inet_lock);
		if (fw_waitq_wait(&tcp_timer_wq, tcp_timer_kicked, &c, next,
		    false) < 0)
			continue;		/* the deadline */
	}
}

void
tcp_timer_kick(uint64_t deadline)
{
	if (tcp_timer_started && deadline >= tcp_timer_next)
		return;			/* the task wakes before it anyway */
	tcp_timer_next = deadline;
	if (!tcp_timer_started) {
		if (fw_task_spawn(tcp_timer_task, NULL, NULL) < 0) {
			fw_log(FW_LOG_WARN, "tcp: no timer task\n");
			return;
		}
		tcp_timer_started = true;
	}
	atomic_fetch_add(&tcp_timer_gen, 1);
	fw_waitq_wake_all(&tcp_timer_wq);
}
