/* RTM_GETLINK: a dump read 4 KiB at a time lists lo as index 1 (loopback,
 * up) and each interface's name as SIOCGIFNAME knows it; a request by index or
 * by IFLA_IFNAME answers that interface alone (then the ACK asked for); an
 * unknown name is ENODEV with the request echoed. */
#include "netlink/nl.h"

struct seen { int n, lo; int index[64]; };

static void on_link(const struct nlmsghdr *h, void *arg)
{
    struct seen *s = arg;
    struct ifinfomsg *i = NLMSG_DATA(h);
    struct rtattr *name = nl_attr(h, sizeof *i, IFLA_IFNAME);
    struct rtattr *mtu = nl_attr(h, sizeof *i, IFLA_MTU);
    char byindex[IF_NAMESIZE];

    CHECK(h->nlmsg_type == RTM_NEWLINK);
    CHECK(name != NULL && mtu != NULL && RTA_PAYLOAD(mtu) == 4);
    CHECK(nl_attr(h, sizeof *i, IFLA_STATS) != NULL);   /* glibc's ifa_data */
    CHECK(if_indextoname(i->ifi_index, byindex) != NULL);
    CHECK(strcmp(byindex, RTA_DATA(name)) == 0);
    if (i->ifi_index == 1) {
        CHECK(strcmp(RTA_DATA(name), "lo") == 0);
        CHECK(i->ifi_type == 772 /* ARPHRD_LOOPBACK */);
        CHECK((i->ifi_flags & (IFF_UP | IFF_LOOPBACK)) == (IFF_UP | IFF_LOOPBACK));
        s->lo++;
    }
    if (s->n < 64)
        s->index[s->n++] = i->ifi_index;
}

/* Receives one reply to seq (not a dump): returns its type. */
static int one_reply(int s, uint32_t port, uint32_t seq, char *buf, size_t size)
{
    size_t n = nl_recv(s, buf, size);
    struct nlmsghdr *h = (void *)buf;

    CHECK(n == NLMSG_ALIGN(h->nlmsg_len));      /* one message per datagram */
    CHECK(h->nlmsg_seq == seq && h->nlmsg_pid == port);
    CHECK(!(h->nlmsg_flags & NLM_F_MULTI));
    return h->nlmsg_type;
}

int main(void)
{
    static char buf[4096] __attribute__((aligned(4)));
    struct seen seen = { 0 };
    uint32_t port;
    int s = nl_open(&port);

    nl_dump(s, RTM_GETLINK, AF_PACKET, 4242);
    CHECK(nl_walk(s, port, 4242, on_link, &seen) >= 1);
    CHECK(seen.lo == 1 && seen.n >= 1);
    for (int i = 1; i < seen.n; i++)
        CHECK(seen.index[i] != seen.index[i - 1]);

    /* By index, with an ACK asked for. */
    struct { struct nlmsghdr h; struct ifinfomsg i; } req = {
        { sizeof req, RTM_GETLINK, NLM_F_REQUEST | NLM_F_ACK, 11, 0 },
        { .ifi_family = AF_UNSPEC, .ifi_index = 1 } };
    CHECK(send(s, &req, sizeof req, 0) == sizeof req);
    CHECK(one_reply(s, port, 11, buf, sizeof buf) == RTM_NEWLINK);
    CHECK(((struct ifinfomsg *)NLMSG_DATA((struct nlmsghdr *)buf))->ifi_index == 1);
    CHECK(one_reply(s, port, 11, buf, sizeof buf) == NLMSG_ERROR);
    struct nlmsgerr *e = NLMSG_DATA((struct nlmsghdr *)buf);
    CHECK(e->error == 0 && e->msg.nlmsg_seq == 11 && e->msg.nlmsg_type == RTM_GETLINK);
    CHECK(((struct nlmsghdr *)buf)->nlmsg_len == NLMSG_LENGTH(sizeof *e));

    /* By name: lo, then one that does not exist. */
    struct { struct nlmsghdr h; struct ifinfomsg i; struct rtattr a; char name[8]; } byname;
    memset(&byname, 0, sizeof byname);
    byname.h.nlmsg_len = sizeof byname;
    byname.h.nlmsg_type = RTM_GETLINK;
    byname.h.nlmsg_flags = NLM_F_REQUEST;
    byname.h.nlmsg_seq = 12;
    byname.a.rta_type = IFLA_IFNAME;
    byname.a.rta_len = RTA_LENGTH(3);
    strcpy(byname.name, "lo");
    CHECK(send(s, &byname, sizeof byname, 0) == sizeof byname);
    CHECK(one_reply(s, port, 12, buf, sizeof buf) == RTM_NEWLINK);
    CHECK(((struct ifinfomsg *)NLMSG_DATA((struct nlmsghdr *)buf))->ifi_index == 1);
    byname.h.nlmsg_seq = 13;
    byname.a.rta_len = RTA_LENGTH(8);
    strcpy(byname.name, "nosuch0");
    CHECK(send(s, &byname, sizeof byname, 0) == sizeof byname);
    CHECK(one_reply(s, port, 13, buf, sizeof buf) == NLMSG_ERROR);
    e = NLMSG_DATA((struct nlmsghdr *)buf);
    CHECK(e->error == -ENODEV && e->msg.nlmsg_seq == 13);
    CHECK(((struct nlmsghdr *)buf)->nlmsg_len == NLMSG_LENGTH(sizeof e->error) + sizeof byname);
    CHECK(memcmp(&e->msg, &byname, sizeof byname) == 0);
    close(s);
    return 0;
}
