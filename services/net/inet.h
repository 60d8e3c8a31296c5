/*
 * services/net/inet.h: AF_INET and AF_INET6 sockets, as far as the stack
 * goes: addresses, the port table, and UDP over the loopback interface
 * (lo: 127.0.0.0/8 and ::1, the only one yet).  TCP, the routes beyond
 * lo and the devices are still to come (issue 9).
 *
 * Addresses are kept as 16 IPv6 bytes; an IPv4 address is the mapped
 * ::ffff:a.b.c.d, so an IPv6 socket that is not IPV6_V6ONLY sees IPv4
 * peers as Linux shows them.  Ports are in host order.
 *
 * Locks used to protect fields in this file:
 *	N	inet_lock, the one mutex of the inet sockets: the port table,
 *		every inet_sock field, every queue.  Never held across a user
 *		access or a wait.
 *	I	immutable after creation
 */
#ifndef NET_INET_H
#define NET_INET_H

#include <fw/mutex.h>
#include "net.h"

#define LINUX_IPPROTO_IP	0
#define LINUX_IPPROTO_ICMP	1
#define LINUX_IPPROTO_TCP	6
#define LINUX_IPPROTO_UDP	17
#define LINUX_IPPROTO_IPV6	41
#define LINUX_IPPROTO_ICMPV6	58
#define LINUX_SOL_IP		0
#define LINUX_SOL_IPV6		41
#define LINUX_SOL_UDP		17

/* IPPROTO_IP and IPPROTO_IPV6 options handled (the rest ENOPROTOOPT). */
#define LINUX_IP_TOS		1
#define LINUX_IP_TTL		2
#define LINUX_IP_PKTINFO	8
#define LINUX_IP_RECVERR	11
#define LINUX_IP_MTU_DISCOVER	10
#define LINUX_IP_FREEBIND	15
#define LINUX_IPV6_UNICAST_HOPS	16
#define LINUX_IPV6_V6ONLY	26
#define LINUX_IPV6_RECVPKTINFO	49
#define LINUX_IPV6_TCLASS	67

#define SOCKADDR_IN_LEN		16
#define SOCKADDR_IN6_LEN	28
#define INET_EPHEMERAL_LO	32768	/* net.ipv4.ip_local_port_range */
#define INET_EPHEMERAL_HI	60999
#define UDP_MAX_V4		65507	/* 65535 less IPv4 and UDP headers */
#define UDP_MAX_V6		65527

extern struct fw_mutex inet_lock;

struct tcp_cb;

struct inet_addr {
	uint8_t		b[16];
};

/* A datagram on its receiver's queue. */
struct inet_dgram {
	struct inet_dgram	*next;
	struct inet_addr	 src;
	uint16_t		 sport;
	size_t			 len, charge;
	uint8_t			 data[];
};

struct inet_sock {
	struct sock		*sk;		/* [I] counted */
	int			 proto;		/* [I] IPPROTO_UDP */
	uint32_t		 uid;		/* [I] euid, for SO_REUSEPORT */
	struct inet_addr	 laddr, raddr;	/* [N] */
	uint16_t		 lport, rport;	/* [N] 0: none */
	bool			 connected;	/* [N] */
	bool			 v6only;	/* [N] */
	int			 ttl, tos;	/* [N] ttl -1: the default 64 */
	bool			 recverr, pktinfo;	/* [N] stored */
	struct inet_sock	*pnext;		/* [N] the port table */
	struct tcp_cb		*tcp;		/* [I] TCP's, or NULL (UDP) */
	struct inet_dgram	*qhead, *qtail;	/* [N] */
	size_t			 qlen, qmem;	/* [N] */
};

/* inet_addr.c */
bool	inet_is_v4(const struct inet_addr *a);
/* ::ffff:v4 for the 4 bytes at v4. */
void	inet_v4_mapped(struct inet_addr *a, const uint8_t *v4);
bool	inet_is_any(const struct inet_addr *a);	/* 0.0.0.0 or :: */
bool	inet_is_local(const struct inet_addr *a);	/* lo's: 127/8, ::1 */
bool	inet_addr_eq(const struct inet_addr *a, const struct inet_addr *b);
/*
 * A guest sockaddr of len bytes for a socket of family: 0 with *a and
 * *port, or -EINVAL (too short), -EAFNOSUPPORT (another family).  An
 * IPv4 address given to an IPv6 socket is mapped.
 */
FW_MUST_CHECK int inet_addr_in(int family, const uint8_t *sa, size_t len,
		    struct inet_addr *a, uint16_t *port);
/* The sockaddr of (a, port) as a socket of family shows it: its length. */
size_t	inet_addr_out(int family, const struct inet_addr *a, uint16_t port,
	    uint8_t *sa);
/* The source address for sending to dst from a wildcard (lo's). */
void	inet_source_for(const struct inet_addr *dst, struct inet_addr *src);

/* inet_port.c: binding (inet_lock held). */
/* Takes (a, port) for s: 0, -EADDRINUSE; port 0 picks an ephemeral one. */
FW_MUST_CHECK int inet_port_bind_locked(struct inet_sock *s,
		    const struct inet_addr *a, uint16_t port)
		    FW_REQUIRES(&inet_lock);
void	inet_port_unbind_locked(struct inet_sock *s) FW_REQUIRES(&inet_lock);
/* Adds s as it is (a TCP connection's accepted end shares its port). */
void	inet_port_link_locked(struct inet_sock *s) FW_REQUIRES(&inet_lock);
/* Whether s may listen on its port: no other listener overlaps it. */
bool	inet_port_may_listen_locked(const struct inet_sock *s)
	    FW_REQUIRES(&inet_lock);
/* The socket of proto that takes a packet (src,sport) -> (dst,dport). */
struct inet_sock *inet_port_lookup_locked(int proto,
		    const struct inet_addr *src, uint16_t sport,
		    const struct inet_addr *dst, uint16_t dport)
		    FW_REQUIRES(&inet_lock);

/* inet_sockopt.c: IPPROTO_IP and IPPROTO_IPV6 options. */
int	inet_setsockopt(struct sock *sk, int level, int name,
	    const uint8_t *val, size_t len);
int	inet_getsockopt(struct sock *sk, int level, int name, uint8_t *val,
	    size_t *len);

/* udp.c: what UDP shares with TCP. */
/*
 * Queues d (its src, sport, len, charge set; taken) for the UDP socket
 * that takes (d->src, d->sport) -> (dst, dport): that socket, or NULL
 * (d stays the caller's).  A full rcvbuf drops d.
 */
struct inet_sock *udp_deliver_locked(struct inet_dgram *d,
	    const struct inet_addr *dst, uint16_t dport) FW_REQUIRES(&inet_lock);
/* bind(2) of an inet socket: lo's addresses or a wildcard, a free port. */
int	inet_bind(struct sock *sk, struct thread *t, const uint8_t *sa,
	    size_t len);
/* The wildcard of sk's family (0.0.0.0 mapped, or ::). */
void	inet_any(const struct sock *sk, struct inet_addr *a);
/* The own (or peer's) sockaddr of s: *len bytes at sa. */
void	inet_name_locked(struct inet_sock *s, uint8_t *sa, size_t *len,
	    bool peer) FW_REQUIRES(&inet_lock);
/* Whether t may bind ports below 1024 (euid 0 here). */
bool	inet_privileged(struct thread *t);
FW_MUST_CHECK int udp_create(int family, struct thread *t, struct sock **out);

static inline struct inet_sock *
inet_of(struct sock *sk)
{
	return sk->priv;
}

#endif
