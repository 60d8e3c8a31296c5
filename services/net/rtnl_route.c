/*
 * services/net/rtnl_route.c: RTM_GETROUTE (rtnetlink(7)).  A dump lists
 * the main and local tables of a family (AF_UNSPEC: both), as Linux
 * without strict checking does: iproute2 and busybox pick the table they
 * show themselves.  A single request (`ip route get`) needs a full
 * rtmsg (EINVAL) of AF_INET or AF_INET6 (else EOPNOTSUPP, as no other
 * family has a doit) and looks RTA_DST up: a cloned route with its
 * source, reported in the main table with the cache's flags (RTCF_LOCAL
 * for our own addresses) as Linux's rt_fill_info() does, or ENETUNREACH.
 * Locks: none held; the routes are ifaddr.h's snapshot.
 */
#include <fw/errno.h>
#include <fw/string.h>
#include <svc/lib.h>
#include "ifaddr.h"
#include "netlink.h"

#define RTA_CACHEINFO_TYPE	12
#define RTA_CACHEINFO_LEN	32	/* struct rta_cacheinfo */
#define RTA_PREF_TYPE		20
#define RTCF_BROADCAST		0x10000000	/* route.h: rt_flags */
#define RTCF_LOCAL		0x80000000

/* rt_fill_info() and rt6_fill_node(): one RTM_NEWROUTE. */
static void
route_msg(struct nlb *b, const struct net_rtinfo *r, uint16_t flags,
    uint32_t seq, uint32_t pid, bool cloned)
{
	size_t alen = r->family == LINUX_AF_INET ? 4 : 16;
	uint8_t cache[RTA_CACHEINFO_LEN];
	struct linux_rtmsg m;

	memset(&m, 0, sizeof(m));
	m.rtm_family = (uint8_t)r->family;
	m.rtm_dst_len = r->dst_len;
	m.rtm_table = r->table;
	m.rtm_protocol = cloned ? 0 : r->protocol;
	m.rtm_scope = cloned ? LINUX_RT_SCOPE_UNIVERSE : r->scope;
	m.rtm_type = r->type;
	if (cloned)
		m.rtm_flags = LINUX_RTM_F_CLONED | (r->type == LINUX_RTN_LOCAL ?
		    RTCF_LOCAL : r->type == LINUX_RTN_BROADCAST ?
		    RTCF_LOCAL | RTCF_BROADCAST : 0);
	nlb_begin(b, LINUX_RTM_NEWROUTE, flags, seq, pid, &m, sizeof(m));
	nlb_attr_u32(b, LINUX_RTA_TABLE, r->table);
	if (r->dst_len > 0)
		nlb_attr(b, LINUX_RTA_DST, r->dst, alen);
	if (r->priority != 0 || r->family == LINUX_AF_INET6)
		nlb_attr_u32(b, LINUX_RTA_PRIORITY, r->priority);
	if (r->has_src)
		nlb_attr(b, LINUX_RTA_PREFSRC, r->src, alen);
	if (r->has_gw)
		nlb_attr(b, LINUX_RTA_GATEWAY, r->gw, alen);
	nlb_attr_u32(b, LINUX_RTA_OIF, (uint32_t)r->oif);
	if (r->family == LINUX_AF_INET6)
		nlb_attr_u8(b, RTA_PREF_TYPE, 0);	/* medium */
	if (cloned) {
		nlb_attr_u32(b, LINUX_RTA_UID, 0);
		memset(cache, 0, sizeof(cache));
		nlb_attr(b, RTA_CACHEINFO_TYPE, cache, sizeof(cache));
	}
	nlb_end(b);
}

int
rtnl_getroute(const struct linux_nlmsghdr *h, const uint8_t *body,
    size_t blen, uint32_t pid, struct nlb *out, bool *dump)
{
	struct net_rtinfo rt[NET_RT_MAX], one;
	uint8_t dst[16];
	struct linux_rtmsg m;
	const uint8_t *a;
	int family = body[0], err;
	size_t n, i, alen, want;

	if ((h->nlmsg_flags & LINUX_NLM_F_DUMP) == LINUX_NLM_F_DUMP) {
		n = net_route_list(rt, NET_RT_MAX);
		for (i = 0; i < n; i++)
			if ((family != LINUX_AF_INET &&
			    family != LINUX_AF_INET6) || rt[i].family == family)
				route_msg(out, &rt[i], LINUX_NLM_F_MULTI,
				    h->nlmsg_seq, pid, false);
		*dump = true;
		return 0;
	}
	if (family != LINUX_AF_INET && family != LINUX_AF_INET6)
		return -EOPNOTSUPP;
	if (blen < sizeof(m))
		return -EINVAL;
	want = family == LINUX_AF_INET ? 4 : 16;
	memset(dst, 0, sizeof(dst));
	a = nl_attr_find(body + sizeof(m), blen - sizeof(m), LINUX_RTA_DST,
	    &alen);
	if (a != NULL && alen != want)
		return -EINVAL;
	if (a != NULL)
		memcpy(dst, a, want);
	if ((err = net_route_lookup(family, dst, &one)) < 0)
		return err;
	route_msg(out, &one, 0, h->nlmsg_seq, pid, true);
	return 0;
}
