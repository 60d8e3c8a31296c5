/* nl.h: helpers the NETLINK_ROUTE guest tests in this directory share: the
 * kernel's netlink ABI (written out here, since musl-gcc has no <linux/>
 * headers; layouts and numbers from netlink(7), rtnetlink(7) and the uapi
 * headers), opening and binding a socket, sending one request, reading
 * replies as a 4 KiB reader does and checking their framing.  Header-only,
 * like guest.h. */
#ifndef NL_H
#define NL_H

#include "guest.h"
#include <net/if.h>
#include <sys/socket.h>
#include <sys/uio.h>

#ifndef SOL_NETLINK
#define SOL_NETLINK 270
#endif
#define NETLINK_ROUTE 0
#define NETLINK_EXT_ACK 11
#define NETLINK_GET_STRICT_CHK 12

struct sockaddr_nl { unsigned short nl_family, nl_pad; uint32_t nl_pid, nl_groups; };
struct nlmsghdr { uint32_t nlmsg_len; uint16_t nlmsg_type, nlmsg_flags; uint32_t nlmsg_seq, nlmsg_pid; };
struct nlmsgerr { int error; struct nlmsghdr msg; };
struct rtattr { unsigned short rta_len, rta_type; };
struct rtgenmsg { unsigned char rtgen_family; };
struct ifinfomsg { unsigned char ifi_family, ifi_pad; unsigned short ifi_type; int ifi_index;
                   unsigned ifi_flags, ifi_change; };
struct ifaddrmsg { uint8_t ifa_family, ifa_prefixlen, ifa_flags, ifa_scope; uint32_t ifa_index; };
struct rtmsg { unsigned char rtm_family, rtm_dst_len, rtm_src_len, rtm_tos, rtm_table,
               rtm_protocol, rtm_scope, rtm_type; unsigned rtm_flags; };

#define NLMSG_ALIGN(len) (((len) + 3U) & ~3U)
#define NLMSG_HDRLEN ((int)NLMSG_ALIGN(sizeof(struct nlmsghdr)))
#define NLMSG_LENGTH(len) ((len) + NLMSG_HDRLEN)
#define NLMSG_SPACE(len) NLMSG_ALIGN(NLMSG_LENGTH(len))
#define NLMSG_DATA(nlh) ((void *)(((char *)(nlh)) + NLMSG_HDRLEN))
#define NLMSG_NEXT(nlh, len) ((len) -= NLMSG_ALIGN((nlh)->nlmsg_len), \
    (struct nlmsghdr *)(((char *)(nlh)) + NLMSG_ALIGN((nlh)->nlmsg_len)))
#define NLMSG_OK(nlh, len) ((len) >= (int)sizeof(struct nlmsghdr) && \
    (nlh)->nlmsg_len >= sizeof(struct nlmsghdr) && (nlh)->nlmsg_len <= (unsigned)(len))
#define RTA_ALIGN(len) (((len) + 3U) & ~3U)
#define RTA_OK(rta, len) ((len) >= (int)sizeof(struct rtattr) && \
    (rta)->rta_len >= sizeof(struct rtattr) && (rta)->rta_len <= (unsigned)(len))
#define RTA_NEXT(rta, len) ((len) -= RTA_ALIGN((rta)->rta_len), \
    (struct rtattr *)(((char *)(rta)) + RTA_ALIGN((rta)->rta_len)))
#define RTA_LENGTH(len) (RTA_ALIGN(sizeof(struct rtattr)) + (len))
#define RTA_DATA(rta) ((void *)(((char *)(rta)) + RTA_LENGTH(0)))
#define RTA_PAYLOAD(rta) ((int)((rta)->rta_len) - RTA_LENGTH(0))

#define NLM_F_REQUEST 0x1
#define NLM_F_MULTI 0x2
#define NLM_F_ACK 0x4
#define NLM_F_DUMP 0x300
#define NLM_F_CREATE 0x400
#define NLMSG_NOOP 1
#define NLMSG_ERROR 2
#define NLMSG_DONE 3
#define RTM_NEWLINK 16
#define RTM_GETLINK 18
#define RTM_NEWADDR 20
#define RTM_GETADDR 22
#define RTM_NEWROUTE 24
#define RTM_GETROUTE 26
#define IFLA_IFNAME 3
#define IFLA_MTU 4
#define IFLA_STATS 7
#define IFA_ADDRESS 1
#define IFA_LOCAL 2
#define IFA_LABEL 3
#define RTA_DST 1
#define RTA_OIF 4
#define RTA_TABLE 15
#define RT_TABLE_LOCAL 255
#define RT_SCOPE_HOST 254
#define RTN_LOCAL 2
#ifndef IFF_LOOPBACK            /* musl's <net/if.h> has them; to be sure */
#define IFF_UP 0x1
#define IFF_LOOPBACK 0x8
#endif

/* A bound NETLINK_ROUTE socket; *port gets its port id. */
static inline int nl_open(uint32_t *port)
{
    struct sockaddr_nl a = { .nl_family = AF_NETLINK };
    socklen_t len = sizeof a;
    int s = CHECK_OK(socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE));

    CHECK_OK(bind(s, (struct sockaddr *)&a, sizeof a));
    CHECK_OK(getsockname(s, (struct sockaddr *)&a, &len));
    CHECK(len == sizeof a && a.nl_family == AF_NETLINK && a.nl_pid != 0);
    *port = a.nl_pid;
    return s;
}

/* Sends one message: a header, then body (blen bytes), to the kernel. */
static inline void nl_send(int s, uint16_t type, uint16_t flags, uint32_t seq,
                           const void *body, size_t blen)
{
    char buf[1024];
    struct nlmsghdr *h = (struct nlmsghdr *)buf;
    struct sockaddr_nl to = { .nl_family = AF_NETLINK };

    if (NLMSG_SPACE(blen) > sizeof buf)
        FAIL("request too long");
    memset(buf, 0, sizeof buf);
    h->nlmsg_len = NLMSG_LENGTH(blen);
    h->nlmsg_type = type;
    h->nlmsg_flags = flags;
    h->nlmsg_seq = seq;
    memcpy(NLMSG_DATA(h), body, blen);
    CHECK(sendto(s, buf, h->nlmsg_len, 0, (struct sockaddr *)&to, sizeof to) ==
          (ssize_t)h->nlmsg_len);
}

/* A dump request with a family byte (rtgenmsg) as glibc sends it. */
static inline void nl_dump(int s, uint16_t type, uint8_t family, uint32_t seq)
{
    struct rtgenmsg g = { .rtgen_family = family };
    nl_send(s, type, NLM_F_REQUEST | NLM_F_DUMP, seq, &g, sizeof g);
}

/* Receives one datagram into buf (size bytes) as glibc does: from port 0,
 * not truncated, made of whole messages.  Returns its length. */
static inline size_t nl_recv(int s, void *buf, size_t size)
{
    struct sockaddr_nl from;
    struct iovec iov = { buf, size };
    struct msghdr m = { .msg_name = &from, .msg_namelen = sizeof from,
                        .msg_iov = &iov, .msg_iovlen = 1 };
    ssize_t n = CHECK_OK(recvmsg(s, &m, 0));
    int left = (int)n;
    struct nlmsghdr *h;

    CHECK(n >= (ssize_t)sizeof(struct nlmsghdr));
    CHECK(!(m.msg_flags & MSG_TRUNC));
    CHECK(m.msg_namelen == sizeof from && from.nl_family == AF_NETLINK);
    CHECK(from.nl_pid == 0 && from.nl_groups == 0);
    for (h = buf; NLMSG_OK(h, left); h = NLMSG_NEXT(h, left))
        ;
    CHECK(left == 0);           /* no message split across datagrams */
    return (size_t)n;
}

/* Calls fn on every message of a dump of seq to port, read 4 KiB at a
 * time, until NLMSG_DONE; returns how many messages came before it. */
static inline int nl_walk(int s, uint32_t port, uint32_t seq,
                          void (*fn)(const struct nlmsghdr *h, void *arg), void *arg)
{
    static char buf[4096] __attribute__((aligned(4)));
    int count = 0;

    for (;;) {
        int left = (int)nl_recv(s, buf, sizeof buf);
        for (struct nlmsghdr *h = (void *)buf; NLMSG_OK(h, left); h = NLMSG_NEXT(h, left)) {
            CHECK(h->nlmsg_seq == seq && h->nlmsg_pid == port);
            CHECK(h->nlmsg_flags & NLM_F_MULTI);
            if (h->nlmsg_type == NLMSG_ERROR)
                FAIL("error %d in a dump", ((struct nlmsgerr *)NLMSG_DATA(h))->error);
            if (h->nlmsg_type == NLMSG_DONE) {
                CHECK(h->nlmsg_len == NLMSG_LENGTH(sizeof(int)));
                CHECK(*(int *)NLMSG_DATA(h) == 0);
                CHECK(NLMSG_NEXT(h, left) && left == 0);   /* DONE is last */
                return count;
            }
            fn(h, arg);
            count++;
        }
    }
}

/* The attribute of type among a message's attributes after hlen bytes of
 * fixed header, or NULL. */
static inline struct rtattr *nl_attr(const struct nlmsghdr *h, size_t hlen,
                                     unsigned short type)
{
    int left = (int)(h->nlmsg_len - NLMSG_SPACE(hlen));
    struct rtattr *a = (struct rtattr *)((char *)NLMSG_DATA(h) + NLMSG_ALIGN(hlen));

    for (; RTA_OK(a, left); a = RTA_NEXT(a, left))
        if (a->rta_type == type)
            return a;
    return NULL;
}

#endif
