/*
 * services/net/tcp_opt.c: the SOL_TCP options (tcp(7)) and TCP_INFO, and
 * what TCP does when a SOL_SOCKET option changes (SO_KEEPALIVE).  Other
 * levels go to inet_sockopt.c.
 * Locks: inet_lock; the socket's lock (alone) to read its flags.
 */
#include <fw/errno.h>
#include <fw/string.h>
#include <fw/timer.h>
#include <svc/lib.h>
#include "netdev_impl.h"
#include "tcp.h"

#define LINUX_SOL_TCP		6
#define LINUX_TCP_NODELAY	1
#define LINUX_TCP_MAXSEG	2
#define LINUX_TCP_CORK		3
#define LINUX_TCP_KEEPIDLE	4
#define LINUX_TCP_KEEPINTVL	5
#define LINUX_TCP_KEEPCNT	6
#define LINUX_TCP_INFO		11
#define LINUX_TCP_QUICKACK	12
#define LINUX_TCP_CONGESTION	13
#define LINUX_SO_KEEPALIVE	9
#define TCP_INFO_LEN		232	/* through tcpi_snd_wnd (Linux 5.4) */
#define TCPI_OPT_WSCALE		4

static void
put32(uint8_t *v, size_t off, uint32_t x)
{
	memcpy(v + off, &x, sizeof(x));
}

static void
put64(uint8_t *v, size_t off, uint64_t x)
{
	memcpy(v + off, &x, sizeof(x));
}

static uint32_t
ms_since(uint64_t t, uint64_t now)
{
	return t == 0 ? 0 : (uint32_t)MIN((now - t) / 1000000, UINT32_MAX);
}

/* struct tcp_info (uapi/linux/tcp.h), at its byte offsets. */
static void
tcp_info_fill(struct tcp_cb *cb, uint8_t *v) FW_REQUIRES(&inet_lock)
{
	uint64_t now = fw_clock_monotonic();
	uint32_t inflight = cb->snd_max - cb->snd_una;
	unsigned int mtu = 65536;		/* lo's, and no route's */
	uint32_t unsent;

	memset(v, 0, TCP_INFO_LEN);
	v[0] = (uint8_t)cb->state;
	v[1] = cb->recovery ? 3 : 0;			/* ca_state */
	v[2] = (uint8_t)MIN(cb->retries, 255U);		/* retransmits */
	v[3] = (uint8_t)MIN(cb->probes, 255U);		/* probes */
	v[4] = (uint8_t)MIN(cb->backoff, 255U);		/* backoff */
	if (cb->snd_wscale != 0 || cb->rcv_wscale != 0) {
		v[5] = TCPI_OPT_WSCALE;
		v[6] = (uint8_t)(cb->snd_wscale | cb->rcv_wscale << 4);
	}
	put32(v, 8, (uint32_t)(cb->rto / 1000));	/* rto, µs */
	put32(v, 12, (uint32_t)(TCP_ATO / 1000));	/* ato */
	put32(v, 16, cb->mss);				/* snd_mss */
	put32(v, 20, cb->mss);				/* rcv_mss */
	put32(v, 24, cb->mss != 0 ? (inflight + cb->mss - 1) / cb->mss :
	    0);						/* unacked */
	put32(v, 52, ms_since(cb->t_rcvdata, now));	/* last_data_recv */
	put32(v, 56, ms_since(cb->t_rcv, now));		/* last_ack_recv */
	(void)net_route(&cb->is->raddr, NULL, &mtu);
	if (inet_is_v4(&cb->is->raddr))
		mtu = MIN(mtu, 65535U);		/* IPv4's longest packet */
	put32(v, 60, mtu);				/* pmtu */
	put32(v, 64, tcp_rcv_window(cb));		/* rcv_ssthresh */
	put32(v, 68, (uint32_t)(cb->srtt / 1000));	/* rtt */
	put32(v, 72, (uint32_t)(cb->rttvar / 1000));	/* rttvar */
	put32(v, 76, cb->ssthresh);			/* snd_ssthresh */
	put32(v, 80, cb->mss != 0 ? cb->cwnd / cb->mss : 0);	/* snd_cwnd */
	put32(v, 84, tcp_route_mss(&cb->is->raddr));	/* advmss */
	put32(v, 88, 3);				/* reordering */
	put32(v, 96, tcp_rcv_window(cb));		/* rcv_space */
	put32(v, 100, cb->st.total_retrans);
	put64(v, 104, UINT64_MAX);			/* pacing_rate */
	put64(v, 112, UINT64_MAX);			/* max_pacing_rate */
	put64(v, 120, cb->st.bytes_acked);
	put64(v, 128, cb->st.bytes_received);
	put32(v, 136, cb->st.segs_out);
	put32(v, 140, cb->st.segs_in);
	unsent = (uint32_t)cb->slen - MIN((uint32_t)cb->slen,
	    cb->snd_nxt - cb->snd_una);
	put32(v, 144, unsent);				/* notsent_bytes */
	put32(v, 148, (uint32_t)(cb->srtt / 1000));	/* min_rtt, about */
	put32(v, 152, cb->st.data_segs_in);
	put32(v, 156, cb->st.data_segs_out);
	put64(v, 200, cb->st.bytes_sent);
	put64(v, 208, cb->st.bytes_retrans);
	put32(v, 224, cb->st.rcv_ooopack);
	put32(v, 228, cb->snd_wnd);
}

int
tcp_setsockopt(struct sock *sk, int level, int name, const uint8_t *val,
    size_t len)
{
	struct tcp_cb *cb = tcp_of(sk);
	int32_t v;
	int err = 0;

	if (level != LINUX_SOL_TCP)
		return inet_setsockopt(sk, level, name, val, len);
	if (len < sizeof(v))
		return -EINVAL;
	memcpy(&v, val, sizeof(v));
	fw_mutex_lock(&inet_lock);
	switch (name) {
	case LINUX_TCP_NODELAY:
		cb->nodelay = v != 0;
		if (cb->nodelay)
			tcp_output(cb);
		break;
	case LINUX_TCP_CORK:
		cb->cork = v != 0;
		if (!cb->cork)
			tcp_output(cb);
		break;
	case LINUX_TCP_KEEPIDLE:
	case LINUX_TCP_KEEPINTVL:
	case LINUX_TCP_KEEPCNT:
		if (v < 1 || v > 32767 ||
		    (name == LINUX_TCP_KEEPCNT && v > 127))
			err = -EINVAL;
		else if (name == LINUX_TCP_KEEPIDLE) {
			cb->keepidle = v;
			tcp_keep_arm(cb);	/* from the last heard */
		} else if (name == LINUX_TCP_KEEPINTVL)
			cb->keepintvl = v;
		else
			cb->keepcnt = v;
		break;
	case LINUX_TCP_MAXSEG:
		if (v != 0 && (v < 88 || v > 65535))
			err = -EINVAL;
		break;
	case LINUX_TCP_QUICKACK:
		tcp_ack_set_quickack(cb, v != 0);
		break;
	default:
		err = -ENOPROTOOPT;
	}
	lo_drain();
	fw_mutex_unlock(&inet_lock);
	return err;
}

int
tcp_getsockopt(struct sock *sk, int level, int name, uint8_t *val,
    size_t *len)
{
	struct tcp_cb *cb = tcp_of(sk);
	int32_t v = 0;
	int err = 0;

	if (level != LINUX_SOL_TCP)
		return inet_getsockopt(sk, level, name, val, len);
	fw_mutex_lock(&inet_lock);
	switch (name) {
	case LINUX_TCP_NODELAY:
		v = cb->nodelay;
		break;
	case LINUX_TCP_CORK:
		v = cb->cork;
		break;
	case LINUX_TCP_MAXSEG:
		v = (int32_t)(cb->state == TCP_CLOSE ? TCP_MSS_DEFAULT :
		    cb->mss);
		break;
	case LINUX_TCP_KEEPIDLE:
		v = cb->keepidle != 0 ? cb->keepidle : 7200;
		break;
	case LINUX_TCP_KEEPINTVL:
		v = cb->keepintvl != 0 ? cb->keepintvl : 75;
		break;
	case LINUX_TCP_KEEPCNT:
		v = cb->keepcnt != 0 ? cb->keepcnt : 9;
		break;
	case LINUX_TCP_QUICKACK:
		v = cb->pingpong < TCP_PINGPONG;
		break;
	case LINUX_TCP_INFO:
		tcp_info_fill(cb, val);
		*len = TCP_INFO_LEN;
		fw_mutex_unlock(&inet_lock);
		return 0;
	case LINUX_TCP_CONGESTION:
		memset(val, 0, 16);
		memcpy(val, "reno", sizeof("reno"));
		*len = 16;
		fw_mutex_unlock(&inet_lock);
		return 0;
	default:
		err = -ENOPROTOOPT;
	}
	fw_mutex_unlock(&inet_lock);
	if (err == 0) {
		memcpy(val, &v, sizeof(v));
		*len = sizeof(v);
	}
	return err;
}

void
tcp_sol_changed(struct sock *sk, int name)
{
	struct tcp_cb *cb = tcp_of(sk);
	bool on;

	if (name != LINUX_SO_KEEPALIVE)
		return;
	fw_mutex_lock(&sk->lock);
	on = (sk->flags & SOCKF_KEEPALIVE) != 0;
	fw_mutex_unlock(&sk->lock);
	fw_mutex_lock(&inet_lock);
	if (cb->keepalive != on) {
		cb->keepalive = on;
		tcp_keep_arm(cb);
	}
	fw_mutex_unlock(&inet_lock);
}
