/* Dumps come a datagram at a time and never split a message: iproute2's
 * MSG_PEEK|MSG_TRUNC with an empty buffer reports the next datagram's full
 * length, which a buffer of that size then receives whole; a reader with a
 * small buffer gets MSG_TRUNC, and with MSG_TRUNC the full length. */
#include "netlink/nl.h"

int main(void)
{
    static char buf[65536] __attribute__((aligned(4)));
    uint32_t port;
    int s = nl_open(&port), done = 0, dgrams = 0;

    nl_dump(s, RTM_GETROUTE, AF_UNSPEC, 9);
    while (!done) {
        struct iovec iov = { NULL, 0 };
        struct msghdr m = { .msg_iov = &iov, .msg_iovlen = 1 };
        ssize_t len = CHECK_OK(recvmsg(s, &m, MSG_PEEK | MSG_TRUNC));
        CHECK(len >= (ssize_t)NLMSG_LENGTH(sizeof(int)) && len <= 32768);
        CHECK(m.msg_flags & MSG_TRUNC);
        CHECK(recv(s, buf, (size_t)len, MSG_PEEK) == len);   /* still there */
        CHECK(nl_recv(s, buf, (size_t)len) == (size_t)len);
        int left = (int)len;
        for (struct nlmsghdr *h = (void *)buf; NLMSG_OK(h, left); h = NLMSG_NEXT(h, left)) {
            CHECK(h->nlmsg_seq == 9 && (h->nlmsg_flags & NLM_F_MULTI));
            done |= h->nlmsg_type == NLMSG_DONE;
        }
        dgrams++;
    }
    CHECK(dgrams >= 1);
    CHECK_ERR(recv(s, buf, sizeof buf, MSG_DONTWAIT), EAGAIN);

    /* A small reader: cut, and MSG_TRUNC says how long it was. */
    nl_dump(s, RTM_GETLINK, AF_UNSPEC, 10);
    struct iovec iov = { buf, 20 };
    struct msghdr m = { .msg_iov = &iov, .msg_iovlen = 1 };
    ssize_t full = CHECK_OK(recvmsg(s, &m, MSG_PEEK | MSG_TRUNC));
    CHECK(full > 20 && (m.msg_flags & MSG_TRUNC));
    CHECK(recvmsg(s, &m, 0) == 20 && (m.msg_flags & MSG_TRUNC));
    close(s);
    return 0;
}
