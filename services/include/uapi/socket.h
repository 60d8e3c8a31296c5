/*
 * uapi/socket.h: the x86-64 Linux ABI of sockets: families, types, flags,
 * the option numbers the socket layer knows, and the structures guests
 * pass (sockaddr_un, msghdr, mmsghdr, cmsghdr, ucred, linger).  Layouts
 * are Linux's (include/uapi/linux/socket.h, un.h, bits/socket.h).
 */
#ifndef UAPI_SOCKET_H
#define UAPI_SOCKET_H

#include <fw/types.h>

#define LINUX_AF_UNSPEC		0
#define LINUX_AF_UNIX		1
#define LINUX_AF_INET		2
#define LINUX_AF_INET6		10
#define LINUX_AF_NETLINK	16
#define LINUX_AF_PACKET		17
#define LINUX_AF_MAX		46

#define LINUX_SOCK_STREAM	1
#define LINUX_SOCK_DGRAM	2
#define LINUX_SOCK_RAW		3
#define LINUX_SOCK_RDM		4
#define LINUX_SOCK_SEQPACKET	5
#define LINUX_SOCK_PACKET	10
#define LINUX_SOCK_TYPE_MASK	0xf
#define LINUX_SOCK_NONBLOCK	04000		/* O_NONBLOCK */
#define LINUX_SOCK_CLOEXEC	02000000	/* O_CLOEXEC */

#define LINUX_SHUT_RD		0
#define LINUX_SHUT_WR		1
#define LINUX_SHUT_RDWR		2

#define LINUX_SOMAXCONN		4096

/* Message flags (send and receive). */
#define LINUX_MSG_OOB		0x1
#define LINUX_MSG_PEEK		0x2
#define LINUX_MSG_DONTROUTE	0x4
#define LINUX_MSG_CTRUNC	0x8
#define LINUX_MSG_TRUNC		0x20
#define LINUX_MSG_DONTWAIT	0x40
#define LINUX_MSG_EOR		0x80
#define LINUX_MSG_WAITALL	0x100
#define LINUX_MSG_CONFIRM	0x800
#define LINUX_MSG_ERRQUEUE	0x2000
#define LINUX_MSG_NOSIGNAL	0x4000
#define LINUX_MSG_MORE		0x8000
#define LINUX_MSG_WAITFORONE	0x10000
#define LINUX_MSG_CMSG_CLOEXEC	0x40000000

/* Option levels and SOL_SOCKET options. */
#define LINUX_SOL_SOCKET	1
#define LINUX_SO_DEBUG		1
#define LINUX_SO_REUSEADDR	2
#define LINUX_SO_TYPE		3
#define LINUX_SO_ERROR		4
#define LINUX_SO_DONTROUTE	5
#define LINUX_SO_BROADCAST	6
#define LINUX_SO_SNDBUF		7
#define LINUX_SO_RCVBUF		8
#define LINUX_SO_KEEPALIVE	9
#define LINUX_SO_OOBINLINE	10
#define LINUX_SO_NO_CHECK	11
#define LINUX_SO_PRIORITY	12
#define LINUX_SO_LINGER		13
#define LINUX_SO_BSDCOMPAT	14
#define LINUX_SO_REUSEPORT	15
#define LINUX_SO_PASSCRED	16
#define LINUX_SO_PEERCRED	17
#define LINUX_SO_RCVLOWAT	18
#define LINUX_SO_SNDLOWAT	19
#define LINUX_SO_RCVTIMEO	20
#define LINUX_SO_SNDTIMEO	21
#define LINUX_SO_PEERNAME	28
#define LINUX_SO_TIMESTAMP	29
#define LINUX_SO_ACCEPTCONN	30
#define LINUX_SO_PEERSEC	31
#define LINUX_SO_SNDBUFFORCE	32
#define LINUX_SO_RCVBUFFORCE	33
#define LINUX_SO_PASSSEC	34
#define LINUX_SO_MARK		36
#define LINUX_SO_PROTOCOL	38
#define LINUX_SO_DOMAIN		39
#define LINUX_SO_PEEK_OFF	42
#define LINUX_SO_COOKIE		57

/* Control messages at SOL_SOCKET. */
#define LINUX_SCM_RIGHTS	1
#define LINUX_SCM_CREDENTIALS	2
#define LINUX_SCM_MAX_FD	253

/* Socket ioctls. */
#define LINUX_FIONREAD		0x541b	/* = SIOCINQ */
#define LINUX_SIOCOUTQ		0x5411	/* = TIOCOUTQ */

struct linux_sockaddr_un {
	uint16_t	sun_family;
	char		sun_path[108];
};
_Static_assert(sizeof(struct linux_sockaddr_un) == 110, "sockaddr_un");
#define LINUX_SUN_PATH_OFF	2

/* The largest address any family takes (sockaddr_storage). */
#define LINUX_SOCKADDR_MAX	128

struct linux_msghdr {
	uint64_t	msg_name;	/* user addresses */
	uint32_t	msg_namelen;
	uint32_t	_pad0;
	uint64_t	msg_iov;
	uint64_t	msg_iovlen;
	uint64_t	msg_control;
	uint64_t	msg_controllen;
	int32_t		msg_flags;
	uint32_t	_pad1;
};
_Static_assert(sizeof(struct linux_msghdr) == 56, "msghdr");

struct linux_mmsghdr {
	struct linux_msghdr	msg_hdr;
	uint32_t		msg_len;
	uint32_t		_pad;
};
_Static_assert(sizeof(struct linux_mmsghdr) == 64, "mmsghdr");

struct linux_cmsghdr {
	uint64_t	cmsg_len;	/* header and data, unaligned */
	int32_t		cmsg_level;
	int32_t		cmsg_type;
};
_Static_assert(sizeof(struct linux_cmsghdr) == 16, "cmsghdr");
#define LINUX_CMSG_ALIGN(n)	(((n) + 7) & ~(uint64_t)7)

struct linux_ucred {
	int32_t		pid;
	uint32_t	uid;
	uint32_t	gid;
};
_Static_assert(sizeof(struct linux_ucred) == 12, "ucred");

struct linux_linger {
	int32_t		l_onoff;
	int32_t		l_linger;
};

#endif
