/*
 * uapi/netlink.h: the Linux user ABI of AF_NETLINK and NETLINK_ROUTE as
 * far as the services speak it: the message header, the socket address,
 * errors and attributes, the rtnetlink message types and the link,
 * address and route messages with their attribute numbers.  Layouts and
 * numbers are Linux's (include/uapi/linux/netlink.h, rtnetlink.h,
 * if_link.h, if_addr.h); all little-endian x86-64.
 */
#ifndef UAPI_NETLINK_H
#define UAPI_NETLINK_H

#include <fw/types.h>

#define LINUX_NETLINK_ROUTE	0
#define LINUX_SOL_NETLINK	270

/* SOL_NETLINK options. */
#define LINUX_NETLINK_ADD_MEMBERSHIP	1
#define LINUX_NETLINK_DROP_MEMBERSHIP	2
#define LINUX_NETLINK_PKTINFO		3
#define LINUX_NETLINK_BROADCAST_ERROR	4
#define LINUX_NETLINK_NO_ENOBUFS	5
#define LINUX_NETLINK_LISTEN_ALL_NSID	8
#define LINUX_NETLINK_LIST_MEMBERSHIPS	9
#define LINUX_NETLINK_CAP_ACK		10
#define LINUX_NETLINK_EXT_ACK		11
#define LINUX_NETLINK_GET_STRICT_CHK	12
#define LINUX_RTNLGRP_MAX		36

struct linux_sockaddr_nl {
	uint16_t	nl_family;
	uint16_t	nl_pad;
	uint32_t	nl_pid;
	uint32_t	nl_groups;
};
_Static_assert(sizeof(struct linux_sockaddr_nl) == 12, "sockaddr_nl");

struct linux_nlmsghdr {
	uint32_t	nlmsg_len;	/* header included */
	uint16_t	nlmsg_type;
	uint16_t	nlmsg_flags;
	uint32_t	nlmsg_seq;
	uint32_t	nlmsg_pid;
};
_Static_assert(sizeof(struct linux_nlmsghdr) == 16, "nlmsghdr");
#define LINUX_NLMSG_ALIGN(n)	(((n) + 3) & ~(size_t)3)

#define LINUX_NLM_F_REQUEST	0x01
#define LINUX_NLM_F_MULTI	0x02
#define LINUX_NLM_F_ACK		0x04
#define LINUX_NLM_F_ECHO	0x08
#define LINUX_NLM_F_ROOT	0x100
#define LINUX_NLM_F_MATCH	0x200
#define LINUX_NLM_F_DUMP	(LINUX_NLM_F_ROOT | LINUX_NLM_F_MATCH)
#define LINUX_NLM_F_CAPPED	0x100	/* on NLMSG_ERROR */

#define LINUX_NLMSG_NOOP	1
#define LINUX_NLMSG_ERROR	2
#define LINUX_NLMSG_DONE	3
#define LINUX_NLMSG_MIN_TYPE	0x10

struct linux_nlmsgerr {
	int32_t			error;	/* -errno, 0: the ACK */
	struct linux_nlmsghdr	msg;	/* the request's */
};
_Static_assert(sizeof(struct linux_nlmsgerr) == 20, "nlmsgerr");

/* An attribute (rtattr, nlattr): 4 bytes of header, padded to 4. */
struct linux_rtattr {
	uint16_t	rta_len;	/* header included, unpadded */
	uint16_t	rta_type;
};

/* rtnetlink message types. */
#define LINUX_RTM_BASE		16
#define LINUX_RTM_NEWLINK	16
#define LINUX_RTM_GETLINK	18
#define LINUX_RTM_NEWADDR	20
#define LINUX_RTM_GETADDR	22
#define LINUX_RTM_NEWROUTE	24
#define LINUX_RTM_GETROUTE	26
#define LINUX_RTM_MAX		123

struct linux_ifinfomsg {
	uint8_t		ifi_family;
	uint8_t		ifi_pad;
	uint16_t	ifi_type;	/* ARPHRD_* */
	int32_t		ifi_index;
	uint32_t	ifi_flags;	/* IFF_* */
	uint32_t	ifi_change;
};
_Static_assert(sizeof(struct linux_ifinfomsg) == 16, "ifinfomsg");
#define LINUX_IFLA_ADDRESS	1
#define LINUX_IFLA_BROADCAST	2
#define LINUX_IFLA_IFNAME	3
#define LINUX_IFLA_MTU		4
#define LINUX_IFLA_QDISC	6
#define LINUX_IFLA_STATS	7
#define LINUX_IFLA_TXQLEN	13
#define LINUX_IFLA_OPERSTATE	16
#define LINUX_IFLA_LINKMODE	17
#define LINUX_IFLA_STATS64	23
#define LINUX_IFLA_GROUP	27
#define LINUX_IFLA_NUM_TX_QUEUES 31
#define LINUX_IFLA_NUM_RX_QUEUES 32
#define LINUX_IFLA_PROMISCUITY	30
#define LINUX_IFLA_CARRIER	33
#define LINUX_IFLA_MIN_MTU	50
#define LINUX_IFLA_MAX_MTU	51
#define LINUX_IF_OPER_UNKNOWN	0
#define LINUX_IF_OPER_UP	6
#define LINUX_LINK_STATS_LEN	96	/* struct rtnl_link_stats */
#define LINUX_LINK_STATS64_LEN	200	/* struct rtnl_link_stats64 */

struct linux_ifaddrmsg {
	uint8_t		ifa_family;
	uint8_t		ifa_prefixlen;
	uint8_t		ifa_flags;	/* the low 8 bits of IFA_F_* */
	uint8_t		ifa_scope;
	uint32_t	ifa_index;
};
_Static_assert(sizeof(struct linux_ifaddrmsg) == 8, "ifaddrmsg");
#define LINUX_IFA_ADDRESS	1
#define LINUX_IFA_LOCAL		2
#define LINUX_IFA_LABEL		3
#define LINUX_IFA_BROADCAST	4
#define LINUX_IFA_CACHEINFO	6
#define LINUX_IFA_FLAGS		8
#define LINUX_IFA_F_PERMANENT	0x80

struct linux_ifa_cacheinfo {
	uint32_t	ifa_prefered, ifa_valid;	/* s; ~0: forever */
	uint32_t	cstamp, tstamp;		/* 1/100 s since boot */
};
_Static_assert(sizeof(struct linux_ifa_cacheinfo) == 16, "ifa_cacheinfo");

struct linux_rtmsg {
	uint8_t		rtm_family;
	uint8_t		rtm_dst_len;
	uint8_t		rtm_src_len;
	uint8_t		rtm_tos;
	uint8_t		rtm_table;
	uint8_t		rtm_protocol;
	uint8_t		rtm_scope;
	uint8_t		rtm_type;
	uint32_t	rtm_flags;
};
_Static_assert(sizeof(struct linux_rtmsg) == 12, "rtmsg");
#define LINUX_RTA_DST		1
#define LINUX_RTA_OIF		4
#define LINUX_RTA_GATEWAY	5
#define LINUX_RTA_PRIORITY	6
#define LINUX_RTA_PREFSRC	7
#define LINUX_RTA_TABLE		15
#define LINUX_RTA_UID		25
#define LINUX_RTM_F_CLONED	0x200

#define LINUX_RT_TABLE_MAIN	254
#define LINUX_RT_TABLE_LOCAL	255
#define LINUX_RTPROT_KERNEL	2
#define LINUX_RTPROT_BOOT	3
#define LINUX_RTPROT_RA		9
#define LINUX_RT_SCOPE_UNIVERSE	0
#define LINUX_RT_SCOPE_LINK	253
#define LINUX_RT_SCOPE_HOST	254
#define LINUX_RTN_UNICAST	1
#define LINUX_RTN_LOCAL		2
#define LINUX_RTN_BROADCAST	3

#endif
