/*
 * services/net/tcp_cb.c: TCP control blocks (tcp.h): made bare, given
 * their two rings when a connection starts (and an orphan in TIME_WAIT
 * gives them back), moved from state to state, and freed once nothing
 * needs them: a block whose file is gone (an orphan finishing its FIN
 * handshake, or a connection never accepted) goes when it reaches CLOSE
 * or its TIME_WAIT ends; one with a file goes with the file
 * (tcp_sock.c).
 * Locks: inet_lock.
 */
#include <fw/alloc.h>
#include <fw/errno.h>
#include <fw/random.h>
#include <fw/string.h>
#include <svc/lib.h>
#include "tcp.h"

/* Every control block, for the timer task. */
struct tcp_cb *tcp_all;

struct tcp_cb *
tcp_cb_new(struct inet_sock *is)
{
	struct tcp_cb *cb;

	if ((cb = fw_zalloc(1, sizeof(*cb))) == NULL)
		return NULL;
	cb->is = is;
	cb->state = TCP_CLOSE;
	cb->mss = TCP_MSS_DEFAULT;
	cb->rto = 1000000000ULL;
	cb->ssthresh = UINT32_MAX;
	/* Our window scale: enough for the ring (RFC 7323 2.3). */
	while (cb->rcv_wscale < 14 && (TCP_BUF >> cb->rcv_wscale) > 65535)
		cb->rcv_wscale++;
	fw_random_bytes(&cb->iss, sizeof(cb->iss));
	cb->lnext = tcp_all;
	if (tcp_all != NULL)
		tcp_all->lprev = &cb->lnext;
	cb->lprev = &tcp_all;
	tcp_all = cb;
	return cb;
}

int
tcp_rings_alloc(struct tcp_cb *cb)
{
	if (cb->sbuf == NULL)
		cb->sbuf = fw_alloc(TCP_BUF);
	if (cb->rbuf == NULL)
		cb->rbuf = fw_alloc(TCP_BUF);
	return cb->sbuf != NULL && cb->rbuf != NULL ? 0 : -ENOBUFS;
}

/* An orphan in TIME_WAIT moves no more bytes: only its state stays. */
static void
tcp_rings_free(struct tcp_cb *cb) FW_REQUIRES(&inet_lock)
{
	tcp_ooo_free(cb);
	fw_free(cb->sbuf);
	fw_free(cb->rbuf);
	cb->sbuf = cb->rbuf = NULL;
	cb->slen = cb->rlen = 0;
}

uint32_t
tcp_rcv_window(const struct tcp_cb *cb)
{
	return (uint32_t)(TCP_BUF - cb->rlen);
}

void
tcp_cb_free(struct tcp_cb *cb)
{
	struct inet_sock *is = cb->is;

	*cb->lprev = cb->lnext;
	if (cb->lnext != NULL)
		cb->lnext->lprev = cb->lprev;
	if (cb->hashed) {
		inet_port_unbind_locked(is);
		cb->hashed = false;
	}
	tcp_rings_free(cb);
	fw_free(cb);
	sock_unref(is->sk);		/* the inet_sock's */
	fw_free(is);
}

void
tcp_set_state(struct tcp_cb *cb, enum tcp_state state)
{
	cb->state = state;
	if (state == TCP_TIME_WAIT && cb->orphan)
		tcp_rings_free(cb);
	if (state != TCP_CLOSE)
		return;
	cb->t_rto = cb->t_persist = cb->t_wait = 0;
	cb->t_delack = cb->t_keep = 0;
	if (cb->hashed) {
		inet_port_unbind_locked(cb->is);
		cb->hashed = false;
	}
	if (cb->orphan && cb->parent == NULL)
		tcp_cb_free(cb);
}

void
tcp_done(struct tcp_cb *cb, int err)
{
	struct sock *sk = cb->is->sk;

	if (err < 0)
		atomic_store(&sk->err, err);
	atomic_store(&sk->shut, SOCK_RCV_SHUTDOWN | SOCK_SEND_SHUTDOWN);
	sock_wake(sk, 0);
	tcp_set_state(cb, TCP_CLOSE);
}
