/*
 * services/net/tcp.h: TCP (RFC 9293) as the services' stack runs it: one
 * control block per connection or listener, driven by segments handed in
 * (tcp_input()), by the socket calls (tcp_sock.c) and by its deadlines
 * (tcp_timer.c), and sending through tcp_xmit(), which for now hands each
 * segment to lo's queue (lo.c): parsed, not encoded, no checksums.
 *
 * Follows Linux where it differs from the RFC minimum: RTO 1 s initial,
 * 200 ms floor, 120 s cap, doubling; 6 SYN and 15 data retransmissions;
 * TIME_WAIT 60 s; a listener's accept queue full at backlog + 1, where the
 * handshake's last ACK is dropped (the SYN-ACK is resent); RFC 5961's
 * challenge ACKs for a RST or SYN that is in the window but not exact.
 * Congestion control is NewReno's slow start, avoidance and fast
 * retransmit; segments past a hole wait for it (tcp_ooo.c).  ACKs are
 * delayed as Linux delays them (tcp_ack.c): up to 40 ms, every second
 * full segment at once, quick ACKs while a connection starts or after a
 * hole, and an interactive ("ping-pong") mode where the reply carries
 * the ACK.  SO_KEEPALIVE probes an idle connection (tcp_timer.c).  Not
 * yet: SACK, timestamps, urgent data.
 *
 * Locks used to protect fields in this file:
 *	N	inet_lock (inet.h): every control block, lo's queue
 *	I	immutable after creation
 */
#ifndef NET_TCP_H
#define NET_TCP_H

#include "inet.h"

/* Linux's state numbers (TCP_INFO, /proc/net/tcp). */
enum tcp_state {
	TCP_ESTABLISHED = 1, TCP_SYN_SENT, TCP_SYN_RECV, TCP_FIN_WAIT1,
	TCP_FIN_WAIT2, TCP_TIME_WAIT, TCP_CLOSE, TCP_CLOSE_WAIT,
	TCP_LAST_ACK, TCP_LISTEN, TCP_CLOSING
};

/* The socket's side of a connect (Linux's SS_*). */
enum tcp_ss { TCP_SS_UNCONNECTED, TCP_SS_CONNECTING, TCP_SS_CONNECTED };

#define TCP_FIN		0x01
#define TCP_SYN		0x02
#define TCP_RST		0x04
#define TCP_PSH		0x08
#define TCP_ACK		0x10

#define TCP_MSS_LO	65483		/* lo's MTU 65536 less headers */
#define TCP_MSS_DEFAULT	536
#define TCP_BUF		((size_t)256 * 1024)	/* each ring, autotuned-like */
#define TCP_ATO		40000000ULL	/* the delayed ACK's timeout, ns */
#define TCP_OOW_INTERVAL 500000000ULL	/* answers out of the window, ns */
#define TCP_MAX_QUICKACKS 16
#define TCP_PINGPONG	3	/* replies that make a connection interactive */

/* A segment as it travels: headers parsed, payload referenced. */
struct tcp_seg {
	struct inet_addr	 src, dst;
	uint16_t		 sport, dport;
	uint32_t		 seq, ack;
	uint8_t			 flags;
	uint16_t		 wnd;		/* as on the wire, unscaled */
	uint16_t		 mss;		/* SYN option, 0: none */
	int8_t			 wscale;	/* SYN option, -1: none */
	const uint8_t		*data;
	size_t			 len;
};

/* What TCP_INFO reports beyond the state (RFC 4898's names). */
struct tcp_stats {
	uint64_t		 bytes_acked, bytes_received;
	uint64_t		 bytes_sent, bytes_retrans;
	uint32_t		 segs_in, segs_out;
	uint32_t		 data_segs_in, data_segs_out;
	uint32_t		 total_retrans, rcv_ooopack;
};

struct tcp_cb {
	struct inet_sock	*is;		/* [I] */
	struct tcp_cb		*lnext;		/* [N] every control block */
	struct tcp_cb		**lprev;	/* [N] what points at cb */
	/* A listener's connections; a child's listener. */
	struct tcp_cb		*parent;	/* [N] SYN_RECV or unaccepted */
	struct tcp_cb		*ahead, *atail, *anext;	/* [N] accept queue */
	/* The rings: sbuf holds snd_una's byte at shead and slen bytes;
	 * rbuf holds rlen bytes in order at rhead, up to rcv_nxt. */
	uint8_t			*sbuf, *rbuf;	/* [N] TCP_BUF bytes, or NULL */
	size_t			 shead, slen;	/* [N] */
	size_t			 rhead, rlen;	/* [N] */
	struct tcp_ooo		*ooo;		/* [N] ahead of a hole */
	size_t			 ooo_bytes;	/* [N] */
	struct fw_mutex		 txlock, rxlock;	/* senders, readers */
	/* Deadlines (monotonic ns, 0: off) and the RTT estimate. */
	uint64_t		 t_rto, t_wait, t_persist;	/* [N] */
	uint64_t		 t_oow;		/* [N] last out-of-window answer */
	uint64_t		 t_delack, t_keep;		/* [N] */
	uint64_t		 t_rcv;		/* [N] a segment last came */
	uint64_t		 t_rcvdata;	/* [N] data last came */
	uint64_t		 rto, srtt, rttvar;		/* [N] ns */
	uint64_t		 rtt_start;	/* [N] */
	enum tcp_state		 state;		/* [N] */
	enum tcp_ss		 ss;		/* [N] */
	/* Sequence space. */
	uint32_t		 iss, snd_una;	/* [N] */
	uint32_t		 snd_nxt, snd_max;	/* [N] */
	uint32_t		 snd_wnd, snd_wl1, snd_wl2;	/* [N] */
	uint32_t		 fin_seq;	/* [N] once sent */
	uint32_t		 irs, rcv_nxt;	/* [N] */
	uint32_t		 rcv_wup;	/* [N] window last advertised */
	uint32_t		 rcv_acked;	/* [N] rcv_nxt last ACKed */
	uint32_t		 mss;		/* [N] */
	uint32_t		 rtt_seq;	/* [N] */
	unsigned int		 retries;	/* [N] */
	/* Zero-window probes since the window closed: the persist timer
	 * waits rto << backoff (the RTO itself stays as the RTT says). */
	unsigned int		 backoff;	/* [N] */
	/* NewReno. */
	uint32_t		 cwnd, ssthresh;	/* [N] bytes */
	uint32_t		 recover;	/* [N] */
	unsigned int		 dupacks;	/* [N] */
	unsigned int		 alen, synlen;	/* [N] */
	int			 backlog;	/* [N] */
	/* TCP_KEEP{IDLE,INTVL,CNT}, 0: the default. */
	int			 keepidle, keepintvl, keepcnt;	/* [N] */
	unsigned int		 probes;	/* [N] keepalives unanswered */
	int			 soft_err;	/* [N] an ICMP error, -errno */
	unsigned int		 quick;		/* [N] quick ACKs left */
	unsigned int		 pingpong;	/* [N] quick replies seen */
	struct tcp_stats	 st;		/* [N] */
	uint8_t			 snd_wscale;	/* [N] the peer's shift */
	uint8_t			 rcv_wscale;	/* [N] our shift */
	bool			 orphan;	/* [N] no file will free it */
	bool			 hashed;	/* [N] in the port table */
	bool			 fin_queued;	/* [N] FIN after the data */
	bool			 fin_sent;	/* [N] at fin_seq, kept on go-back */
	bool			 fin_rcvd;	/* [N] */
	bool			 rtt_on;	/* [N] */
	bool			 recovery;	/* [N] */
	bool			 nodelay, cork;	/* [N] options */
	bool			 ack_owed;	/* [N] a bare ACK must go */
	bool			 keepalive;	/* [N] SO_KEEPALIVE's copy */
};

static inline struct tcp_cb *
tcp_of(struct sock *sk)
{
	return inet_of(sk)->tcp;
}

/* Sequence arithmetic, modulo 2^32. */
static inline bool
tcp_lt(uint32_t a, uint32_t b)
{
	return (int32_t)(a - b) < 0;
}

static inline bool
tcp_le(uint32_t a, uint32_t b)
{
	return (int32_t)(a - b) <= 0;
}

/* tcp_cb.c: control blocks. */
/* A fresh block for is (CLOSE, no rings yet): NULL without memory. */
struct tcp_cb	*tcp_cb_new(struct inet_sock *is) FW_REQUIRES(&inet_lock);
/* Gives cb its rings (a connection starts): 0, or -ENOBUFS. */
FW_MUST_CHECK int tcp_rings_alloc(struct tcp_cb *cb) FW_REQUIRES(&inet_lock);
/*
 * Enters state; CLOSE unhashes the block and frees an orphan, TIME_WAIT
 * takes an orphan's rings.
 */
void		 tcp_set_state(struct tcp_cb *cb, enum tcp_state state)
		    FW_REQUIRES(&inet_lock);
/* Ends the connection with an error (-errno, or 0) and wakes everyone. */
void		 tcp_done(struct tcp_cb *cb, int err) FW_REQUIRES(&inet_lock);
/* The receive window we may offer now (bytes). */
uint32_t	 tcp_rcv_window(const struct tcp_cb *cb);
/* Frees a block and its socket (an orphan's, or an unaccepted child's). */
void		 tcp_cb_free(struct tcp_cb *cb) FW_REQUIRES(&inet_lock);
extern struct tcp_cb *tcp_all;

/* tcp_out.c: sending. */
/* Sends a segment the way its destination's route goes (lo, or eth). */
void		 tcp_xmit(const struct tcp_seg *s) FW_REQUIRES(&inet_lock);
/* The MSS of the path to dst: lo's 65483, or the device's MTU less 40. */
uint32_t	 tcp_route_mss(const struct inet_addr *dst)
		    FW_REQUIRES(&inet_lock);
/* Sends what the windows, Nagle and the FIN allow. */
void		 tcp_output(struct tcp_cb *cb) FW_REQUIRES(&inet_lock);
/* A bare segment of cb's connection: ACK, RST, SYN, SYN-ACK, FIN. */
void		 tcp_send_ctl(struct tcp_cb *cb, uint8_t flags, uint32_t seq)
		    FW_REQUIRES(&inet_lock);
/*
 * A bare ACK, numbered snd_max unless that lies past the peer's window,
 * whose end it then is (as Linux's tcp_acceptable_seq()).  A receiver
 * whose window is shut takes a bare segment only at rcv_nxt (RFC 9293
 * 3.10.7.4): numbered past data it dropped, the ACK would be answered and
 * discarded with its window update, and two ends each waiting for the
 * other's window to open would wait for ever.
 */
void		 tcp_send_ack(struct tcp_cb *cb) FW_REQUIRES(&inet_lock);
/* A reset answering seg when no connection takes it (RFC 9293 3.10.7.1). */
void		 tcp_send_reset(const struct tcp_seg *seg)
		    FW_REQUIRES(&inet_lock);
/* Goes back to snd_una (the RTO): everything in flight is resent. */
void		 tcp_retransmit(struct tcp_cb *cb) FW_REQUIRES(&inet_lock);
void		 tcp_arm_rto(struct tcp_cb *cb) FW_REQUIRES(&inet_lock);
/* How long the persist timer waits: the RTO, doubled per probe. */
uint64_t	 tcp_persist_interval(const struct tcp_cb *cb)
		    FW_REQUIRES(&inet_lock);

/* Resends one segment from snd_una (fast retransmit, partial ACK, the
 * RTO): the data bytes it sent, 0 for none (or a FIN alone). */
uint32_t	 tcp_resend_una(struct tcp_cb *cb) FW_REQUIRES(&inet_lock);

/* tcp_ooo.c: the receive ring's input and what waits past a hole. */
/* Appends n in-order bytes (they fit the window) and moves rcv_nxt. */
void		 tcp_rcv_append(struct tcp_cb *cb, const uint8_t *data,
		    size_t n) FW_REQUIRES(&inet_lock);
/* Keeps a copy of an out-of-order segment, within the window. */
void		 tcp_ooo_add(struct tcp_cb *cb, const struct tcp_seg *seg)
		    FW_REQUIRES(&inet_lock);
/* Moves what now follows rcv_nxt into the ring: whether a FIN is next. */
bool		 tcp_ooo_drain(struct tcp_cb *cb) FW_REQUIRES(&inet_lock);
void		 tcp_ooo_free(struct tcp_cb *cb) FW_REQUIRES(&inet_lock);

/* tcp_ack.c: when ACKs go. */
/* In-order data came: whether to ACK now (else the delayed ACK is armed). */
bool		 tcp_ack_data(struct tcp_cb *cb) FW_REQUIRES(&inet_lock);
/* Enters quick-ACK mode (a hole, old data, a pause longer than the RTO). */
void		 tcp_ack_quick(struct tcp_cb *cb) FW_REQUIRES(&inet_lock);
/* A segment carrying an ACK is going out: nothing is pending any more. */
void		 tcp_ack_sent(struct tcp_cb *cb) FW_REQUIRES(&inet_lock);
/* New data is going out: a reply soon after data came counts to ping-pong. */
void		 tcp_ack_data_sent(struct tcp_cb *cb) FW_REQUIRES(&inet_lock);
/* The reader took data: a pending ACK goes now if Linux would send it. */
void		 tcp_ack_read(struct tcp_cb *cb) FW_REQUIRES(&inet_lock);
/* The delayed ACK's deadline passed. */
void		 tcp_ack_delack_fire(struct tcp_cb *cb) FW_REQUIRES(&inet_lock);
/* TCP_QUICKACK: on leaves ping-pong mode and sends what is pending; off
 * enters it.  (Linux's reading of the option: not ping-pong.) */
void		 tcp_ack_set_quickack(struct tcp_cb *cb, bool on)
		    FW_REQUIRES(&inet_lock);

/* tcp_in.c: a segment arrives. */
void		 tcp_input(const struct tcp_seg *seg) FW_REQUIRES(&inet_lock);
/*
 * An ICMP error (-errno, hard or soft) about the segment of sequence seq:
 * a hard one ends a connection in SYN_SENT; any other is kept for the
 * timeout to report.  Errors about a sequence not in flight are ignored.
 */
void		 tcp_err(struct tcp_cb *cb, int err, bool hard, uint32_t seq)
		    FW_REQUIRES(&inet_lock);

/* tcp_timer.c: the deadlines, served by a kernel task. */
/* Tells the task of a new deadline (starting it on first use). */
void		 tcp_timer_kick(uint64_t deadline) FW_REQUIRES(&inet_lock);
/* (Re)arms the keepalive timer from the last segment received, or
 * disarms it (SO_KEEPALIVE off, or not synchronized). */
void		 tcp_keep_arm(struct tcp_cb *cb) FW_REQUIRES(&inet_lock);

/* lo.c: the loopback interface's queue of segments. */
/* Queues a copy of seg for delivery: dropped without memory. */
void		 lo_xmit(const struct tcp_seg *seg) FW_REQUIRES(&inet_lock);
/* Delivers what is queued, and what that queues, until none is left. */
void		 lo_drain(void) FW_REQUIRES(&inet_lock);

/* tcp_opt.c: the socket's SOL_TCP options (sock_ops). */
int		 tcp_setsockopt(struct sock *sk, int level, int name,
		    const uint8_t *val, size_t len);
int		 tcp_getsockopt(struct sock *sk, int level, int name,
		    uint8_t *val, size_t *len);
void		 tcp_sol_changed(struct sock *sk, int name);

/* tcp_sock.c */
FW_MUST_CHECK int tcp_create(int family, struct thread *t, struct sock **out);
/*
 * A child of listener l for a SYN (its addresses, hashed, parent set),
 * with the listener's options: NULL without memory.
 */
struct tcp_cb	*tcp_child_new(struct tcp_cb *l, const struct tcp_seg *seg)
		    FW_REQUIRES(&inet_lock);

#endif
