/* RTM_GETROUTE: the dump lists lo's local route to 127.0.0.1 in the local
 * table and routes only through interfaces the link dump lists; a single
 * request with RTA_DST (`ip route get`) finds 127.0.0.1 local on lo, a cloned
 * route that Linux reports in the main table. */
#include "netlink/nl.h"
#include <arpa/inet.h>

struct links { int n; int index[64]; };
struct routes { const struct links *links; int local_lo, n; };

static void on_link(const struct nlmsghdr *h, void *arg)
{
    struct links *l = arg;
    if (l->n < 64)
        l->index[l->n++] = ((struct ifinfomsg *)NLMSG_DATA(h))->ifi_index;
}

static void on_route(const struct nlmsghdr *h, void *arg)
{
    struct routes *r = arg;
    struct rtmsg *m = NLMSG_DATA(h);
    struct rtattr *oif = nl_attr(h, sizeof *m, RTA_OIF);
    struct rtattr *dst = nl_attr(h, sizeof *m, RTA_DST);
    struct rtattr *table = nl_attr(h, sizeof *m, RTA_TABLE);

    CHECK(h->nlmsg_type == RTM_NEWROUTE);
    CHECK(m->rtm_family == AF_INET);
    CHECK(table != NULL && *(uint32_t *)RTA_DATA(table) == m->rtm_table);
    r->n++;
    if (oif != NULL) {
        int known = 0;
        for (int i = 0; i < r->links->n; i++)
            known |= r->links->index[i] == *(int *)RTA_DATA(oif);
        CHECK(known);
    }
    if (m->rtm_type == RTN_LOCAL && m->rtm_dst_len == 32 && dst != NULL &&
        *(uint32_t *)RTA_DATA(dst) == htonl(INADDR_LOOPBACK)) {
        CHECK(m->rtm_table == RT_TABLE_LOCAL && m->rtm_scope == RT_SCOPE_HOST);
        CHECK(oif != NULL && *(int *)RTA_DATA(oif) == 1);
        r->local_lo++;
    }
}

int main(void)
{
    static char buf[4096] __attribute__((aligned(4)));
    struct links links = { 0 };
    uint32_t port;
    int s = nl_open(&port);

    nl_dump(s, RTM_GETLINK, AF_PACKET, 1);
    nl_walk(s, port, 1, on_link, &links);
    struct routes r = { &links, 0, 0 };
    nl_dump(s, RTM_GETROUTE, AF_INET, 2);
    CHECK(nl_walk(s, port, 2, on_route, &r) == r.n);
    CHECK(r.local_lo == 1);

    /* ip route get 127.0.0.1 */
    struct { struct nlmsghdr h; struct rtmsg r; struct rtattr a; uint32_t dst; } req;
    memset(&req, 0, sizeof req);
    req.h.nlmsg_len = sizeof req;
    req.h.nlmsg_type = RTM_GETROUTE;
    req.h.nlmsg_flags = NLM_F_REQUEST;
    req.h.nlmsg_seq = 3;
    req.r.rtm_family = AF_INET;
    req.a.rta_type = RTA_DST;
    req.a.rta_len = RTA_LENGTH(4);
    req.dst = htonl(INADDR_LOOPBACK);
    CHECK(send(s, &req, sizeof req, 0) == sizeof req);
    nl_recv(s, buf, sizeof buf);
    struct nlmsghdr *h = (void *)buf;
    CHECK(h->nlmsg_type == RTM_NEWROUTE && h->nlmsg_seq == 3 && h->nlmsg_pid == port);
    struct rtmsg *m = NLMSG_DATA(h);
    CHECK(m->rtm_type == RTN_LOCAL && m->rtm_dst_len == 32 && m->rtm_table == 254);
    CHECK(m->rtm_flags & 0x200 /* RTM_F_CLONED */);
    struct rtattr *oif = nl_attr(h, sizeof *m, RTA_OIF);
    CHECK(oif != NULL && *(int *)RTA_DATA(oif) == 1);
    struct rtattr *dst = nl_attr(h, sizeof *m, RTA_DST);
    CHECK(dst != NULL && *(uint32_t *)RTA_DATA(dst) == htonl(INADDR_LOOPBACK));
    close(s);
    return 0;
}
