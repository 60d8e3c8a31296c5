/* NETLINK_ROUTE's answers beyond the data: a type past RTM_MAX is EOPNOTSUPP
 * with the request echoed; messages without NLM_F_REQUEST, control messages
 * and requests without a family byte get just the ACK they ask for; several
 * requests in one datagram are answered in order; changes by an unprivileged
 * process are EPERM; framing that lies is dropped; a datagram to another
 * socket's port arrives from it. */
#include "netlink/nl.h"

static struct nlmsghdr *reply(int s, char *buf, size_t size, uint32_t seq)
{
    nl_recv(s, buf, size);
    struct nlmsghdr *h = (void *)buf;
    CHECK(h->nlmsg_seq == seq);
    return h;
}

static int ack_error(struct nlmsghdr *h)
{
    CHECK(h->nlmsg_type == NLMSG_ERROR);
    return ((struct nlmsgerr *)NLMSG_DATA(h))->error;
}

static void unprivileged(void)
{
    if (setgid(GUEST_GID) != 0 || setuid(GUEST_UID) != 0)
        FAIL("setuid: %s", strerror(errno));
    static char buf[4096] __attribute__((aligned(4)));
    uint32_t port;
    int s = nl_open(&port);
    struct ifaddrmsg ifa = { .ifa_family = AF_INET, .ifa_prefixlen = 24, .ifa_index = 1 };
    nl_send(s, RTM_NEWADDR, NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE, 5, &ifa, sizeof ifa);
    CHECK(ack_error(reply(s, buf, sizeof buf, 5)) == -EPERM);
    struct ifinfomsg ifi = { .ifi_index = 1, .ifi_flags = 0, .ifi_change = IFF_UP };
    nl_send(s, RTM_NEWLINK, NLM_F_REQUEST | NLM_F_ACK, 6, &ifi, sizeof ifi);
    CHECK(ack_error(reply(s, buf, sizeof buf, 6)) == -EPERM);
    /* Reading stays allowed. */
    nl_send(s, RTM_GETLINK, NLM_F_REQUEST, 7, &ifi, sizeof ifi);
    CHECK(reply(s, buf, sizeof buf, 7)->nlmsg_type == RTM_NEWLINK);
    close(s);
}

int main(void)
{
    static char buf[4096] __attribute__((aligned(4)));
    struct rtgenmsg g = { .rtgen_family = AF_UNSPEC };
    struct nlmsghdr *h;
    uint32_t port;
    int s = nl_open(&port);

    nl_send(s, 0x3ff, NLM_F_REQUEST, 1, &g, sizeof g);
    h = reply(s, buf, sizeof buf, 1);
    CHECK(ack_error(h) == -EOPNOTSUPP && h->nlmsg_pid == port);
    CHECK(h->nlmsg_len == NLMSG_LENGTH(sizeof(int)) + NLMSG_SPACE(sizeof g));
    struct nlmsgerr *e = NLMSG_DATA(h);
    CHECK(e->msg.nlmsg_type == 0x3ff && e->msg.nlmsg_len == NLMSG_LENGTH(sizeof g));

    /* Nothing to do: an ACK only when asked for. */
    nl_send(s, RTM_GETLINK, NLM_F_ACK, 2, &g, sizeof g);           /* no REQUEST */
    CHECK(ack_error(reply(s, buf, sizeof buf, 2)) == 0);
    nl_send(s, NLMSG_NOOP, NLM_F_REQUEST | NLM_F_ACK, 3, NULL, 0);
    CHECK(ack_error(reply(s, buf, sizeof buf, 3)) == 0);
    nl_send(s, RTM_GETLINK, NLM_F_REQUEST | NLM_F_ACK, 4, NULL, 0); /* no family */
    CHECK(ack_error(reply(s, buf, sizeof buf, 4)) == 0);
    nl_send(s, NLMSG_NOOP, NLM_F_REQUEST, 5, NULL, 0);
    CHECK_ERR(recv(s, buf, sizeof buf, MSG_DONTWAIT), EAGAIN);

    /* Framing that lies is dropped unanswered: a datagram shorter than a
     * header, a header claiming more than was sent. */
    struct nlmsghdr lie = { 64, RTM_GETLINK, NLM_F_REQUEST | NLM_F_ACK, 6, 0 };
    CHECK(send(s, &lie, 8, 0) == 8);
    CHECK(send(s, &lie, sizeof lie, 0) == sizeof lie);
    lie.nlmsg_len = 4;
    CHECK(send(s, &lie, sizeof lie, 0) == sizeof lie);
    CHECK_ERR(recv(s, buf, sizeof buf, MSG_DONTWAIT), EAGAIN);
    struct sockaddr_nl shortname = { .nl_family = AF_NETLINK };
    CHECK_ERR(sendto(s, &lie, sizeof lie, 0, (struct sockaddr *)&shortname, 8), EINVAL);
    shortname.nl_family = AF_INET;
    CHECK_ERR(sendto(s, &lie, sizeof lie, 0, (struct sockaddr *)&shortname,
                     sizeof shortname), EINVAL);

    /* Two requests in one datagram: two answers, in order. */
    struct { struct nlmsghdr h; struct ifinfomsg i; } two[2];
    memset(two, 0, sizeof two);
    for (int i = 0; i < 2; i++) {
        two[i].h.nlmsg_len = sizeof two[i];
        two[i].h.nlmsg_type = RTM_GETLINK;
        two[i].h.nlmsg_flags = NLM_F_REQUEST;
        two[i].h.nlmsg_seq = 20 + i;
        two[i].i.ifi_index = i == 0 ? 1 : 0x7fffff00;
    }
    CHECK(send(s, two, sizeof two, 0) == sizeof two);
    CHECK(reply(s, buf, sizeof buf, 20)->nlmsg_type == RTM_NEWLINK);
    CHECK(ack_error(reply(s, buf, sizeof buf, 21)) == -ENODEV);

    /* User to user: a datagram to another socket's port. */
    uint32_t port2;
    int t = nl_open(&port2);
    struct sockaddr_nl to = { .nl_family = AF_NETLINK, .nl_pid = port2 }, from;
    socklen_t len = sizeof from;
    CHECK(sendto(s, "hello", 5, 0, (struct sockaddr *)&to, sizeof to) == 5);
    CHECK(recvfrom(t, buf, sizeof buf, 0, (struct sockaddr *)&from, &len) == 5);
    CHECK(memcmp(buf, "hello", 5) == 0 && from.nl_pid == port && len == sizeof from);
    close(t);
    close(s);

    run_in_child(unprivileged);
    return 0;
}
