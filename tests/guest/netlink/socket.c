/* socket(AF_NETLINK, NETLINK_ROUTE) as glibc and iproute2 use it: types and
 * protocols, the 12-byte sockaddr_nl, port ids picked by bind and by the first
 * send (the process id first, then another), bind's errors, the options
 * iproute2 sets, poll, and the socket's name in /proc. */
#include "netlink/nl.h"
#include <sys/ioctl.h>

int main(void)
{
    struct sockaddr_nl a;
    socklen_t len;
    char link[64], path[64];
    int v;

    CHECK_ERR(socket(AF_NETLINK, SOCK_STREAM, NETLINK_ROUTE), ESOCKTNOSUPPORT);
    CHECK_ERR(socket(AF_NETLINK, SOCK_RAW, 1 /* NETLINK_UNUSED */), EPROTONOSUPPORT);
    int d = CHECK_OK(socket(AF_NETLINK, SOCK_DGRAM, NETLINK_ROUTE));
    close(d);

    int s = CHECK_OK(socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE));
    len = sizeof v;
    CHECK_OK(getsockopt(s, SOL_SOCKET, SO_TYPE, &v, &len));
    CHECK(v == SOCK_RAW);
    CHECK_OK(getsockopt(s, SOL_SOCKET, SO_DOMAIN, &v, &len));
    CHECK(v == AF_NETLINK);
    CHECK_OK(getsockopt(s, SOL_SOCKET, SO_PROTOCOL, &v, &len));
    CHECK(v == NETLINK_ROUTE);

    /* Unbound: port 0; getsockname and getpeername are 12 bytes. */
    memset(&a, 0xff, sizeof a);
    len = sizeof a + 4;
    CHECK_OK(getsockname(s, (struct sockaddr *)&a, &len));
    CHECK(len == 12 && a.nl_family == AF_NETLINK && a.nl_pid == 0 && a.nl_groups == 0);
    len = sizeof a;
    CHECK_OK(getpeername(s, (struct sockaddr *)&a, &len));
    CHECK(len == 12 && a.nl_pid == 0);

    /* bind's checks, then a port: the process id for its first socket. */
    memset(&a, 0, sizeof a);
    a.nl_family = AF_NETLINK;
    CHECK_ERR(bind(s, (struct sockaddr *)&a, 8), EINVAL);
    a.nl_family = AF_INET;
    CHECK_ERR(bind(s, (struct sockaddr *)&a, sizeof a), EINVAL);
    a.nl_family = AF_NETLINK;
    CHECK_OK(bind(s, (struct sockaddr *)&a, sizeof a));
    len = sizeof a;
    CHECK_OK(getsockname(s, (struct sockaddr *)&a, &len));
    CHECK(a.nl_pid == (uint32_t)getpid());
    CHECK_OK(bind(s, (struct sockaddr *)&a, sizeof a));   /* the same port again */
    a.nl_pid = 0;
    CHECK_ERR(bind(s, (struct sockaddr *)&a, sizeof a), EINVAL);  /* another */

    /* A second socket: another port; the first's is taken. */
    int t = CHECK_OK(socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE));
    a.nl_pid = (uint32_t)getpid();
    CHECK_ERR(bind(t, (struct sockaddr *)&a, sizeof a), EADDRINUSE);
    /* sendto binds it (autobind) to a port of its own. */
    struct rtgenmsg g = { .rtgen_family = AF_UNSPEC };
    nl_send(t, RTM_GETLINK, NLM_F_REQUEST | NLM_F_DUMP, 1, &g, sizeof g);
    len = sizeof a;
    CHECK_OK(getsockname(t, (struct sockaddr *)&a, &len));
    CHECK(a.nl_pid != 0 && a.nl_pid != (uint32_t)getpid());

    /* Options iproute2 sets: buffer sizes, extended acks; strict checking is
     * Linux's since 4.20 and ENOPROTOOPT where dumps are not filtered. */
    v = 32768;
    CHECK_OK(setsockopt(s, SOL_SOCKET, SO_SNDBUF, &v, sizeof v));
    v = 1024 * 1024;
    CHECK_OK(setsockopt(s, SOL_SOCKET, SO_RCVBUF, &v, sizeof v));
    v = 1;
    CHECK_OK(setsockopt(s, SOL_NETLINK, NETLINK_EXT_ACK, &v, sizeof v));
    len = sizeof v;
    v = 0;
    CHECK_OK(getsockopt(s, SOL_NETLINK, NETLINK_EXT_ACK, &v, &len));
    CHECK(v == 1 && len == sizeof v);
    v = 1;
    if (setsockopt(s, SOL_NETLINK, NETLINK_GET_STRICT_CHK, &v, sizeof v) != 0)
        CHECK(errno == ENOPROTOOPT);
    CHECK_ERR(setsockopt(s, 0 /* SOL_IP */, 1, &v, sizeof v), ENOPROTOOPT);
    CHECK_ERR(listen(s, 1), EOPNOTSUPP);
    CHECK_ERR(shutdown(s, SHUT_RDWR), EOPNOTSUPP);
    CHECK_ERR(ioctl(s, FIONREAD, &v), ENOTTY);   /* Linux's netlink has no FIONREAD */

    /* poll: writable; readable while a reply waits, and not after. */
    struct pollfd p = { .fd = s, .events = POLLIN | POLLOUT };
    CHECK(poll(&p, 1, 0) == 1 && p.revents == POLLOUT);
    struct { struct nlmsghdr h; struct ifinfomsg i; } req = {
        { sizeof req, RTM_GETLINK, NLM_F_REQUEST, 7, 0 }, { .ifi_index = 1 } };
    CHECK(send(s, &req, sizeof req, 0) == sizeof req);
    CHECK(poll(&p, 1, 1000) == 1 && p.revents == (POLLIN | POLLOUT));
    char buf[4096];
    nl_recv(s, buf, sizeof buf);
    CHECK(poll(&p, 1, 0) == 1 && p.revents == POLLOUT);
    CHECK_ERR(recv(s, buf, sizeof buf, MSG_DONTWAIT), EAGAIN);

    snprintf(path, sizeof path, "/proc/self/fd/%d", s);
    ssize_t n = CHECK_OK(readlink(path, link, sizeof link - 1));
    link[n] = 0;
    CHECK(strncmp(link, "socket:[", 8) == 0);
    close(t);
    close(s);
    return 0;
}
