/*
 * services/net/unix.c: AF_UNIX sockets (unix(7)): their lifetime, their
 * names and messages; the transfer of each type is in unix_stream.c and
 * unix_dgram.c.
 *
 * Names: a path name is a socket node in the file system
 * (vfs_sock_mknod()); the socket is found by the node's identity.  An
 * abstract name (sun_path[0] == 0) is all addrlen - 2 bytes and lives
 * only in the name table; autobind picks "\0" and five hex digits.
 * getsockname of a path counts its terminating NUL; of an unnamed socket
 * it is just sun_family (addrlen 2).
 *
 * Interface: unix_create(), unix_pair() (net.h); unix_impl.h within.
 * Locks: unix_lock (unix_impl.h).  File-system calls are made without it:
 * bind makes the node first and publishes the name after.
 */
#include <fw/alloc.h>
#include <fw/errno.h>
#include <fw/log.h>
#include <fw/string.h>
#include <svc/file.h>
#include <svc/lib.h>
#include <svc/proc.h>
#include <svc/vfs.h>
#include "net.h"
#include "unix_impl.h"

struct fw_mutex unix_lock;	/* zeroed: unlocked */
/* Bound sockets, newest first. */
static struct unix_sock *unix_names FW_GUARDED_BY(&unix_lock);
static unsigned int unix_autobind_next FW_GUARDED_BY(&unix_lock);

struct unix_sock *
unix_ref(struct unix_sock *u)
{
	atomic_fetch_add(&u->nref, 1);
	return u;
}

void
unix_unref(struct unix_sock *u)
{
	if (u == NULL || atomic_fetch_sub(&u->nref, 1) != 1)
		return;
	sock_unref(u->sk);
	fw_free(u);
}

struct unix_addr *
unix_addr_ref(struct unix_addr *a)
{
	if (a != NULL)
		atomic_fetch_add(&a->nref, 1);
	return a;
}

void
unix_addr_unref(struct unix_addr *a)
{
	if (a != NULL && atomic_fetch_sub(&a->nref, 1) == 1)
		fw_free(a);
}

struct unix_skb *
unix_skb_alloc(size_t len)
{
	struct unix_skb *skb;

	if (len > SIZE_MAX - sizeof(*skb) ||
	    (skb = fw_alloc(sizeof(*skb) + len)) == NULL)
		return NULL;
	memset(skb, 0, sizeof(*skb));
	return skb;
}

void
unix_queue(struct unix_sock *to, struct unix_skb *skb)
{
	skb->next = NULL;
	if (to->qtail != NULL)
		to->qtail->next = skb;
	else
		to->qhead = skb;
	to->qtail = skb;
	to->qlen++;
	to->qbytes += skb->len - skb->off;
	if (skb->scm != NULL)
		unix_inflight(skb->scm, 1);
}

struct unix_skb *
unix_dequeue(struct unix_sock *u)
{
	struct unix_skb *skb = u->qhead;

	if (skb == NULL)
		return NULL;
	u->qhead = skb->next;
	if (u->qhead == NULL)
		u->qtail = NULL;
	u->qlen--;
	u->qbytes -= skb->len - skb->off;
	return skb;
}

void
unix_skb_free(struct unix_skb *skb)
{
	struct unix_sock *from = skb->from;

	if (from != NULL) {
		from->wmem -= skb->charge;
		sock_wake(from->sk, LINUX_EPOLLOUT | LINUX_EPOLLWRNORM);
		unix_unref(from);
	}
	unix_addr_unref(skb->addr);
	if (skb->scm != NULL) {
		/* Queued: its rights were in flight. */
		unix_inflight(skb->scm, -1);
		unix_bury(skb->scm);
	}
	fw_free(skb);
}

/* The name table. */
static struct unix_sock *
unix_name_find_locked(const struct unix_addr *a) FW_REQUIRES(&unix_lock)
{
	struct unix_sock *u;

	for (u = unix_names; u != NULL; u = u->nnext) {
		if (a->node_sb != NULL) {
			if (u->addr->node_sb == a->node_sb &&
			    u->addr->node_ino == a->node_ino)
				return u;
		} else if (u->addr->node_sb == NULL && u->addr->len == a->len &&
		    memcmp(u->addr->sa, a->sa, a->len) == 0)
			return u;
	}
	return NULL;
}

static void
unix_name_remove_locked(struct unix_sock *u) FW_REQUIRES(&unix_lock)
{
	struct unix_sock **pp;

	for (pp = &unix_names; *pp != NULL; pp = &(*pp)->nnext) {
		if (*pp == u) {
			*pp = u->nnext;
			u->nnext = NULL;
			return;
		}
	}
}

/*
 * Checks a sockaddr_un of len bytes and makes its name: for a path, the
 * NUL-terminated path in path[] (108 bytes and a terminator).
 */
static int
unix_addr_make(const uint8_t *sa, size_t len, struct unix_addr **out,
    char *path)
{
	struct unix_addr *a;
	size_t n;

	if (len < LINUX_SUN_PATH_OFF || len > sizeof(struct linux_sockaddr_un)
	    || (sa[0] | sa[1] << 8) != LINUX_AF_UNIX)
		return -EINVAL;
	if ((a = fw_zalloc(1, sizeof(*a))) == NULL)
		return -ENOMEM;
	atomic_init(&a->nref, 1);
	path[0] = '\0';
	if (len > LINUX_SUN_PATH_OFF && sa[LINUX_SUN_PATH_OFF] != 0) {
		for (n = 0; LINUX_SUN_PATH_OFF + n < len &&
		    sa[LINUX_SUN_PATH_OFF + n] != 0; n++)
			path[n] = (char)sa[LINUX_SUN_PATH_OFF + n];
		path[n] = '\0';
		len = LINUX_SUN_PATH_OFF + n + 1;	/* with the NUL */
	}
	memcpy(a->sa, sa, MIN(len, sizeof(struct linux_sockaddr_un)));
	a->len = len;
	*out = a;
	return 0;
}

/* Publishes a (taken) as u's name: 0 or -EADDRINUSE (abstract). */
static int
unix_publish_locked(struct unix_sock *u, struct unix_addr *a)
    FW_REQUIRES(&unix_lock)
{
	if (a->node_sb == NULL && unix_name_find_locked(a) != NULL)
		return -EADDRINUSE;
	u->addr = a;
	u->nnext = unix_names;
	unix_names = u;
	return 0;
}

int
unix_autobind(struct unix_sock *u)
{
	struct unix_addr *a;
	unsigned int tries;
	char hex[8];
	int err = -ENOSPC;

	fw_mutex_lock(&unix_lock);
	if (u->addr != NULL) {
		unix_unlock();
		return 0;
	}
	for (tries = 0; tries < 0x100000; tries++) {
		if ((a = fw_zalloc(1, sizeof(*a))) == NULL) {
			err = -ENOMEM;
			break;
		}
		atomic_init(&a->nref, 1);
		a->sa[0] = LINUX_AF_UNIX;
		fw_snprintf(hex, sizeof(hex), "%05x",
		    unix_autobind_next++ & 0xfffff);
		memcpy(a->sa + LINUX_SUN_PATH_OFF + 1, hex, 5);
		a->len = LINUX_SUN_PATH_OFF + 6;
		if ((err = unix_publish_locked(u, a)) == 0)
			break;
		fw_free(a);
	}
	unix_unlock();
	return err;
}

int
unix_bind(struct sock *sk, struct thread *t, const uint8_t *sa, size_t len)
{
	struct unix_sock *u = unix_of(sk);
	char path[sizeof(struct linux_sockaddr_un)];
	struct vnode *node = NULL;
	struct unix_addr *a;
	int err;

	if (len == LINUX_SUN_PATH_OFF && len >= 2 &&
	    (sa[0] | sa[1] << 8) == LINUX_AF_UNIX) {
		fw_mutex_lock(&unix_lock);
		err = u->addr != NULL ? -EINVAL : 0;
		unix_unlock();
		return err < 0 ? err : unix_autobind(u);
	}
	if ((err = unix_addr_make(sa, len, &a, path)) < 0)
		return err;
	fw_mutex_lock(&unix_lock);
	err = u->addr != NULL ? -EINVAL : 0;
	unix_unlock();
	if (err == 0 && path[0] != '\0') {
		if ((err = vfs_sock_mknod(t->proc, path, &node)) == 0)
			vfs_sock_node_id(node, &a->node_sb, &a->node_ino);
		else if (err == -EEXIST)
			err = -EADDRINUSE;
	}
	if (err == 0) {
		fw_mutex_lock(&unix_lock);
		/* A racing bind of the same socket loses; its node stays. */
		err = u->addr != NULL ? -EINVAL : unix_publish_locked(u, a);
		if (err == 0) {
			u->node = node;
			node = NULL;
		}
		unix_unlock();
	}
	if (err < 0)
		unix_addr_unref(a);
	vnode_unref(node);
	return err;
}

int
unix_find(struct thread *t, const uint8_t *sa, size_t len,
    struct unix_sock **out)
{
	char path[sizeof(struct linux_sockaddr_un)];
	struct vnode *node;
	struct unix_addr *a;
	struct unix_sock *u;
	int err;

	if ((err = unix_addr_make(sa, len, &a, path)) < 0)
		return err;
	if (len == LINUX_SUN_PATH_OFF) {
		unix_addr_unref(a);
		return -EINVAL;
	}
	if (path[0] != '\0') {
		if ((err = vfs_sock_lookup(t->proc, path, &node)) < 0) {
			unix_addr_unref(a);
			return err;
		}
		vfs_sock_node_id(node, &a->node_sb, &a->node_ino);
		vnode_unref(node);
	}
	fw_mutex_lock(&unix_lock);
	if ((u = unix_name_find_locked(a)) != NULL && !u->dead)
		*out = unix_ref(u);
	else
		err = -ECONNREFUSED;
	unix_unlock();
	unix_addr_unref(a);
	return err;
}

int
unix_getname(struct sock *sk, uint8_t *sa, size_t *len, int peer)
{
	struct unix_sock *u = unix_of(sk);
	struct unix_addr *a;
	int err = 0;

	fw_mutex_lock(&unix_lock);
	if (peer) {
		if (u->peer == NULL || (sk->type != LINUX_SOCK_DGRAM &&
		    u->state != UNIX_CONNECTED))
			err = -ENOTCONN;
		a = u->peer != NULL ? u->peer->addr : NULL;
	} else
		a = u->addr;
	if (err == 0 && a != NULL) {
		memcpy(sa, a->sa, a->len);
		*len = a->len;
	} else if (err == 0) {
		sa[0] = LINUX_AF_UNIX;
		sa[1] = 0;
		*len = LINUX_SUN_PATH_OFF;
	}
	unix_unlock();
	return err;
}

int
unix_peercred(struct sock *sk, struct linux_ucred *out)
{
	struct unix_sock *u = unix_of(sk);
	int err = 0;

	fw_mutex_lock(&unix_lock);
	if (u->has_peercred)
		*out = u->peercred;
	else {
		/* Linux: no peer credentials reads as pid 0, ids -1. */
		out->pid = 0;
		out->uid = out->gid = UINT32_MAX;
	}
	unix_unlock();
	return err;
}

long
unix_inq(struct sock *sk)
{
	struct unix_sock *u = unix_of(sk);
	long n;

	fw_mutex_lock(&unix_lock);
	if (u->state == UNIX_LISTENING)
		n = -EINVAL;
	else if (sk->type != LINUX_SOCK_DGRAM)
		n = (long)u->qbytes;	/* seqpacket too: all queued */
	else
		n = u->qhead != NULL ? (long)u->qhead->len : 0;
	unix_unlock();
	return n;
}

long
unix_outq(struct sock *sk)
{
	struct unix_sock *u = unix_of(sk);
	long n;

	fw_mutex_lock(&unix_lock);
	n = u->state == UNIX_LISTENING ? -EINVAL : (long)u->wmem;
	unix_unlock();
	return n;
}

/* Drops u's messages and, for a listener, its unaccepted connections. */
static void
unix_purge_locked(struct unix_sock *u, struct unix_sock **orphans)
    FW_REQUIRES(&unix_lock)
{
	struct unix_skb *skb;
	struct unix_sock *c;

	while ((skb = unix_dequeue(u)) != NULL)
		unix_skb_free(skb);
	while ((c = u->ahead) != NULL) {
		u->ahead = c->anext;
		c->anext = *orphans;
		*orphans = c;
	}
	u->atail = NULL;
	u->alen = 0;
}

void
unix_release(struct sock *sk)
{
	unix_release_sock(unix_of(sk), false);
}

void
unix_release_sock(struct unix_sock *u, bool embryo)
{
	struct sock *sk = u->sk;
	struct unix_sock *peer, *orphans = NULL, *c;
	struct vnode *node;
	bool unread;

	fw_mutex_lock(&unix_lock);
	u->dead = true;
	if (u->addr != NULL)
		unix_name_remove_locked(u);
	node = u->node;
	u->node = NULL;
	unread = u->qhead != NULL;
	peer = u->peer;
	u->peer = NULL;
	if (peer != NULL && sk->type != LINUX_SOCK_DGRAM) {
		/* The other end sees end of file, or a reset: data lost. */
		atomic_store(&peer->sk->shut,
		    SOCK_RCV_SHUTDOWN | SOCK_SEND_SHUTDOWN);
		if (unread || embryo)
			atomic_store(&peer->sk->err, -ECONNRESET);
		sock_wake(peer->sk, 0);
	} else if (peer != NULL)
		sock_wake(peer->sk, 0);
	unix_purge_locked(u, &orphans);
	atomic_store(&sk->shut, SOCK_RCV_SHUTDOWN | SOCK_SEND_SHUTDOWN);
	sock_wake(sk, 0);
	unix_unlock();
	/* Unaccepted connections die as their files would. */
	while ((c = orphans) != NULL) {
		orphans = c->anext;
		c->anext = NULL;
		unix_release_sock(c, true);
		unix_unref(c);
	}
	unix_unref(peer);
	vnode_unref(node);
	unix_unref(u);		/* the file's */
	unix_gc();
}

int
unix_new(int type, struct unix_sock **out)
{
	const struct sock_ops *ops = type == LINUX_SOCK_DGRAM ?
	    &unix_dgram_ops : &unix_stream_ops;
	struct unix_sock *u;

	if ((u = fw_zalloc(1, sizeof(*u))) == NULL)
		return -ENOMEM;
	atomic_init(&u->nref, 1);
	fw_mutex_init(&u->iolock);
	if ((u->sk = sock_alloc(LINUX_AF_UNIX, type, 0, ops, u)) == NULL) {
		fw_free(u);
		return -ENOMEM;
	}
	*out = u;
	return 0;
}

int
unix_create(int type, int protocol, struct sock **out)
{
	struct unix_sock *u;
	int err;

	if (protocol != 0 && protocol != LINUX_AF_UNIX)
		return -EPROTONOSUPPORT;
	if (type == LINUX_SOCK_RAW)
		type = LINUX_SOCK_DGRAM;
	if (type != LINUX_SOCK_STREAM && type != LINUX_SOCK_DGRAM &&
	    type != LINUX_SOCK_SEQPACKET)
		return -ESOCKTNOSUPPORT;
	if ((err = unix_new(type, &u)) < 0)
		return err;
	*out = sock_ref(u->sk);
	return 0;
}

int
unix_pair(int type, struct thread *t, struct sock **a, struct sock **b)
{
	struct unix_sock *ua, *ub;
	struct linux_ucred cred;
	int err;

	if ((err = unix_create(type, 0, a)) < 0)
		return err;
	if ((err = unix_create((*a)->type, 0, b)) < 0) {
		unix_release_sock(unix_of(*a), false);
		sock_unref(*a);
		return err;
	}
	ua = unix_of(*a);
	ub = unix_of(*b);
	sock_self_cred(t, &cred);
	fw_mutex_lock(&unix_lock);
	unix_connect_pair(ua, ub);
	ua->peercred = ub->peercred = cred;
	ua->has_peercred = ub->has_peercred = true;
	unix_unlock();
	return 0;
}
