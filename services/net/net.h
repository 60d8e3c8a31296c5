/*
 * services/net/net.h: the socket layer's private interface.  A socket is
 * an open file (svc/file.h) whose priv is a struct sock: the family-neutral
 * part (type, SOL_SOCKET options, the pending error, shutdown bits, the
 * wait queue and poll head) and the family's ops and object.  The sys_
 * entries (sys_socket.c, sys_sockmsg.c, sys_sockopt.c) decode and check
 * the guest's arguments in Linux's order, and move user bytes only
 * through a msg_iter; the families (unix*.c) keep the state.
 *
 * Waiting: every state change of a socket bumps sk->gen and wakes sk->wq
 * (sock_wake()); a waiter reads gen under the family's lock, finds the
 * condition false, drops the lock and sleeps until gen moves
 * (sock_wait()), so no wake-up between the check and the sleep is lost.
 *
 * Locks used to protect fields in this file:
 *	I	immutable after sock_alloc()
 *	o	sk->lock (options)
 *	a	atomic
 *	F	the family's own lock (unix_lock for AF_UNIX)
 * Lock order: the family's lock, then sk->lock.  Neither is held across a
 * user-memory access or a wait.
 */
#ifndef NET_NET_H
#define NET_NET_H

#include <fw/types.h>
#include <fw/mutex.h>
#include <fw/uaccess.h>
#include <fw/waitq.h>
#include <stdatomic.h>
#include <svc/poll.h>
#include <uapi/fs.h>
#include <uapi/socket.h>

struct file;
struct proc;
struct thread;
struct sock;

/*
 * The bytes of one call: a user iovec (already checked: at most IOV_MAX
 * entries, a total that fits ssize_t) or one kernel buffer (sendfile,
 * splice).  The copies advance it; a fault is -EFAULT, after which the
 * iterator's position is unspecified.
 */
struct msg_iter {
	struct fw_vm			*vm;	/* NULL: kernel buffer kbuf */
	const struct linux_iovec	*iov;
	size_t				 cnt, idx, off;
	uint8_t				*kbuf;
	size_t				 left;	/* bytes still to move */
};
void		iter_init_user(struct msg_iter *it, struct fw_vm *vm,
		    const struct linux_iovec *iov, size_t cnt);
void		iter_init_kernel(struct msg_iter *it, void *buf, size_t len);
FW_MUST_CHECK int iter_copy_from(struct msg_iter *it, void *dst, size_t n);
FW_MUST_CHECK int iter_copy_to(struct msg_iter *it, const void *src,
		    size_t n);
/* Skips n bytes (a datagram's truncated tail). */
void		iter_skip(struct msg_iter *it, size_t n);

/* Rights and credentials passed with a message (SCM_RIGHTS, CREDENTIALS). */
struct scm {
	struct scm		*next;		/* the owner's list */
	struct linux_ucred	 cred;		/* the sender's */
	unsigned int		 nfds;
	struct file		*files[LINUX_SCM_MAX_FD];	/* counted */
};
void		scm_free(struct scm *s);	/* NULL ok: drops the files */

/*
 * One sendmsg or recvmsg, decoded.  On send, name (namelen > 0) is the
 * destination and scm what the control data asked to pass (NULL: none).
 * On receive the family fills name/namelen with the source (datagrams),
 * ORs MSG_TRUNC/MSG_CTRUNC/MSG_EOR into oflags and hands the message's
 * rights and credentials over through sock_put_scm().
 */
struct sock_msg {
	struct msg_iter	 it;
	uint8_t		 name[LINUX_SOCKADDR_MAX];
	size_t		 namelen;
	int		 flags;		/* MSG_* of the call */
	int		 oflags;	/* receive: the msg_flags out */
	struct scm	*scm;		/* send: owned by the caller */
	struct thread	*t;
	/* Receive: the user's control buffer, and how much is used. */
	fw_uaddr_t	 control;
	size_t		 controllen, control_used;
};

struct sock_ops {
	/* addr is the guest's sockaddr of len bytes (len <= SOCKADDR_MAX). */
	int	(*bind)(struct sock *sk, struct thread *t, const uint8_t *addr,
		    size_t len);
	int	(*connect)(struct sock *sk, struct thread *t,
		    const uint8_t *addr, size_t len, bool nonblock);
	int	(*listen)(struct sock *sk, struct thread *t, int backlog);
	/* *out: a new socket (one reference) connected to a client. */
	int	(*accept)(struct sock *sk, bool nonblock, struct sock **out);
	/* Bytes sent or received, or -errno (-EPIPE: the caller signals). */
	long	(*sendmsg)(struct sock *sk, struct sock_msg *m, bool nonblock);
	long	(*recvmsg)(struct sock *sk, struct sock_msg *m, bool nonblock);
	/* how is SHUT_RD/WR/RDWR, checked. */
	int	(*shutdown)(struct sock *sk, int how);
	/*
	 * The own address (peer 0) or the peer's (1: getpeername, ENOTCONN
	 * unless connected; 2: for accept, whatever the connection's state):
	 * *len bytes.
	 */
	int	(*getname)(struct sock *sk, uint8_t *addr, size_t *len,
		    int peer);
	uint32_t (*poll)(struct sock *sk, struct poll_table *pt);
	/* FIONREAD (inq) and SIOCOUTQ: bytes, or -errno. */
	long	(*inq)(struct sock *sk);
	long	(*outq)(struct sock *sk);
	/* The peer's credentials for SO_PEERCRED: 0, or -ENOTCONN... */
	int	(*peercred)(struct sock *sk, struct linux_ucred *out);
	/*
	 * Options of the family's levels (not SOL_SOCKET), optional (NULL:
	 * EOPNOTSUPP).  val holds len bytes (at most 256 are passed);
	 * get fills val and *len, which the caller cuts to the guest's.
	 */
	int	(*setsockopt)(struct sock *sk, int level, int name,
		    const uint8_t *val, size_t len);
	int	(*getsockopt)(struct sock *sk, int level, int name,
		    uint8_t *val, size_t *len);
	/*
	 * A SOL_SOCKET option was set (stored in the sock already), for a
	 * family that acts on it (TCP on SO_KEEPALIVE); optional.  Called
	 * with no lock held.
	 */
	void	(*sol_changed)(struct sock *sk, int name);
	/* The file is gone: the family lets go of the socket. */
	void	(*release)(struct sock *sk);
};

#define SOCK_RCV_SHUTDOWN	1
#define SOCK_SEND_SHUTDOWN	2

/* Linux's defaults: net.core.{w,r}mem_default and _max, doubled on set. */
#define SOCK_BUF_DEFAULT	212992
#define SOCK_BUF_MAX		212992
#define SOCK_MIN_SNDBUF		4608
#define SOCK_MIN_RCVBUF		2304

struct sock {
	atomic_uint		 nref;		/* [a] */
	const struct sock_ops	*ops;		/* [I] */
	int			 family, type, protocol;	/* [I] */
	void			*priv;		/* [I] the family's object */
	/* Its file (not counted: valid while the file is, set once). */
	struct file		*file;		/* [I] */
	struct fw_mutex		 lock;
	struct fw_waitq		 wq;
	atomic_uint		 gen;		/* [a] bumped on each change */
	struct pollhead		 ph;
	atomic_int		 err;		/* [a] SO_ERROR, read once */
	atomic_uint		 shut;		/* [a] SOCK_*_SHUTDOWN */
	/* SOL_SOCKET options. */
	atomic_int		 sndbuf, rcvbuf;	/* [a] doubled */
	atomic_int		 rcvlowat;	/* [a] */
	atomic_bool		 passcred;	/* [a] */
	atomic_bool		 listening;	/* [a] SO_ACCEPTCONN */
	uint64_t		 cookie;	/* [I] SO_COOKIE */
	uint64_t		 rcvtimeo, sndtimeo;	/* [o] ns, 0: none */
	struct linux_linger	 linger;	/* [o] */
	uint32_t		 flags;		/* [o] SOCKF_* */
	int			 priority, mark;	/* [o] */
};
#define SOCKF_REUSEADDR		0x1
#define SOCKF_REUSEPORT		0x2
#define SOCKF_KEEPALIVE		0x4
#define SOCKF_BROADCAST		0x8
#define SOCKF_OOBINLINE		0x10
#define SOCKF_TIMESTAMP		0x20
#define SOCKF_DEBUG		0x40
#define SOCKF_DONTROUTE		0x80

/* socket.c: lifetime and the generic parts. */
/* A new socket (one reference) with default options: NULL without memory. */
struct sock	*sock_alloc(int family, int type, int protocol,
		    const struct sock_ops *ops, void *priv);
struct sock	*sock_ref(struct sock *sk);
/* Drops a reference; the last frees the struct sock (not priv). */
void		 sock_unref(struct sock *sk);
/* A file on sk (taking a new reference) with open flags: 0 or -ENOMEM. */
FW_MUST_CHECK int sock_file(struct sock *sk, unsigned int flags,
		    struct file **out);
/* The socket of file f, or NULL when f is not a socket (ENOTSOCK). */
struct sock	*sock_of_file(const struct file *f);
/* Announces a change (events for pollers; 0: any). */
void		 sock_wake(struct sock *sk, uint32_t events);
/*
 * Sleeps until sk->gen differs from seen or the deadline passes: 0,
 * -EAGAIN (the deadline: a socket timeout), -ERESTARTSYS (a signal; -EINTR
 * when a socket timeout is set, signal(7)).
 */
FW_MUST_CHECK int sock_wait(struct sock *sk, unsigned int seen,
		    uint64_t deadline, bool timed);
/* The deadline of a call that may wait for ns (0: forever). */
uint64_t	 sock_deadline(uint64_t ns);
/* Pending error: read and clear (0 if none). */
int		 sock_error(struct sock *sk);
/*
 * Hands the received rights and credentials of s (owned by the call; the
 * files are installed or dropped) to the user's control buffer: the
 * credentials when SO_PASSCRED, then SCM_RIGHTS.  Sets MSG_CTRUNC when
 * something did not fit.  0 or -EFAULT, -EMFILE.
 */
FW_MUST_CHECK int sock_put_scm(struct sock *sk, struct sock_msg *m,
		    struct scm *s, bool creds);
/* listen and accept of a family without connections: EOPNOTSUPP. */
int		 sock_no_listen(struct sock *sk, struct thread *t, int backlog);
int		 sock_no_accept(struct sock *sk, bool nonblock,
		    struct sock **out);
/* The credentials of the calling thread's process, as ucred. */
void		 sock_self_cred(struct thread *t, struct linux_ucred *out);

/* sys_socket.c: what the sys_ entries share. */
/* The socket open at fd: 0 with *f referenced, or -EBADF, -ENOTSOCK. */
FW_MUST_CHECK int sock_get(struct proc *p, int fd, struct file **f,
		    struct sock **sk);
/*
 * move_addr_to_kernel(): the user sockaddr of len bytes into buf
 * (LINUX_SOCKADDR_MAX bytes, zeroed first): 0, -EINVAL (len past 128 or
 * negative), -EFAULT.
 */
FW_MUST_CHECK int sockaddr_import(struct fw_vm *vm, uint64_t uaddr,
		    uint64_t len, uint8_t *buf, size_t *out);
/*
 * move_addr_to_user(): what fits of the address (klen bytes) to uaddr,
 * whose room the int at ulen says, then klen to ulen: 0, -EINVAL (a
 * negative room), -EFAULT.
 */
FW_MUST_CHECK int sockaddr_export(struct fw_vm *vm, const uint8_t *addr,
		    size_t klen, uint64_t uaddr, uint64_t ulen);

/*
 * ifioctl.c: the netdevice(7) ioctls (SIOCGIF*, SIOCSIF*) any socket
 * answers: 0 or -errno, -ENOTTY for a command that is not one of them.
 * arg is the guest's ifreq or ifconf.  Takes inet_lock (through
 * ifaddr.h): call with no lock held.
 */
long		 net_if_ioctl(struct sock *sk, struct thread *t,
		    unsigned int cmd, uint64_t arg);

/* The families: a new socket of type/protocol (*out one reference). */
FW_MUST_CHECK int unix_create(int type, int protocol, struct sock **out);
FW_MUST_CHECK int unix_pair(int type, struct thread *t, struct sock **a,
		    struct sock **b);

#endif
