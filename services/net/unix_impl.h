/*
 * services/net/unix_impl.h: AF_UNIX's objects (unix(7)), shared by
 * unix.c (names, connections, lifetime), unix_stream.c (stream and
 * seqpacket transfer) and unix_dgram.c (datagrams).
 *
 * A message is a unix_skb on its receiver's queue; it is charged to its
 * sender's wmem until read (the sender's sndbuf bounds what it may have
 * in flight) and holds its sender's name and any passed rights.  A
 * stream or seqpacket connection is two sockets that are each other's
 * peer; connect() makes the server's end at once and queues it on the
 * listener for accept().
 *
 * Locks used to protect fields in this file:
 *	U	unix_lock, the one mutex of the family: every unix_sock field,
 *		every queue, the name table.  Never held across a user access,
 *		a wait or a VFS call.
 *	I	immutable once published
 *	a	atomic
 */
#ifndef NET_UNIX_IMPL_H
#define NET_UNIX_IMPL_H

#include <fw/mutex.h>
#include <stdatomic.h>
#include "net.h"

struct vnode;

extern struct fw_mutex unix_lock;

/*
 * A bound name: the sockaddr_un bytes as getsockname returns them (len
 * counts sun_family), and for a path name the socket node's identity.
 * Counted; immutable.
 */
struct unix_addr {
	atomic_uint	 nref;
	size_t		 len;
	uint8_t		 sa[sizeof(struct linux_sockaddr_un) + 1];
	const void	*node_sb;	/* path names: the node's (sb, ino) */
	uint64_t	 node_ino;
};

struct unix_skb {
	struct unix_skb		*next;			/* [U] */
	struct unix_sock	*from;			/* [U] counted */
	struct unix_addr	*addr;		/* [I] sender's, or NULL */
	struct scm		*scm;			/* [U] or NULL */
	struct linux_ucred	 cred;			/* [I] sender's */
	size_t			 charge;		/* [I] on from->wmem */
	size_t			 len, off;	/* [U] off: read (stream) */
	uint8_t			 data[];
};

enum unix_state { UNIX_UNCONNECTED, UNIX_LISTENING, UNIX_CONNECTED };

struct unix_sock {
	atomic_uint		 nref;
	struct sock		*sk;		/* [I] counted by the file */
	enum unix_state		 state;		/* [U] */
	bool			 dead;		/* [U] its file is gone */
	struct unix_sock	*peer;		/* [U] counted */
	struct unix_addr	*addr;		/* [U] counted, or NULL */
	struct vnode		*node;		/* [U] a path name's, counted */
	struct unix_sock	*nnext;		/* [U] the name table */
	/* The receive queue (messages, or a listener's new connections). */
	struct unix_skb		*qhead, *qtail;	/* [U] */
	size_t			 qlen, qbytes;	/* [U] */
	struct unix_sock	*ahead, *atail, *anext;	/* [U] accept queue */
	size_t			 alen;		/* [U] */
	int			 backlog;	/* [U] */
	size_t			 wmem;		/* [U] own bytes at peers */
	struct linux_ucred	 peercred;	/* [U] SO_PEERCRED */
	bool			 has_peercred;	/* [U] */
	/* Serialises readers, so a queue's head stays put while copied. */
	struct fw_mutex		 iolock;
	/* Rights in flight (unix_gc.c): how often its file is. */
	unsigned int		 inflight;	/* [U] */
	struct unix_sock	*inext;		/* [U] the in-flight list */
	bool			 gc_cand;	/* [U] the collector's */
	unsigned int		 gc_refs;	/* [U] */
	/* The credentials captured at listen() for connecting clients. */
	struct linux_ucred	 listencred;	/* [U] */
};

/* What each message costs its sender beyond its bytes (Linux's skb). */
#define UNIX_SKB_OVERHEAD	512
/* net.unix.max_dgram_qlen */
#define UNIX_MAX_DGRAM_QLEN	10

static inline struct unix_sock *
unix_of(struct sock *sk)
{
	return sk->priv;
}

/* A new socket of type: *out's one reference is its file's. */
FW_MUST_CHECK int	 unix_new(int type, struct unix_sock **out);
struct unix_sock	*unix_ref(struct unix_sock *u);
void			 unix_unref(struct unix_sock *u);
void			 unix_addr_unref(struct unix_addr *a);
struct unix_addr	*unix_addr_ref(struct unix_addr *a);
/*
 * A message of len data bytes, its header zeroed, its data not: the caller
 * fills all of it, or frees the message unqueued.  NULL without memory.
 * Charged to its sender once queued (unix_queue).
 */
struct unix_skb		*unix_skb_alloc(size_t len);
/* Appends skb to to's queue, charging its sender.  Requires unix_lock. */
void			 unix_queue(struct unix_sock *to, struct unix_skb *skb)
			    FW_REQUIRES(&unix_lock);
/* Unlinks the head of u's queue.  Requires unix_lock. */
struct unix_skb		*unix_dequeue(struct unix_sock *u)
			    FW_REQUIRES(&unix_lock);
/*
 * Frees a message taken off a queue: uncharges and wakes its sender, drops
 * its rights.  Requires unix_lock.
 */
void			 unix_skb_free(struct unix_skb *skb)
			    FW_REQUIRES(&unix_lock);
/*
 * The socket bound to the sockaddr_un addr (len bytes) for t, referenced:
 * 0, or -EINVAL (malformed), -ENOENT and the path walk's errors,
 * -ECONNREFUSED (nothing bound there).  Takes unix_lock; call without it.
 */
FW_MUST_CHECK int	 unix_find(struct thread *t, const uint8_t *addr,
			    size_t len, struct unix_sock **out);
/* Binds an unbound u to a fresh abstract name (autobind). */
FW_MUST_CHECK int	 unix_autobind(struct unix_sock *u);

/*
 * unix_gc.c.  unix_unlock() lets go of unix_lock, then drops the rights
 * buried under it (unix_bury(): s leaves its message, its files are
 * dropped after the lock).  unix_inflight() counts s's AF_UNIX files in
 * (delta 1, queued) or out of flight (-1).  unix_gc() frees unreachable
 * cycles of rights; called without the lock.
 */
void			 unix_unlock(void) FW_RELEASES(&unix_lock);
void			 unix_bury(struct scm *s) FW_REQUIRES(&unix_lock);
void			 unix_inflight(struct scm *s, int delta)
			    FW_REQUIRES(&unix_lock);
void			 unix_gc(void) FW_EXCLUDES(&unix_lock);

/* The family ops of each type. */
extern const struct sock_ops unix_stream_ops;
extern const struct sock_ops unix_dgram_ops;
/* unix.c: the calls both share. */
int		unix_bind(struct sock *sk, struct thread *t,
		    const uint8_t *addr, size_t len);
int		unix_getname(struct sock *sk, uint8_t *addr, size_t *len,
		    int peer);
int		unix_peercred(struct sock *sk, struct linux_ucred *out);
long		unix_inq(struct sock *sk);
long		unix_outq(struct sock *sk);
void		unix_release(struct sock *sk);
/*
 * Lets go of u as its file's release does; an embryo (a connection never
 * accepted) resets its client.  Drops the file's reference.
 */
void		unix_release_sock(struct unix_sock *u, bool embryo);
/* unix_stream.c: makes a and b each other's peer. */
void		unix_connect_pair(struct unix_sock *a, struct unix_sock *b)
		    FW_REQUIRES(&unix_lock);
/* unix_dgram.c: seqpacket's transfers and the poll of both. */
long		unix_dgram_send(struct sock *sk, struct sock_msg *m,
		    bool nonblock);
long		unix_dgram_recv(struct sock *sk, struct sock_msg *m,
		    bool nonblock);
uint32_t	unix_dgram_poll(struct sock *sk, struct poll_table *pt);
int		unix_shutdown(struct sock *sk, int how);
/* The message's credentials: explicit SCM_CREDENTIALS, or the sender's. */
void		unix_msg_cred(const struct sock_msg *m,
		    struct linux_ucred *out);

#endif
