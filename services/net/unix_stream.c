/*
 * services/net/unix_stream.c: AF_UNIX SOCK_STREAM and SOCK_SEQPACKET
 * connections: listen, connect, accept, and the stream's byte transfer
 * (seqpacket moves whole messages through unix_dgram.c's code).
 *
 * connect() makes the server's end at once, connected to the client, and
 * queues it on the listener; the client may write before accept().  The
 * accept queue is full when it holds more than the backlog (backlog + 1
 * fit): a blocking connect waits, a non-blocking one is EAGAIN.
 *
 * A stream send appends chunks straight to the peer's queue, each charged
 * to the sender's sndbuf until read; it waits while the sender has sndbuf
 * bytes in flight.  A read takes bytes across chunks but never glues
 * chunks of different credentials, and stops after one carrying rights.
 * Peer closed: reads see end of file (ECONNRESET first if it closed with
 * data unread), writes EPIPE.
 *
 * Locks: unix_lock (unix_impl.h); u->iolock around a read, taken first.
 */
#include <fw/alloc.h>
#include <fw/errno.h>
#include <fw/string.h>
#include <svc/file.h>
#include <svc/lib.h>
#include <svc/proc.h>
#include <svc/signal.h>
#include "net.h"
#include "unix_impl.h"

/* The largest chunk one send appends (Linux's are about as large). */
#define UNIX_STREAM_CHUNK	(64 * 1024)

void
unix_connect_pair(struct unix_sock *a, struct unix_sock *b)
{
	a->peer = unix_ref(b);
	b->peer = unix_ref(a);
	a->state = b->state = UNIX_CONNECTED;
}

static int
ustream_listen(struct sock *sk, struct thread *t, int backlog)
{
	struct unix_sock *u = unix_of(sk);
	struct linux_ucred cred;
	int err = 0;

	sock_self_cred(t, &cred);
	if ((unsigned int)backlog > LINUX_SOMAXCONN)
		backlog = LINUX_SOMAXCONN;
	fw_mutex_lock(&unix_lock);
	if (u->addr == NULL || u->state == UNIX_CONNECTED)
		err = -EINVAL;
	else {
		if (u->state != UNIX_LISTENING)
			u->listencred = cred;
		u->state = UNIX_LISTENING;
		atomic_store(&sk->listening, true);
		u->backlog = backlog;
		sock_wake(sk, 0);	/* a larger backlog lets connects on */
	}
	unix_unlock();
	return err;
}

/* Waits on other (unlocking): 0 to retry, or the wait's -errno. */
static int
ustream_wait_locked(struct sock *on, uint64_t deadline, bool timed)
    FW_REQUIRES(&unix_lock)
{
	unsigned int gen = atomic_load(&on->gen);
	int err;

	unix_unlock();
	err = sock_wait(on, gen, deadline, timed);
	fw_mutex_lock(&unix_lock);
	return err;
}

static int
ustream_connect(struct sock *sk, struct thread *t, const uint8_t *addr,
    size_t len, bool nonblock)
{
	struct unix_sock *u = unix_of(sk), *other, *c;
	uint64_t timeo = sk->sndtimeo;
	uint64_t deadline = sock_deadline(timeo);
	struct linux_ucred cred;
	int err;

	if (atomic_load(&sk->passcred) && (err = unix_autobind(u)) < 0)
		return err;
	if ((err = unix_find(t, addr, len, &other)) < 0)
		return err;
	if (other->sk->type != sk->type) {
		unix_unref(other);
		return -EPROTOTYPE;
	}
	if ((err = unix_new(sk->type, &c)) < 0) {
		unix_unref(other);
		return err;
	}
	sock_self_cred(t, &cred);
	fw_mutex_lock(&unix_lock);
	for (;;) {
		/* Linux's order: the listener first, then our own state. */
		if (other->dead || other->state != UNIX_LISTENING ||
		    (atomic_load(&other->sk->shut) & SOCK_RCV_SHUTDOWN)) {
			err = -ECONNREFUSED;
			break;
		}
		if (other->alen > (size_t)other->backlog) {
			if (nonblock) {
				err = -EAGAIN;
				break;
			}
			if ((err = ustream_wait_locked(other->sk, deadline,
			    timeo != 0)) < 0)
				break;
			continue;
		}
		if (u->state == UNIX_CONNECTED)
			err = -EISCONN;
		else if (u->state == UNIX_LISTENING)
			err = -EINVAL;
		break;
	}
	if (err == 0) {
		unix_connect_pair(u, c);
		c->addr = unix_addr_ref(other->addr);
		c->peercred = cred;
		c->has_peercred = true;
		u->peercred = other->listencred;
		u->has_peercred = true;
		/* The accept queue's reference. */
		unix_ref(c);
		if (other->atail != NULL)
			other->atail->anext = c;
		else
			other->ahead = c;
		other->atail = c;
		other->alen++;
		sock_wake(other->sk, LINUX_EPOLLIN | LINUX_EPOLLRDNORM);
		sock_wake(sk, LINUX_EPOLLOUT | LINUX_EPOLLWRNORM);
	}
	unix_unlock();
	/* Unused, c goes; else its reference is its file-to-be's. */
	if (err < 0)
		unix_release_sock(c, false);
	unix_unref(other);
	return err;
}

static int
ustream_accept(struct sock *sk, bool nonblock, struct sock **out)
{
	struct unix_sock *u = unix_of(sk), *c;
	uint64_t timeo = sk->rcvtimeo;
	uint64_t deadline = sock_deadline(timeo);
	int err = 0;

	fw_mutex_lock(&unix_lock);
	for (;;) {
		if (u->state != UNIX_LISTENING) {
			err = -EINVAL;
			break;
		}
		if (u->ahead != NULL)
			break;
		if (nonblock) {
			err = -EAGAIN;
			break;
		}
		if ((err = ustream_wait_locked(sk, deadline, timeo != 0)) < 0)
			break;
	}
	if (err == 0) {
		c = u->ahead;
		u->ahead = c->anext;
		if (u->ahead == NULL)
			u->atail = NULL;
		c->anext = NULL;
		u->alen--;
		atomic_store(&c->sk->passcred, atomic_load(&sk->passcred));
		*out = sock_ref(c->sk);
		sock_wake(sk, 0);	/* room in the backlog */
	}
	unix_unlock();
	if (err == 0)
		unix_unref(c);		/* the queue's */
	return err;
}

/*
 * Waits until u may put more in flight: 0 with the lock held, or -errno
 * (-EPIPE when the connection is gone).
 */
static int
ustream_wait_space_locked(struct unix_sock *u, bool nonblock,
    uint64_t deadline, bool timed) FW_REQUIRES(&unix_lock)
{
	struct sock *sk = u->sk;
	int err;

	for (;;) {
		if (u->peer == NULL)
			return u->state == UNIX_CONNECTED ? -EPIPE : -ENOTCONN;
		if ((atomic_load(&sk->shut) & SOCK_SEND_SHUTDOWN) ||
		    u->peer->dead ||
		    (atomic_load(&u->peer->sk->shut) & SOCK_RCV_SHUTDOWN))
			return -EPIPE;
		if (u->wmem < (size_t)atomic_load(&sk->sndbuf))
			return 0;
		if (nonblock)
			return -EAGAIN;
		if ((err = ustream_wait_locked(sk, deadline, timed)) < 0)
			return err;
	}
}

static long
ustream_send(struct sock *sk, struct sock_msg *m, bool nonblock)
{
	struct unix_sock *u = unix_of(sk);
	uint64_t timeo = sk->sndtimeo;
	uint64_t deadline = sock_deadline(timeo);
	struct linux_ucred cred;
	struct unix_skb *skb;
	size_t sent = 0, n;
	int err = 0;

	if (m->flags & LINUX_MSG_OOB)
		return -EOPNOTSUPP;
	if (m->namelen > 0) {
		fw_mutex_lock(&unix_lock);
		err = u->state == UNIX_CONNECTED ? -EISCONN : -EOPNOTSUPP;
		unix_unlock();
		return err;
	}
	if (sk->type == LINUX_SOCK_SEQPACKET)
		return unix_dgram_send(sk, m, nonblock);
	nonblock |= (m->flags & LINUX_MSG_DONTWAIT) != 0;
	unix_msg_cred(m, &cred);
	fw_mutex_lock(&unix_lock);
	if (u->state != UNIX_CONNECTED) {
		unix_unlock();
		return -ENOTCONN;
	}
	while (m->it.left > 0) {
		if ((err = ustream_wait_space_locked(u, nonblock, deadline,
		    timeo != 0)) < 0)
			break;
		n = MIN(m->it.left, (size_t)UNIX_STREAM_CHUNK);
		n = MIN(n, (size_t)atomic_load(&sk->sndbuf) / 2);
		n = MAX(n, (size_t)1);
		u->wmem += n + UNIX_SKB_OVERHEAD;	/* reserved */
		unix_unlock();
		skb = unix_skb_alloc(n);
		err = skb == NULL ? -ENOMEM : iter_copy_from(&m->it,
		    skb != NULL ? skb->data : NULL, n);
		fw_mutex_lock(&unix_lock);
		u->wmem -= n + UNIX_SKB_OVERHEAD;
		if (err < 0) {
			fw_free(skb);
			sock_wake(sk, LINUX_EPOLLOUT);
			break;
		}
		skb->len = n;
		skb->cred = cred;
		skb->charge = n + UNIX_SKB_OVERHEAD;
		skb->from = unix_ref(u);
		u->wmem += skb->charge;
		skb->scm = m->scm;	/* rights ride the first chunk */
		m->scm = NULL;
		if (u->peer == NULL || u->peer->dead ||
		    (atomic_load(&u->peer->sk->shut) & SOCK_RCV_SHUTDOWN)) {
			unix_bury(skb->scm);	/* never queued */
			skb->scm = NULL;
			unix_skb_free(skb);
			err = -EPIPE;
			break;
		}
		unix_queue(u->peer, skb);
		sock_wake(u->peer->sk, LINUX_EPOLLIN | LINUX_EPOLLRDNORM);
		sent += n;
	}
	unix_unlock();
	if (m->it.left == 0 || sent > 0)
		return (long)sent;
	if (err == -EPIPE && !(m->flags & LINUX_MSG_NOSIGNAL))
		signal_sigpipe(m->t);
	return err;
}

/* Copies of s's rights for a peek (each file referenced anew). */
static struct scm *
scm_dup(const struct scm *s)
{
	struct scm *d;
	unsigned int i;

	if ((d = fw_zalloc(1, sizeof(*d))) == NULL)
		return NULL;
	d->cred = s->cred;
	for (i = 0; i < s->nfds; i++)
		d->files[i] = file_ref(s->files[i]);
	d->nfds = s->nfds;
	return d;
}

static bool
cred_eq(const struct linux_ucred *a, const struct linux_ucred *b)
{
	return a->pid == b->pid && a->uid == b->uid && a->gid == b->gid;
}

/* The target of a read: MSG_WAITALL the whole, else SO_RCVLOWAT. */
static size_t
ustream_target(struct sock *sk, int flags, size_t len)
{
	size_t lowat = (size_t)MAX(atomic_load(&sk->rcvlowat), 1);

	if (flags & LINUX_MSG_WAITALL)
		return MAX(len, (size_t)1);
	return MIN(lowat, MAX(len, (size_t)1));
}

/*
 * The stream read loop, under u->iolock: returns bytes or -errno, with the
 * rights and credentials of what it read in *got.
 */
static long
ustream_read(struct unix_sock *u, struct sock_msg *m, bool nonblock,
    struct scm *got, bool *have)
{
	struct sock *sk = u->sk;
	bool peek = (m->flags & LINUX_MSG_PEEK) != 0;
	uint64_t timeo = sk->rcvtimeo;
	uint64_t deadline = sock_deadline(timeo);
	size_t len = m->it.left, target = ustream_target(sk, m->flags, len);
	size_t copied = 0, skip = 0, n;
	struct unix_skb *skb;
	struct scm *rights;
	int err = 0;

	fw_mutex_lock(&unix_lock);
	for (;;) {
		/* A peek walks past what it has already looked at. */
		for (skb = u->qhead, skip = copied; skb != NULL &&
		    peek && skip >= skb->len - skb->off; skb = skb->next)
			skip -= skb->len - skb->off;
		if (skb == NULL) {
			if (copied >= target || (copied > 0 && len == copied))
				break;
			if ((err = sock_error(sk)) < 0)
				break;
			if (atomic_load(&sk->shut) & SOCK_RCV_SHUTDOWN)
				break;
			if (nonblock) {
				err = -EAGAIN;
				break;
			}
			if ((err = ustream_wait_locked(sk, deadline,
			    timeo != 0)) < 0)
				break;
			continue;
		}
		if (!*have) {
			got->cred = skb->cred;
			*have = true;
		} else if (!cred_eq(&got->cred, &skb->cred))
			break;		/* never glue different writers */
		if (copied == len)
			break;
		if (!peek)
			skip = 0;
		n = MIN(skb->len - skb->off - skip, len - copied);
		unix_unlock();
		/* iolock keeps skb queued: only this reader takes it off. */
		err = iter_copy_to(&m->it, skb->data + skb->off + skip, n);
		fw_mutex_lock(&unix_lock);
		if (err < 0)
			break;
		copied += n;
		rights = NULL;
		if (skb->scm != NULL && skb->scm->nfds > 0) {
			if (peek)
				rights = scm_dup(skb->scm);
			else {
				rights = skb->scm;
				skb->scm = NULL;
				unix_inflight(rights, -1);
			}
		}
		if (!peek) {
			skb->off += n;
			u->qbytes -= n;
			if (skb->off == skb->len)
				unix_skb_free(unix_dequeue(u));
			else if (u->peer != NULL)
				sock_wake(u->peer->sk, LINUX_EPOLLOUT);
		}
		if (rights != NULL) {
			/* A message with rights ends the read. */
			for (n = 0; n < rights->nfds; n++)
				got->files[n] = rights->files[n];
			got->nfds = rights->nfds;
			rights->nfds = 0;
			unix_bury(rights);
			break;
		}
	}
	unix_unlock();
	if (copied > 0)
		return (long)copied;
	return err;
}

static long
ustream_recv(struct sock *sk, struct sock_msg *m, bool nonblock)
{
	struct unix_sock *u = unix_of(sk);
	struct scm got;
	bool have = false;
	long n;
	int err;

	if (m->flags & LINUX_MSG_OOB)
		return -EOPNOTSUPP;
	if (sk->type == LINUX_SOCK_SEQPACKET)
		return unix_dgram_recv(sk, m, nonblock);
	fw_mutex_lock(&unix_lock);
	err = u->state != UNIX_CONNECTED ? -EINVAL : 0;
	unix_unlock();
	if (err < 0)
		return err;
	nonblock |= (m->flags & LINUX_MSG_DONTWAIT) != 0;
	memset(&got, 0, sizeof(got));
	fw_mutex_lock(&u->iolock);
	n = ustream_read(u, m, nonblock, &got, &have);
	fw_mutex_unlock(&u->iolock);
	if (n >= 0 && have && (err = sock_put_scm(sk, m, &got, true)) < 0)
		n = err;
	for (unsigned int i = 0; i < got.nfds; i++)
		file_unref(got.files[i]);
	return n;
}

static uint32_t
ustream_poll(struct sock *sk, struct poll_table *pt)
{
	struct unix_sock *u = unix_of(sk);
	unsigned int shut = atomic_load(&sk->shut);
	uint32_t mask = 0;

	if (sk->type == LINUX_SOCK_SEQPACKET)
		return unix_dgram_poll(sk, pt);
	poll_wait(pt, &sk->ph);
	fw_mutex_lock(&unix_lock);
	if (atomic_load(&sk->err) != 0)
		mask |= LINUX_EPOLLERR;
	if (shut == (SOCK_RCV_SHUTDOWN | SOCK_SEND_SHUTDOWN))
		mask |= LINUX_EPOLLHUP;
	if (shut & SOCK_RCV_SHUTDOWN)
		mask |= LINUX_EPOLLRDHUP | LINUX_EPOLLIN | LINUX_EPOLLRDNORM;
	if (u->qhead != NULL || u->ahead != NULL)
		mask |= LINUX_EPOLLIN | LINUX_EPOLLRDNORM;
	if (u->state == UNIX_UNCONNECTED)
		mask |= LINUX_EPOLLHUP;
	if (u->state != UNIX_LISTENING &&
	    u->wmem * 4 <= (size_t)atomic_load(&sk->sndbuf))
		mask |= LINUX_EPOLLOUT | LINUX_EPOLLWRNORM | LINUX_EPOLLWRBAND;
	unix_unlock();
	return mask;
}

const struct sock_ops unix_stream_ops = {
	.bind = unix_bind,
	.connect = ustream_connect,
	.listen = ustream_listen,
	.accept = ustream_accept,
	.sendmsg = ustream_send,
	.recvmsg = ustream_recv,
	.shutdown = unix_shutdown,
	.getname = unix_getname,
	.poll = ustream_poll,
	.inq = unix_inq,
	.outq = unix_outq,
	.peercred = unix_peercred,
	.release = unix_release,
};
