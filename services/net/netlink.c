/*
 * services/net/netlink.c: AF_NETLINK sockets (netlink(7)) of protocol
 * NETLINK_ROUTE, SOCK_RAW or SOCK_DGRAM (another type is ESOCKTNOSUPPORT,
 * another protocol EPROTONOSUPPORT).
 *
 * Ports: bind takes a free port id or, with nl_pid 0, picks one: the
 * process's id for its first socket, then -4096, -4097 ... (Linux's
 * netlink_autobind()); sending binds the same way.  getsockname shows the
 * 12-byte sockaddr_nl.  Groups are kept but nothing is ever multicast:
 * the configuration does not change.
 *
 * Requests to port 0 run in sendmsg (rtnl.c), one message after the
 * other as netlink_rcv_skb() does: each reply is a datagram from port 0
 * echoing the request's seq, then the NLMSG_ERROR (an error, or the ACK
 * asked for by NLM_F_ACK).  A dump is kept whole and handed out by
 * recvmsg a datagram at a time: whole messages up to 3776 bytes
 * (NLMSG_GOODSIZE) or, once a reader offered more, up to the largest
 * buffer a recvmsg offered (at most 32448 bytes, as Linux's
 * max_recvmsg_len), NLMSG_DONE in the last one.  A second dump while one
 * runs is EBUSY.  A datagram to another user port is copied onto its
 * queue (ECONNREFUSED when no socket has it).  A full rcvbuf drops a
 * reply and reports ENOBUFS on the next receive (unless NO_ENOBUFS).
 *
 * Locks used to protect fields in this file:
 *	L	nl_lock: the port table, every nl_sock field but [I]
 *	I	immutable after netlink_create()
 * nl_lock is never held across a user access, a wait or a request (the
 * requests take inet_lock through ifaddr.h).
 */
#include <fw/alloc.h>
#include <fw/errno.h>
#include <fw/string.h>
#include <svc/lib.h>
#include <svc/proc.h>
#include "inet.h"
#include "netlink.h"

#define NL_GOODSIZE	3776	/* SKB_WITH_OVERHEAD(PAGE_SIZE) */
#define NL_RECV_MAX	32448	/* SKB_WITH_OVERHEAD(32768) */
#define NL_OVERHEAD	320	/* what a queued datagram costs beyond it */
#define NL_ADDR_LEN	12

#define NLF_CAP_ACK	0x1
#define NLF_EXT_ACK	0x2
#define NLF_PKTINFO	0x4
#define NLF_NO_ENOBUFS	0x8
#define NLF_BCAST_ERR	0x10
#define NLF_ALL_NSID	0x20

struct nl_dgram {
	struct nl_dgram	*next;
	uint32_t	 src;		/* the sender's port: 0 the kernel */
	size_t		 len;
	uint8_t		 data[];
};

struct nl_sock {
	struct sock	*sk;		/* [I] counted */
	struct nl_sock	*next;		/* [L] the port table */
	bool		 bound;		/* [L] */
	uint32_t	 portid;	/* [L] */
	uint64_t	 groups;	/* [L] bit n: group n + 1 */
	uint32_t	 dst_pid, dst_groups;	/* [L] connect's */
	uint32_t	 flags;		/* [L] NLF_* */
	struct nl_dgram	*qhead, *qtail;	/* [L] */
	size_t		 qmem;		/* [L] */
	struct nlb	 dump;		/* [L] the running dump's messages */
	size_t		 dump_off;	/* [L] what is handed out of it */
	bool		 dumping;	/* [L] */
	size_t		 max_recv;	/* [L] the largest recvmsg buffer */
};

static struct fw_mutex nl_lock;		/* zeroed: unlocked */
static struct nl_sock *nl_ports FW_GUARDED_BY(&nl_lock);
static int32_t nl_rover FW_GUARDED_BY(&nl_lock) = -4096;

static struct nl_sock *
nl_find_locked(uint32_t portid) FW_REQUIRES(&nl_lock)
{
	struct nl_sock *n;

	for (n = nl_ports; n != NULL; n = n->next)
		if (n->bound && n->portid == portid)
			return n;
	return NULL;
}

static void
nl_insert_locked(struct nl_sock *nl, uint32_t portid) FW_REQUIRES(&nl_lock)
{
	nl->portid = portid;
	nl->bound = true;
	nl->next = nl_ports;
	nl_ports = nl;
}

/* netlink_autobind(): the process id, else a fresh negative id. */
static void
nl_autobind_locked(struct nl_sock *nl, struct thread *t)
    FW_REQUIRES(&nl_lock)
{
	uint32_t id = (uint32_t)t->proc->pid;

	if (nl->bound)
		return;
	while (nl_find_locked(id) != NULL) {
		id = (uint32_t)nl_rover;
		nl_rover = nl_rover == INT32_MIN ? -4096 : nl_rover - 1;
	}
	nl_insert_locked(nl, id);
}

/* A sockaddr_nl of len bytes: 0 with *pid and *groups, or -EINVAL. */
static int
nl_addr_in(const uint8_t *sa, size_t len, uint32_t *pid, uint32_t *groups)
{
	struct linux_sockaddr_nl a;

	if (len < sizeof(a))
		return -EINVAL;
	memcpy(&a, sa, sizeof(a));
	if (a.nl_family != LINUX_AF_NETLINK)
		return -EINVAL;
	*pid = a.nl_pid;
	*groups = a.nl_groups;
	return 0;
}

static int
nl_bind(struct sock *sk, struct thread *t, const uint8_t *sa, size_t len)
{
	struct nl_sock *nl = sk->priv;
	uint32_t pid, groups;
	int err = 0;

	if ((err = nl_addr_in(sa, len, &pid, &groups)) < 0)
		return err;
	fw_mutex_lock(&nl_lock);
	if (nl->bound) {
		if (pid != nl->portid)
			err = -EINVAL;
	} else if (pid == 0)
		nl_autobind_locked(nl, t);
	else if (nl_find_locked(pid) != NULL)
		err = -EADDRINUSE;
	else
		nl_insert_locked(nl, pid);
	if (err == 0)
		nl->groups = (nl->groups & ~(uint64_t)0xffffffff) | groups;
	fw_mutex_unlock(&nl_lock);
	return err;
}

static int
nl_connect(struct sock *sk, struct thread *t, const uint8_t *sa, size_t len,
    bool nonblock)
{
	struct nl_sock *nl = sk->priv;
	uint32_t pid, groups;
	int err;

	if (len >= 2 && (sa[0] | sa[1] << 8) == LINUX_AF_UNSPEC) {
		fw_mutex_lock(&nl_lock);
		nl->dst_pid = nl->dst_groups = 0;
		fw_mutex_unlock(&nl_lock);
		return 0;
	}
	if ((err = nl_addr_in(sa, len, &pid, &groups)) < 0)
		return err;
	if ((pid != 0 || groups != 0) && !inet_privileged(t))
		return -EPERM;		/* NETLINK_ROUTE: no NONROOT_SEND */
	fw_mutex_lock(&nl_lock);
	nl_autobind_locked(nl, t);
	nl->dst_pid = pid;
	nl->dst_groups = groups;
	fw_mutex_unlock(&nl_lock);
	return 0;
}

/*
 * Queues len bytes of data from port src on nl: 0, or -ENOMEM; a full
 * rcvbuf drops them (-ENOBUFS, also left as the socket's error).
 */
static int
nl_queue_locked(struct nl_sock *nl, const uint8_t *data, size_t len,
    uint32_t src) FW_REQUIRES(&nl_lock)
{
	struct nl_dgram *d;

	if (nl->qhead != NULL && nl->qmem + len + NL_OVERHEAD >
	    (size_t)atomic_load(&nl->sk->rcvbuf)) {
		if (!(nl->flags & NLF_NO_ENOBUFS))
			atomic_store(&nl->sk->err, -ENOBUFS);
		sock_wake(nl->sk, LINUX_EPOLLERR);
		return -ENOBUFS;
	}
	if ((d = fw_alloc(sizeof(*d) + len)) == NULL)
		return -ENOMEM;
	d->next = NULL;
	d->src = src;
	d->len = len;
	memcpy(d->data, data, len);
	if (nl->qtail != NULL)
		nl->qtail->next = d;
	else
		nl->qhead = d;
	nl->qtail = d;
	nl->qmem += len + NL_OVERHEAD;
	sock_wake(nl->sk, LINUX_EPOLLIN | LINUX_EPOLLRDNORM);
	return 0;
}

/* Queues the next datagram's worth of the running dump. */
static void
nl_dump_next_locked(struct nl_sock *nl) FW_REQUIRES(&nl_lock)
{
	size_t limit = MAX((size_t)NL_GOODSIZE, nl->max_recv), n;
	const uint8_t *at = nl->dump.buf + nl->dump_off;

	n = nl_chunk_len(at, nl->dump.len - nl->dump_off, limit);
	if (n > 0 && nl_queue_locked(nl, at, n, 0) == -ENOMEM)
		return;				/* tried again next time */
	nl->dump_off += n;
	if (n == 0 || nl->dump_off == nl->dump.len) {
		nlb_free(&nl->dump);
		nl->dumping = false;
	}
}

/* Queues the replies (out) to one request; a dump is kept whole. */
static int
nl_reply_locked(struct nl_sock *nl, struct nlb *out, bool dump)
    FW_REQUIRES(&nl_lock)
{
	if (!dump)
		return out->len == 0 ? 0 :
		    nl_queue_locked(nl, out->buf, out->len, 0);
	if (nl->dumping)
		return -EBUSY;
	nl->dump = *out;
	nlb_init(out);
	nl->dump_off = 0;
	nl->dumping = true;
	sock_wake(nl->sk, LINUX_EPOLLIN | LINUX_EPOLLRDNORM);
	return 0;
}

/* netlink_rcv_skb(): the requests in buf[0..len), one by one. */
static void
nl_kernel_rcv(struct nl_sock *nl, const uint8_t *buf, size_t len,
    bool admin)
{
	struct linux_nlmsghdr h;
	struct nlb out, ack;
	size_t off = 0;
	uint32_t pid;
	bool dump;
	int err;

	fw_mutex_lock(&nl_lock);
	pid = nl->portid;
	fw_mutex_unlock(&nl_lock);
	while (len - off >= sizeof(h)) {
		memcpy(&h, buf + off, sizeof(h));
		if (h.nlmsg_len < sizeof(h) || h.nlmsg_len > len - off)
			break;
		nlb_init(&out);
		nlb_init(&ack);
		err = 0;
		dump = false;
		if ((h.nlmsg_flags & LINUX_NLM_F_REQUEST) &&
		    h.nlmsg_type >= LINUX_NLMSG_MIN_TYPE)
			err = rtnl_request(buf + off, h.nlmsg_len, pid, admin,
			    &out, &dump);
		if (err == 0 && dump)
			nlb_done(&out, h.nlmsg_seq, pid);
		if (err == 0 && out.err < 0)
			err = -ENOBUFS;
		fw_mutex_lock(&nl_lock);
		if (err == 0)
			err = nl_reply_locked(nl, &out, dump) == -EBUSY ?
			    -EBUSY : 0;
		if (err != 0 || ((h.nlmsg_flags & LINUX_NLM_F_ACK) && !dump)) {
			nlb_ack(&ack, buf + off, h.nlmsg_len, pid, err,
			    (nl->flags & NLF_CAP_ACK) != 0);
			if (ack.err == 0)
				(void)nl_queue_locked(nl, ack.buf, ack.len, 0);
		}
		fw_mutex_unlock(&nl_lock);
		nlb_free(&out);
		nlb_free(&ack);
		if (LINUX_NLMSG_ALIGN(h.nlmsg_len) >= len - off)
			break;
		off += LINUX_NLMSG_ALIGN(h.nlmsg_len);
	}
}

/* A datagram to another user port: 0, or -ECONNREFUSED. */
static int
nl_unicast(struct nl_sock *nl, uint32_t dst, const uint8_t *buf, size_t len)
{
	struct nl_sock *to;
	int err;

	fw_mutex_lock(&nl_lock);
	if ((to = nl_find_locked(dst)) == NULL)
		err = -ECONNREFUSED;
	else
		err = nl_queue_locked(to, buf, len, nl->portid);
	fw_mutex_unlock(&nl_lock);
	return err == -ENOBUFS ? 0 : err;	/* dropped, as Linux's */
}

static long
nl_send(struct sock *sk, struct sock_msg *m, bool nonblock)
{
	struct nl_sock *nl = sk->priv;
	struct thread *t = m->t;
	size_t len = m->it.left;
	uint32_t dst, groups = 0;
	uint8_t *buf;
	int err;

	if (m->flags & LINUX_MSG_OOB)
		return -EOPNOTSUPP;
	if (m->namelen > 0) {
		if ((err = nl_addr_in(m->name, m->namelen, &dst, &groups)) < 0)
			return err;
		if ((dst != 0 || groups != 0) && !inet_privileged(t))
			return -EPERM;
	} else {
		fw_mutex_lock(&nl_lock);
		dst = nl->dst_pid;
		fw_mutex_unlock(&nl_lock);
	}
	if (len > (size_t)atomic_load(&sk->sndbuf) - 32)
		return -EMSGSIZE;
	fw_mutex_lock(&nl_lock);
	nl_autobind_locked(nl, t);
	fw_mutex_unlock(&nl_lock);
	if ((buf = fw_alloc(MAX(len, (size_t)1))) == NULL)
		return -ENOBUFS;
	if ((err = iter_copy_from(&m->it, buf, len)) == 0) {
		if (dst != 0)
			err = nl_unicast(nl, dst, buf, len);
		else
			nl_kernel_rcv(nl, buf, len, inet_privileged(t));
	}
	fw_free(buf);
	return err < 0 ? err : (long)len;
}

/* The next datagram, taken or (peek) copied: 0, or -errno. */
static int
nl_next(struct sock *sk, struct nl_sock *nl, bool nonblock, bool peek,
    struct nl_dgram **out)
{
	uint64_t timeo = sk->rcvtimeo;
	uint64_t deadline = sock_deadline(timeo);
	struct nl_dgram *d;
	unsigned int gen;
	int err;

	fw_mutex_lock(&nl_lock);
	for (;;) {
		if (nl->qhead == NULL && nl->dumping)
			nl_dump_next_locked(nl);
		if ((d = nl->qhead) != NULL)
			break;
		err = sock_error(sk);
		if (err == 0 && nonblock)
			err = -EAGAIN;
		gen = atomic_load(&sk->gen);
		fw_mutex_unlock(&nl_lock);
		if (err == 0)
			err = sock_wait(sk, gen, deadline, timeo != 0);
		if (err < 0)
			return err;
		fw_mutex_lock(&nl_lock);
	}
	if (peek) {
		if ((*out = fw_alloc(sizeof(*d) + d->len)) != NULL) {
			memcpy(*out, d, sizeof(*d));
			memcpy((*out)->data, d->data, d->len);
		}
	} else {
		nl->qhead = d->next;
		if (nl->qhead == NULL)
			nl->qtail = NULL;
		nl->qmem -= d->len + NL_OVERHEAD;
		*out = d;
	}
	fw_mutex_unlock(&nl_lock);
	return *out == NULL ? -ENOMEM : 0;
}

static long
nl_recv(struct sock *sk, struct sock_msg *m, bool nonblock)
{
	struct nl_sock *nl = sk->priv;
	struct linux_sockaddr_nl a;
	struct nl_dgram *d;
	size_t n;
	int err;

	if (m->flags & LINUX_MSG_OOB)
		return -EOPNOTSUPP;
	if (m->flags & LINUX_MSG_ERRQUEUE)
		return -EAGAIN;
	nonblock |= (m->flags & LINUX_MSG_DONTWAIT) != 0;
	fw_mutex_lock(&nl_lock);
	nl->max_recv = MIN(MAX(nl->max_recv, m->it.left),
	    (size_t)NL_RECV_MAX);
	fw_mutex_unlock(&nl_lock);
	if ((err = nl_next(sk, nl, nonblock, (m->flags & LINUX_MSG_PEEK) != 0,
	    &d)) < 0)
		return err;
	n = MIN(m->it.left, d->len);
	if (n < d->len)
		m->oflags |= LINUX_MSG_TRUNC;
	memset(&a, 0, sizeof(a));
	a.nl_family = LINUX_AF_NETLINK;
	a.nl_pid = d->src;
	memcpy(m->name, &a, sizeof(a));
	m->namelen = sizeof(a);
	err = iter_copy_to(&m->it, d->data, n);
	if (err == 0)
		err = (m->flags & LINUX_MSG_TRUNC) ? (int)d->len : (int)n;
	fw_free(d);
	return err;
}

static uint32_t
nl_poll(struct sock *sk, struct poll_table *pt)
{
	struct nl_sock *nl = sk->priv;
	uint32_t mask = LINUX_EPOLLOUT | LINUX_EPOLLWRNORM;

	poll_wait(pt, &sk->ph);
	if (atomic_load(&sk->err) != 0)
		mask |= LINUX_EPOLLERR;
	fw_mutex_lock(&nl_lock);
	if (nl->qhead != NULL || nl->dumping)
		mask |= LINUX_EPOLLIN | LINUX_EPOLLRDNORM;
	fw_mutex_unlock(&nl_lock);
	return mask;
}

static int
nl_shutdown(struct sock *sk, int how)
{
	return -EOPNOTSUPP;
}

static int
nl_getname(struct sock *sk, uint8_t *sa, size_t *len, int peer)
{
	struct nl_sock *nl = sk->priv;
	struct linux_sockaddr_nl a;

	memset(&a, 0, sizeof(a));
	a.nl_family = LINUX_AF_NETLINK;
	fw_mutex_lock(&nl_lock);
	a.nl_pid = peer ? nl->dst_pid : nl->portid;
	a.nl_groups = peer ? nl->dst_groups : (uint32_t)nl->groups;
	fw_mutex_unlock(&nl_lock);
	memcpy(sa, &a, sizeof(a));
	*len = NL_ADDR_LEN;
	return 0;
}

static uint32_t
nl_opt_flag(int name)
{
	switch (name) {
	case LINUX_NETLINK_PKTINFO:		return NLF_PKTINFO;
	case LINUX_NETLINK_BROADCAST_ERROR:	return NLF_BCAST_ERR;
	case LINUX_NETLINK_NO_ENOBUFS:		return NLF_NO_ENOBUFS;
	case LINUX_NETLINK_LISTEN_ALL_NSID:	return NLF_ALL_NSID;
	case LINUX_NETLINK_CAP_ACK:		return NLF_CAP_ACK;
	case LINUX_NETLINK_EXT_ACK:		return NLF_EXT_ACK;
	default:				return 0;
	}
}

/*
 * netlink_setsockopt(): a value shorter than an int reads as 0.
 * NETLINK_GET_STRICT_CHK is ENOPROTOOPT on purpose: dumps are not
 * filtered, and iproute2 then filters them itself.
 */
static int
nl_setsockopt(struct sock *sk, int level, int name, const uint8_t *val,
    size_t len)
{
	struct nl_sock *nl = sk->priv;
	uint32_t flag = nl_opt_flag(name);
	int32_t v = 0;

	if (level != LINUX_SOL_NETLINK)
		return -ENOPROTOOPT;
	if (len >= sizeof(v))
		memcpy(&v, val, sizeof(v));
	if (name == LINUX_NETLINK_ADD_MEMBERSHIP ||
	    name == LINUX_NETLINK_DROP_MEMBERSHIP) {
		if (v <= 0 || v > LINUX_RTNLGRP_MAX)
			return -EINVAL;
		fw_mutex_lock(&nl_lock);
		if (name == LINUX_NETLINK_ADD_MEMBERSHIP)
			nl->groups |= (uint64_t)1 << (v - 1);
		else
			nl->groups &= ~((uint64_t)1 << (v - 1));
		fw_mutex_unlock(&nl_lock);
		return 0;
	}
	if (flag == 0)
		return -ENOPROTOOPT;
	fw_mutex_lock(&nl_lock);
	nl->flags = v ? nl->flags | flag : nl->flags & ~flag;
	fw_mutex_unlock(&nl_lock);
	return 0;
}

static int
nl_getsockopt(struct sock *sk, int level, int name, uint8_t *val,
    size_t *len)
{
	struct nl_sock *nl = sk->priv;
	uint32_t flag = nl_opt_flag(name);
	uint64_t groups;
	int32_t v;

	if (level != LINUX_SOL_NETLINK)
		return -ENOPROTOOPT;
	fw_mutex_lock(&nl_lock);
	v = (nl->flags & flag) != 0;
	groups = nl->groups;
	fw_mutex_unlock(&nl_lock);
	if (name == LINUX_NETLINK_LIST_MEMBERSHIPS) {
		memcpy(val, &groups, sizeof(groups));
		*len = sizeof(groups);
		return 0;
	}
	if (flag == 0)
		return -ENOPROTOOPT;
	memcpy(val, &v, sizeof(v));
	*len = sizeof(v);
	return 0;
}

static void
nl_release(struct sock *sk)
{
	struct nl_sock *nl = sk->priv, **pp;
	struct nl_dgram *d, *next;

	fw_mutex_lock(&nl_lock);
	for (pp = &nl_ports; *pp != NULL; pp = &(*pp)->next)
		if (*pp == nl) {
			*pp = nl->next;
			break;
		}
	d = nl->qhead;
	nl->qhead = nl->qtail = NULL;
	nlb_free(&nl->dump);
	fw_mutex_unlock(&nl_lock);
	for (; d != NULL; d = next) {
		next = d->next;
		fw_free(d);
	}
	sock_unref(sk);		/* the nl_sock's */
	fw_free(nl);
}

static const struct sock_ops nl_ops = {
	.bind = nl_bind,
	.connect = nl_connect,
	.listen = sock_no_listen,
	.accept = sock_no_accept,
	.sendmsg = nl_send,
	.recvmsg = nl_recv,
	.shutdown = nl_shutdown,
	.getname = nl_getname,
	.poll = nl_poll,
	.setsockopt = nl_setsockopt,
	.getsockopt = nl_getsockopt,
	.release = nl_release,
};

int
netlink_create(int type, int protocol, struct thread *t, struct sock **out)
{
	struct nl_sock *nl;

	if (type != LINUX_SOCK_RAW && type != LINUX_SOCK_DGRAM)
		return -ESOCKTNOSUPPORT;
	if (protocol != LINUX_NETLINK_ROUTE)
		return -EPROTONOSUPPORT;
	if ((nl = fw_zalloc(1, sizeof(*nl))) == NULL)
		return -ENOMEM;
	if ((nl->sk = sock_alloc(LINUX_AF_NETLINK, type, protocol, &nl_ops,
	    nl)) == NULL) {
		fw_free(nl);
		return -ENOMEM;
	}
	*out = sock_ref(nl->sk);
	return 0;
}
