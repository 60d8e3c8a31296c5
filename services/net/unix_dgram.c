/*
 * services/net/unix_dgram.c: AF_UNIX SOCK_DGRAM, and the message
 * transfer SOCK_SEQPACKET shares with it (unix(7)).
 *
 * A datagram goes whole to its receiver's queue, or not at all: longer
 * than the sender's sndbuf (less 32) is EMSGSIZE.  The sender waits while
 * its own sndbuf is used up, and while the receiver's queue holds more
 * than max_dgram_qlen (10) messages unless the receiver is connected back
 * to it.  A receiver connected to someone else refuses (EPERM); a
 * connected receiver that has gone is ECONNREFUSED once, after which the
 * sender is unconnected.  A read takes one message: its tail is dropped
 * beyond the buffer (MSG_TRUNC; the call returns the whole length when
 * asked with MSG_TRUNC).  Readiness is Linux's unix_dgram_poll(): writable
 * needs room in the sender's sndbuf and, when connected, in the peer's
 * queue (both heads are hooked).
 *
 * Locks: unix_lock (unix_impl.h); u->iolock around a read, taken first.
 */
#include <fw/alloc.h>
#include <fw/errno.h>
#include <fw/string.h>
#include <svc/file.h>
#include <svc/lib.h>
#include <svc/proc.h>
#include "net.h"
#include "unix_impl.h"

void
unix_msg_cred(const struct sock_msg *m, struct linux_ucred *out)
{
	if (m->scm != NULL)
		*out = m->scm->cred;
	else
		sock_self_cred(m->t, out);
}

static bool
unix_recvq_full(const struct unix_sock *u)
{
	return u->qlen > UNIX_MAX_DGRAM_QLEN;
}

static int
udgram_connect(struct sock *sk, struct thread *t, const uint8_t *addr,
    size_t len, bool nonblock)
{
	struct unix_sock *u = unix_of(sk), *other = NULL, *old;
	int err;

	if (len < LINUX_SUN_PATH_OFF)
		return -EINVAL;
	if ((addr[0] | addr[1] << 8) != LINUX_AF_UNSPEC) {
		if (atomic_load(&sk->passcred) && (err = unix_autobind(u)) < 0)
			return err;
		if ((err = unix_find(t, addr, len, &other)) < 0)
			return err;
		if (other->sk->type != sk->type) {
			unix_unref(other);
			return -EPROTOTYPE;
		}
	}
	fw_mutex_lock(&unix_lock);
	if (other != NULL && other->peer != NULL && other->peer != u &&
	    other != u) {
		unix_unlock();
		unix_unref(other);
		return -EPERM;
	}
	old = u->peer;
	u->peer = other;
	u->state = other != NULL ? UNIX_CONNECTED : UNIX_UNCONNECTED;
	if (old != NULL)
		sock_wake(old->sk, 0);
	sock_wake(sk, 0);
	unix_unlock();
	unix_unref(old);
	return 0;
}

/* The destination of a send: the named one or the peer, referenced. */
static int
udgram_target(struct unix_sock *u, struct sock_msg *m, struct unix_sock **out)
{
	int err = 0;

	if (m->namelen > 0)
		return unix_find(m->t, m->name, m->namelen, out);
	fw_mutex_lock(&unix_lock);
	if (u->peer != NULL)
		*out = unix_ref(u->peer);
	else
		err = -ENOTCONN;
	unix_unlock();
	return err;
}

/*
 * Waits until u may queue a message at other: 0 with unix_lock held, or
 * -errno.  A connected peer found gone disconnects u (ECONNREFUSED).
 */
static int
udgram_wait_room_locked(struct unix_sock *u, struct unix_sock *other,
    bool nonblock, uint64_t deadline, bool timed) FW_REQUIRES(&unix_lock)
{
	struct sock *sk = u->sk, *on;
	unsigned int gen;
	int err;

	for (;;) {
		if (other->peer != NULL && other->peer != u)
			return -EPERM;
		if (other->dead) {
			if (sk->type == LINUX_SOCK_SEQPACKET)
				return -EPIPE;
			if (u->peer == other) {
				u->peer = NULL;
				u->state = UNIX_UNCONNECTED;
				unix_unref(other);	/* u's */
				return -ECONNREFUSED;
			}
			return -ECONNREFUSED;
		}
		if (atomic_load(&other->sk->shut) & SOCK_RCV_SHUTDOWN)
			return -EPIPE;
		on = NULL;
		if (u->wmem >= (size_t)atomic_load(&sk->sndbuf))
			on = sk;
		else if (other != u && other->peer != u &&
		    unix_recvq_full(other))
			on = other->sk;
		if (on == NULL)
			return 0;
		if (nonblock)
			return -EAGAIN;
		gen = atomic_load(&on->gen);
		unix_unlock();
		err = sock_wait(on, gen, deadline, timed);
		fw_mutex_lock(&unix_lock);
		if (err < 0)
			return err;
	}
}

long
unix_dgram_send(struct sock *sk, struct sock_msg *m, bool nonblock)
{
	struct unix_sock *u = unix_of(sk), *other;
	uint64_t timeo = sk->sndtimeo;
	uint64_t deadline = sock_deadline(timeo);
	size_t len = m->it.left;
	struct unix_skb *skb;
	int err;

	if (m->flags & LINUX_MSG_OOB)
		return -EOPNOTSUPP;
	if (sk->type == LINUX_SOCK_SEQPACKET) {
		fw_mutex_lock(&unix_lock);
		err = u->state != UNIX_CONNECTED ? -ENOTCONN : 0;
		unix_unlock();
		if (err < 0)
			return err;
		if (atomic_load(&sk->shut) & SOCK_SEND_SHUTDOWN)
			return -EPIPE;
		m->namelen = 0;
	} else if (m->namelen == 0) {
		fw_mutex_lock(&unix_lock);
		err = u->peer == NULL ? -ENOTCONN : 0;
		unix_unlock();
		if (err < 0)
			return err;
	} else if (m->namelen < LINUX_SUN_PATH_OFF ||
	    (m->name[0] | m->name[1] << 8) != LINUX_AF_UNIX)
		return -EINVAL;
	if (atomic_load(&sk->passcred) && (err = unix_autobind(u)) < 0)
		return err;
	if (len + 32 > (size_t)atomic_load(&sk->sndbuf))
		return -EMSGSIZE;
	nonblock |= (m->flags & LINUX_MSG_DONTWAIT) != 0;
	if ((skb = unix_skb_alloc(len)) == NULL)
		return -ENOMEM;
	skb->len = len;
	unix_msg_cred(m, &skb->cred);
	if ((err = iter_copy_from(&m->it, skb->data, len)) < 0 ||
	    (err = udgram_target(u, m, &other)) < 0) {
		fw_free(skb);
		return err;
	}
	fw_mutex_lock(&unix_lock);
	if ((err = udgram_wait_room_locked(u, other, nonblock, deadline,
	    timeo != 0)) == 0) {
		skb->addr = unix_addr_ref(u->addr);
		skb->scm = m->scm;
		m->scm = NULL;
		skb->from = unix_ref(u);
		skb->charge = len + UNIX_SKB_OVERHEAD;
		u->wmem += skb->charge;
		unix_queue(other, skb);
		sock_wake(other->sk, LINUX_EPOLLIN | LINUX_EPOLLRDNORM);
		skb = NULL;
	}
	unix_unlock();
	fw_free(skb);
	unix_unref(other);
	return err < 0 ? err : (long)len;
}

long
unix_dgram_recv(struct sock *sk, struct sock_msg *m, bool nonblock)
{
	struct unix_sock *u = unix_of(sk);
	bool peek = (m->flags & LINUX_MSG_PEEK) != 0;
	uint64_t timeo = sk->rcvtimeo;
	uint64_t deadline = sock_deadline(timeo);
	struct unix_skb *skb;
	struct scm got;
	unsigned int gen, i;
	size_t n;
	long r;
	int err;

	if (m->flags & LINUX_MSG_OOB)
		return -EOPNOTSUPP;
	nonblock |= (m->flags & LINUX_MSG_DONTWAIT) != 0;
	memset(&got, 0, sizeof(got));
	fw_mutex_lock(&u->iolock);
	fw_mutex_lock(&unix_lock);
	for (;;) {
		err = 0;
		if ((skb = u->qhead) != NULL)
			break;
		if ((err = sock_error(sk)) < 0)
			break;
		if (atomic_load(&sk->shut) & SOCK_RCV_SHUTDOWN)
			break;			/* end of file: 0 */
		if (sk->type == LINUX_SOCK_SEQPACKET &&
		    u->state != UNIX_CONNECTED) {
			err = -ENOTCONN;
			break;
		}
		if (nonblock) {
			err = -EAGAIN;
			break;
		}
		gen = atomic_load(&sk->gen);
		unix_unlock();
		err = sock_wait(sk, gen, deadline, timeo != 0);
		fw_mutex_lock(&unix_lock);
		if (err < 0)
			break;
	}
	unix_unlock();
	if (skb == NULL) {
		fw_mutex_unlock(&u->iolock);
		return err;
	}
	/* iolock keeps skb at the head: only this reader takes it off. */
	n = MIN(m->it.left, skb->len);
	if (n < skb->len)
		m->oflags |= LINUX_MSG_TRUNC;
	if (skb->addr != NULL) {
		memcpy(m->name, skb->addr->sa, skb->addr->len);
		m->namelen = skb->addr->len;
	}
	err = iter_copy_to(&m->it, skb->data, n);
	got.cred = skb->cred;
	fw_mutex_lock(&unix_lock);
	if (skb->scm != NULL && err == 0) {
		for (i = 0; i < skb->scm->nfds; i++)
			got.files[i] = peek ? file_ref(skb->scm->files[i]) :
			    skb->scm->files[i];
		got.nfds = skb->scm->nfds;
		if (!peek) {
			unix_inflight(skb->scm, -1);
			skb->scm->nfds = 0;
		}
	}
	r = (m->flags & LINUX_MSG_TRUNC) ? (long)skb->len : (long)n;
	if (!peek && err == 0) {
		unix_skb_free(unix_dequeue(u));
		sock_wake(sk, LINUX_EPOLLOUT);	/* room for blocked senders */
	}
	unix_unlock();
	fw_mutex_unlock(&u->iolock);
	if (err == 0)
		err = sock_put_scm(sk, m, &got, true);
	for (i = 0; i < got.nfds; i++)
		file_unref(got.files[i]);
	return err < 0 ? err : r;
}

uint32_t
unix_dgram_poll(struct sock *sk, struct poll_table *pt)
{
	struct unix_sock *u = unix_of(sk), *other;
	unsigned int shut = atomic_load(&sk->shut);
	uint32_t mask = 0;
	bool writable;

	poll_wait(pt, &sk->ph);
	fw_mutex_lock(&unix_lock);
	if (atomic_load(&sk->err) != 0)
		mask |= LINUX_EPOLLERR;
	if (shut & SOCK_RCV_SHUTDOWN)
		mask |= LINUX_EPOLLRDHUP | LINUX_EPOLLIN | LINUX_EPOLLRDNORM;
	if (shut == (SOCK_RCV_SHUTDOWN | SOCK_SEND_SHUTDOWN))
		mask |= LINUX_EPOLLHUP;
	if (u->qhead != NULL || u->ahead != NULL)
		mask |= LINUX_EPOLLIN | LINUX_EPOLLRDNORM;
	if (sk->type == LINUX_SOCK_SEQPACKET && u->state == UNIX_UNCONNECTED)
		mask |= LINUX_EPOLLHUP;
	writable = u->state != UNIX_LISTENING &&
	    u->wmem * 4 <= (size_t)atomic_load(&sk->sndbuf);
	other = u->peer;
	if (writable && other != NULL && other->peer != u &&
	    unix_recvq_full(other)) {
		/* Told when the peer's queue drains. */
		poll_wait(pt, &other->sk->ph);
		writable = false;
	}
	if (writable)
		mask |= LINUX_EPOLLOUT | LINUX_EPOLLWRNORM | LINUX_EPOLLWRBAND;
	unix_unlock();
	return mask;
}

int
unix_shutdown(struct sock *sk, int how)
{
	struct unix_sock *u = unix_of(sk), *peer;
	unsigned int mode, pmode = 0;

	if (how < LINUX_SHUT_RD || how > LINUX_SHUT_RDWR)
		return -EINVAL;
	mode = (unsigned int)how + 1;	/* SHUT_RD 1, WR 2, RDWR 3 */
	fw_mutex_lock(&unix_lock);
	atomic_fetch_or(&sk->shut, mode);
	sock_wake(sk, 0);
	peer = u->peer;
	if (peer != NULL && sk->type != LINUX_SOCK_DGRAM) {
		if (mode & SOCK_RCV_SHUTDOWN)
			pmode |= SOCK_SEND_SHUTDOWN;
		if (mode & SOCK_SEND_SHUTDOWN)
			pmode |= SOCK_RCV_SHUTDOWN;
		atomic_fetch_or(&peer->sk->shut, pmode);
		sock_wake(peer->sk, 0);
	}
	unix_unlock();
	return 0;
}

const struct sock_ops unix_dgram_ops = {
	.bind = unix_bind,
	.connect = udgram_connect,
	.listen = sock_no_listen,
	.accept = sock_no_accept,
	.sendmsg = unix_dgram_send,
	.recvmsg = unix_dgram_recv,
	.shutdown = unix_shutdown,
	.getname = unix_getname,
	.poll = unix_dgram_poll,
	.inq = unix_inq,
	.outq = unix_outq,
	.peercred = unix_peercred,
	.release = unix_release,
};
