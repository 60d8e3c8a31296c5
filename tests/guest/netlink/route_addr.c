/* RTM_GETADDR: the dump glibc's getifaddrs and getaddrinfo(AI_ADDRCONFIG)
 * read: lo's 127.0.0.1/8 of host scope with IFA_LOCAL and its label, every
 * address on an interface the link dump lists (glibc retries forever
 * otherwise), and a family's dump holding that family alone. */
#include "netlink/nl.h"
#include <arpa/inet.h>

struct links { int n; int index[64]; };
struct addrs { const struct links *links; int family, lo4, lo6, n; };

static void on_link(const struct nlmsghdr *h, void *arg)
{
    struct links *l = arg;
    if (l->n < 64)
        l->index[l->n++] = ((struct ifinfomsg *)NLMSG_DATA(h))->ifi_index;
}

static void on_addr(const struct nlmsghdr *h, void *arg)
{
    struct addrs *a = arg;
    struct ifaddrmsg *m = NLMSG_DATA(h);
    struct rtattr *addr = nl_attr(h, sizeof *m, IFA_ADDRESS);
    int known = 0;

    CHECK(h->nlmsg_type == RTM_NEWADDR);
    CHECK(m->ifa_family == AF_INET || m->ifa_family == AF_INET6);
    CHECK(a->family == AF_UNSPEC || m->ifa_family == a->family);
    for (int i = 0; i < a->links->n; i++)
        known |= a->links->index[i] == (int)m->ifa_index;
    CHECK(known);
    CHECK(addr != NULL);
    CHECK(RTA_PAYLOAD(addr) == (m->ifa_family == AF_INET ? 4u : 16u));
    a->n++;
    if (m->ifa_family == AF_INET && *(uint32_t *)RTA_DATA(addr) == htonl(INADDR_LOOPBACK)) {
        struct rtattr *local = nl_attr(h, sizeof *m, IFA_LOCAL);
        struct rtattr *label = nl_attr(h, sizeof *m, IFA_LABEL);
        CHECK(m->ifa_prefixlen == 8 && m->ifa_scope == RT_SCOPE_HOST && m->ifa_index == 1);
        CHECK(local != NULL && *(uint32_t *)RTA_DATA(local) == htonl(INADDR_LOOPBACK));
        CHECK(label != NULL && strcmp(RTA_DATA(label), "lo") == 0);
        a->lo4++;
    }
    if (m->ifa_family == AF_INET6 && IN6_IS_ADDR_LOOPBACK((struct in6_addr *)RTA_DATA(addr))) {
        CHECK(m->ifa_prefixlen == 128 && m->ifa_scope == RT_SCOPE_HOST && m->ifa_index == 1);
        a->lo6++;
    }
}

int main(void)
{
    struct links links = { 0 };
    uint32_t port;
    int s = nl_open(&port);

    nl_dump(s, RTM_GETLINK, AF_PACKET, 1);
    nl_walk(s, port, 1, on_link, &links);

    struct addrs all = { &links, AF_UNSPEC, 0, 0, 0 };
    nl_dump(s, RTM_GETADDR, AF_UNSPEC, 2);
    CHECK(nl_walk(s, port, 2, on_addr, &all) == all.n);
    CHECK(all.lo4 == 1 && all.lo6 <= 1);

    struct addrs v4 = { &links, AF_INET, 0, 0, 0 };
    nl_dump(s, RTM_GETADDR, AF_INET, 3);
    nl_walk(s, port, 3, on_addr, &v4);
    CHECK(v4.lo4 == 1 && v4.n < all.n + 1);

    struct addrs v6 = { &links, AF_INET6, 0, 0, 0 };
    nl_dump(s, RTM_GETADDR, AF_INET6, 4);
    nl_walk(s, port, 4, on_addr, &v6);
    CHECK(v6.lo4 == 0 && v4.n + v6.n == all.n && v6.lo6 == all.lo6);
    close(s);
    return 0;
}
