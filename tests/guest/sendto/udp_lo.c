/* UDP over loopback: an ephemeral port from bind(port 0), datagrams with their
 * source, boundaries kept, MSG_PEEK and MSG_TRUNC, FIONREAD as the next datagram's
 * size, a zero-length datagram, EMSGSIZE past 65507, EDESTADDRREQ unconnected. */
#include "guest.h"
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/ioctl.h>
#include <sys/socket.h>

int main(void)
{
    struct sockaddr_in a = { .sin_family = AF_INET }, b, from;
    socklen_t len = sizeof b, flen;
    char buf[64];
    int n;

    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    int r = CHECK_OK(socket(AF_INET, SOCK_DGRAM, 0));
    CHECK_OK(bind(r, (struct sockaddr *)&a, sizeof a));
    CHECK_OK(getsockname(r, (struct sockaddr *)&b, &len));
    CHECK(len == sizeof b && b.sin_family == AF_INET && ntohs(b.sin_port) >= 1024 &&
          b.sin_addr.s_addr == htonl(INADDR_LOOPBACK));

    int s = CHECK_OK(socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP));
    len = sizeof from;
    CHECK_OK(getsockname(s, (struct sockaddr *)&from, &len));
    CHECK(len == sizeof from && from.sin_port == 0 && from.sin_addr.s_addr == 0);
    CHECK_ERR(send(s, "x", 1, 0), EDESTADDRREQ);
    CHECK(sendto(s, "one", 3, 0, (struct sockaddr *)&b, sizeof b) == 3);
    CHECK(sendto(s, "twotwo", 6, 0, (struct sockaddr *)&b, sizeof b) == 6);
    CHECK(sendto(s, "", 0, 0, (struct sockaddr *)&b, sizeof b) == 0);
    struct sockaddr_in sname;
    len = sizeof sname;
    CHECK_OK(getsockname(s, (struct sockaddr *)&sname, &len));
    CHECK(sname.sin_port != 0);                       /* bound by the send */

    CHECK_OK(ioctl(r, FIONREAD, &n));
    CHECK(n == 3);
    flen = sizeof from;
    CHECK(recvfrom(r, buf, sizeof buf, MSG_PEEK, (struct sockaddr *)&from, &flen) == 3);
    CHECK(flen == sizeof from && from.sin_port == sname.sin_port &&
          from.sin_addr.s_addr == htonl(INADDR_LOOPBACK));
    CHECK(recv(r, buf, sizeof buf, 0) == 3 && memcmp(buf, "one", 3) == 0);
    struct iovec iov = { buf, 2 };
    struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1 };
    CHECK(recvmsg(r, &mh, 0) == 2 && (mh.msg_flags & MSG_TRUNC));
    CHECK(recv(r, buf, sizeof buf, 0) == 0);          /* the empty one */
    CHECK_ERR(recv(r, buf, sizeof buf, MSG_DONTWAIT), EAGAIN);
    CHECK(sendto(s, "abcdef", 6, 0, (struct sockaddr *)&b, sizeof b) == 6);
    CHECK(recv(r, buf, 1, MSG_TRUNC) == 6);

    static char big[65508];
    CHECK_ERR(sendto(s, big, sizeof big, 0, (struct sockaddr *)&b, sizeof b), EMSGSIZE);
    CHECK(sendto(s, big, sizeof big - 1, 0, (struct sockaddr *)&b, sizeof b) == 65507);
    CHECK(recv(r, big, sizeof big, 0) == 65507);
    CHECK_ERR(sendto(s, "x", 1, 0, (struct sockaddr *)&b, sizeof b - 1), EINVAL);
    CHECK_ERR(socket(AF_INET, SOCK_STREAM, IPPROTO_UDP), EPROTONOSUPPORT);
    CHECK_ERR(socket(AF_INET, SOCK_SEQPACKET, 0), ESOCKTNOSUPPORT);
    int v;
    len = sizeof v;
    CHECK_OK(getsockopt(s, SOL_SOCKET, SO_PROTOCOL, &v, &len));
    CHECK(v == IPPROTO_UDP);
    CHECK_OK(getsockopt(s, IPPROTO_IP, IP_TTL, &v, &len));
    CHECK(v == 64);
    return 0;
}
