/*
 * uapi/if.h: network interfaces in the Linux user ABI: the IFF_ flags,
 * ARPHRD_ types, struct ifreq and ifconf and the netdevice(7) ioctls.
 * Layouts and numbers are Linux's (include/uapi/linux/if.h, sockios.h,
 * if_arp.h) for x86-64.
 */
#ifndef UAPI_IF_H
#define UAPI_IF_H

#include <fw/types.h>

#define LINUX_IFNAMSIZ		16

#define LINUX_IFF_UP		0x1
#define LINUX_IFF_BROADCAST	0x2
#define LINUX_IFF_LOOPBACK	0x8
#define LINUX_IFF_RUNNING	0x40
#define LINUX_IFF_MULTICAST	0x1000
#define LINUX_IFF_LOWER_UP	0x10000

#define LINUX_ARPHRD_ETHER	1
#define LINUX_ARPHRD_LOOPBACK	772

/* struct ifreq: a name and one value; 40 bytes. */
struct linux_ifreq {
	char		ifr_name[LINUX_IFNAMSIZ];
	union {
		uint8_t		sockaddr[16];	/* addr, netmask, hwaddr */
		int16_t		flags;
		int32_t		ivalue;		/* index, mtu, qlen, metric */
		uint8_t		map[24];	/* struct ifmap */
	} u;
};
_Static_assert(sizeof(struct linux_ifreq) == 40, "ifreq");

struct linux_ifconf {
	int32_t		ifc_len;	/* bytes of buf, then used */
	uint32_t	_pad;
	uint64_t	ifc_buf;	/* user address of ifreqs */
};
_Static_assert(sizeof(struct linux_ifconf) == 16, "ifconf");

/* The socket ioctls of netdevice(7): type 0x89. */
#define LINUX_SIOC_TYPE		0x89
#define LINUX_SIOCGIFNAME	0x8910
#define LINUX_SIOCGIFCONF	0x8912
#define LINUX_SIOCGIFFLAGS	0x8913
#define LINUX_SIOCSIFFLAGS	0x8914
#define LINUX_SIOCGIFADDR	0x8915
#define LINUX_SIOCSIFADDR	0x8916
#define LINUX_SIOCGIFDSTADDR	0x8917
#define LINUX_SIOCSIFDSTADDR	0x8918
#define LINUX_SIOCGIFBRDADDR	0x8919
#define LINUX_SIOCSIFBRDADDR	0x891a
#define LINUX_SIOCGIFNETMASK	0x891b
#define LINUX_SIOCSIFNETMASK	0x891c
#define LINUX_SIOCGIFMETRIC	0x891d
#define LINUX_SIOCSIFMETRIC	0x891e
#define LINUX_SIOCGIFMTU	0x8921
#define LINUX_SIOCSIFMTU	0x8922
#define LINUX_SIOCSIFNAME	0x8923
#define LINUX_SIOCSIFHWADDR	0x8924
#define LINUX_SIOCGIFHWADDR	0x8927
#define LINUX_SIOCGIFINDEX	0x8933
#define LINUX_SIOCGIFTXQLEN	0x8942
#define LINUX_SIOCSIFTXQLEN	0x8943
#define LINUX_SIOCGIFMAP	0x8970
#define LINUX_SIOCSIFMAP	0x8971

#endif
