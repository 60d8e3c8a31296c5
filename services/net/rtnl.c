/*
 * services/net/rtnl.c: NETLINK_ROUTE requests (rtnetlink(7)), answered
 * as Linux's rtnetlink_rcv_msg() does: a type past RTM_MAX or not served
 * here is EOPNOTSUPP, a message without its one-byte family is ignored,
 * a change (NEW, DEL, SET) needs CAP_NET_ADMIN (EPERM) and is then
 * EOPNOTSUPP: the interfaces, addresses and routes are the boot
 * configuration's and cannot be changed yet.  RTM_GETLINK dumps the
 * interfaces or finds one by index or IFLA_IFNAME (else ENODEV);
 * RTM_GETADDR dumps the addresses of a family (AF_UNSPEC: all);
 * RTM_GETROUTE is rtnl_route.c's.  The messages carry what iproute2,
 * busybox and glibc's getifaddrs read (netlink.h for the framing).
 * Locks: none held; the data is ifaddr.h's snapshot.
 */
#include <fw/errno.h>
#include <fw/string.h>
#include <svc/lib.h>
#include <uapi/if.h>
#include "ifaddr.h"
#include "netlink.h"

#define RTNL_KIND_GET	2	/* (type - RTM_BASE) & 3: NEW, DEL, GET, SET */

static void
link_stats(struct nlb *b, const struct net_ifinfo *i)
{
	uint32_t s32[LINUX_LINK_STATS_LEN / 4];
	uint64_t s64[LINUX_LINK_STATS64_LEN / 8];

	/* rx_packets, tx_packets, rx_bytes, tx_bytes, then errors: 0. */
	memset(s32, 0, sizeof(s32));
	memset(s64, 0, sizeof(s64));
	s64[0] = i->rx_packets;
	s64[1] = i->tx_packets;
	s64[2] = i->rx_bytes;
	s64[3] = i->tx_bytes;
	s32[0] = (uint32_t)s64[0];
	s32[1] = (uint32_t)s64[1];
	s32[2] = (uint32_t)s64[2];
	s32[3] = (uint32_t)s64[3];
	nlb_attr(b, LINUX_IFLA_STATS, s32, sizeof(s32));
	nlb_attr(b, LINUX_IFLA_STATS64, s64, sizeof(s64));
}

/* rtnl_fill_ifinfo(): one RTM_NEWLINK. */
static void
link_msg(struct nlb *b, const struct net_ifinfo *i, uint16_t flags,
    uint32_t seq, uint32_t pid)
{
	struct linux_ifinfomsg m;
	bool lo = i->type == LINUX_ARPHRD_LOOPBACK;

	memset(&m, 0, sizeof(m));
	m.ifi_type = i->type;
	m.ifi_index = i->index;
	m.ifi_flags = i->flags;
	nlb_begin(b, LINUX_RTM_NEWLINK, flags, seq, pid, &m, sizeof(m));
	nlb_attr_str(b, LINUX_IFLA_IFNAME, i->name);
	nlb_attr_u32(b, LINUX_IFLA_TXQLEN, i->txqlen);
	nlb_attr_u8(b, LINUX_IFLA_OPERSTATE, lo ? LINUX_IF_OPER_UNKNOWN :
	    LINUX_IF_OPER_UP);
	nlb_attr_u8(b, LINUX_IFLA_LINKMODE, 0);
	nlb_attr_u32(b, LINUX_IFLA_MTU, i->mtu);
	nlb_attr_u32(b, LINUX_IFLA_MIN_MTU, lo ? 0 : 68);
	nlb_attr_u32(b, LINUX_IFLA_MAX_MTU, lo ? 0 : 65535);
	nlb_attr_u32(b, LINUX_IFLA_GROUP, 0);
	nlb_attr_u32(b, LINUX_IFLA_PROMISCUITY, 0);
	nlb_attr_u32(b, LINUX_IFLA_NUM_TX_QUEUES, 1);
	nlb_attr_u32(b, LINUX_IFLA_NUM_RX_QUEUES, 1);
	nlb_attr_u8(b, LINUX_IFLA_CARRIER, 1);
	nlb_attr_str(b, LINUX_IFLA_QDISC, lo ? "noqueue" : "pfifo_fast");
	nlb_attr(b, LINUX_IFLA_ADDRESS, i->mac, 6);
	nlb_attr(b, LINUX_IFLA_BROADCAST, i->brd, 6);
	link_stats(b, i);
	nlb_end(b);
}

static int
rtnl_getlink(const struct linux_nlmsghdr *h, const uint8_t *body,
    size_t blen, uint32_t pid, struct nlb *out, bool *dump)
{
	struct net_ifinfo ifs[NET_IF_MAX], one;
	struct linux_ifinfomsg m;
	char name[LINUX_IFNAMSIZ];
	const uint8_t *a;
	size_t n, i, alen;
	int err;

	if ((h->nlmsg_flags & LINUX_NLM_F_DUMP) == LINUX_NLM_F_DUMP) {
		n = net_if_list(ifs, NET_IF_MAX);
		for (i = 0; i < n; i++)
			link_msg(out, &ifs[i], LINUX_NLM_F_MULTI, h->nlmsg_seq,
			    pid);
		*dump = true;
		return 0;
	}
	if (blen < sizeof(m))
		return -EINVAL;
	memcpy(&m, body, sizeof(m));
	memset(name, 0, sizeof(name));
	if (m.ifi_index <= 0) {
		a = nl_attr_find(body + sizeof(m), blen - sizeof(m),
		    LINUX_IFLA_IFNAME, &alen);
		if (a == NULL)
			return -EINVAL;
		if (alen >= sizeof(name))
			return -ENODEV;
		memcpy(name, a, alen);
	}
	if ((err = net_if_find(m.ifi_index, name, &one)) < 0)
		return err;
	link_msg(out, &one, 0, h->nlmsg_seq, pid);
	return 0;
}

/* The name of interface index among ifs (n of them), or "". */
static const char *
if_name(const struct net_ifinfo *ifs, size_t n, int index)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (ifs[i].index == index)
			return ifs[i].name;
	return "";
}

/* inet_fill_ifaddr() and inet6_fill_ifaddr(): one RTM_NEWADDR. */
static void
addr_msg(struct nlb *b, const struct net_ifaddr *a, const char *label,
    uint32_t seq, uint32_t pid)
{
	struct linux_ifa_cacheinfo ci = { 0xffffffff, 0xffffffff, 0, 0 };
	struct linux_ifaddrmsg m;
	size_t alen = a->family == LINUX_AF_INET ? 4 : 16;
	uint8_t brd[4];
	unsigned int i;

	memset(&m, 0, sizeof(m));
	m.ifa_family = (uint8_t)a->family;
	m.ifa_prefixlen = a->prefix;
	m.ifa_flags = (uint8_t)a->flags;
	m.ifa_scope = a->scope;
	m.ifa_index = (uint32_t)a->index;
	nlb_begin(b, LINUX_RTM_NEWADDR, LINUX_NLM_F_MULTI, seq, pid, &m,
	    sizeof(m));
	nlb_attr(b, LINUX_IFA_ADDRESS, a->addr, alen);
	if (a->family == LINUX_AF_INET) {
		nlb_attr(b, LINUX_IFA_LOCAL, a->addr, alen);
		if (a->scope != LINUX_RT_SCOPE_HOST && a->prefix < 31) {
			memcpy(brd, a->addr, 4);
			for (i = a->prefix; i < 32; i++)
				brd[i / 8] |= (uint8_t)(0x80 >> (i % 8));
			nlb_attr(b, LINUX_IFA_BROADCAST, brd, 4);
		}
		nlb_attr_str(b, LINUX_IFA_LABEL, label);
	}
	nlb_attr_u32(b, LINUX_IFA_FLAGS, a->flags);
	nlb_attr(b, LINUX_IFA_CACHEINFO, &ci, sizeof(ci));
	nlb_end(b);
}

static int
rtnl_getaddr(const struct linux_nlmsghdr *h, const uint8_t *body,
    uint32_t pid, struct nlb *out, bool *dump)
{
	struct net_ifinfo ifs[NET_IF_MAX];
	struct net_ifaddr addrs[NET_ADDR_MAX];
	int family = body[0];
	size_t n, ni, i;

	/* Only dumps: an address has no doit in Linux either. */
	if ((h->nlmsg_flags & LINUX_NLM_F_DUMP) != LINUX_NLM_F_DUMP)
		return -EOPNOTSUPP;
	ni = net_if_list(ifs, NET_IF_MAX);
	n = net_addr_list(addrs, NET_ADDR_MAX);
	for (i = 0; i < n; i++) {
		if ((family == LINUX_AF_INET || family == LINUX_AF_INET6) &&
		    addrs[i].family != family)
			continue;
		addr_msg(out, &addrs[i], if_name(ifs, ni, addrs[i].index),
		    h->nlmsg_seq, pid);
	}
	*dump = true;
	return 0;
}

int
rtnl_request(const uint8_t *req, size_t len, uint32_t pid, bool admin,
    struct nlb *out, bool *dump)
{
	const uint8_t *body = req + sizeof(struct linux_nlmsghdr);
	size_t blen = len - sizeof(struct linux_nlmsghdr);
	struct linux_nlmsghdr h;

	memcpy(&h, req, sizeof(h));
	*dump = false;
	if (h.nlmsg_type > LINUX_RTM_MAX)
		return -EOPNOTSUPP;
	if (blen < 1)
		return 0;		/* no family: ignored */
	if (((h.nlmsg_type - LINUX_RTM_BASE) & 3) != RTNL_KIND_GET && !admin)
		return -EPERM;
	switch (h.nlmsg_type) {
	case LINUX_RTM_GETLINK:
		return rtnl_getlink(&h, body, blen, pid, out, dump);
	case LINUX_RTM_GETADDR:
		return rtnl_getaddr(&h, body, pid, out, dump);
	case LINUX_RTM_GETROUTE:
		return rtnl_getroute(&h, body, blen, pid, out, dump);
	default:
		return -EOPNOTSUPP;
	}
}
