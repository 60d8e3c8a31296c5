/* A UDP datagram to a port nobody holds: the ICMP port unreachable that comes back
 * is a hard error for a connected socket (POLLERR, then ECONNREFUSED once, then
 * the socket works again) and nothing for an unconnected one.  With no argument
 * the target is a port just freed on 127.0.0.1; "ADDR PORT" names another (the
 * simulator's tests use the host's side of slirp, 10.0.2.2, and a closed port). */
#include "guest.h"
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdlib.h>
#include <sys/socket.h>

int main(int argc, char **argv)
{
    struct sockaddr_in a = { .sin_family = AF_INET };
    socklen_t len = sizeof a;
    struct pollfd p;
    char b;
    int v;

    if (argc == 3) {
        CHECK(inet_pton(AF_INET, argv[1], &a.sin_addr) == 1);
        a.sin_port = htons((unsigned short)atoi(argv[2]));
    } else {
        int t = CHECK_OK(socket(AF_INET, SOCK_DGRAM, 0));
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        CHECK_OK(bind(t, (struct sockaddr *)&a, sizeof a));
        CHECK_OK(getsockname(t, (struct sockaddr *)&a, &len));
        close(t);
    }

    /* Unconnected: the error is not reported. */
    int u = CHECK_OK(socket(AF_INET, SOCK_DGRAM, 0));
    CHECK(sendto(u, "x", 1, 0, (struct sockaddr *)&a, sizeof a) == 1);
    p = (struct pollfd){ u, POLLIN, 0 };
    CHECK(poll(&p, 1, 500) == 0);
    CHECK(sendto(u, "x", 1, 0, (struct sockaddr *)&a, sizeof a) == 1);

    /* Connected: POLLERR, ECONNREFUSED once, and SO_ERROR cleared by it. */
    int c = CHECK_OK(socket(AF_INET, SOCK_DGRAM, 0));
    CHECK_OK(connect(c, (struct sockaddr *)&a, sizeof a));
    CHECK(send(c, "x", 1, 0) == 1);
    p = (struct pollfd){ c, POLLIN, 0 };
    CHECK(poll(&p, 1, 5000) == 1 && p.revents == POLLERR);
    CHECK_ERR(recv(c, &b, 1, MSG_DONTWAIT), ECONNREFUSED);
    CHECK_ERR(recv(c, &b, 1, MSG_DONTWAIT), EAGAIN);
    len = sizeof v;
    CHECK_OK(getsockopt(c, SOL_SOCKET, SO_ERROR, &v, &len));
    CHECK(v == 0);
    /* Again, read through SO_ERROR this time. */
    CHECK(send(c, "x", 1, 0) == 1);
    CHECK(poll(&p, 1, 5000) == 1 && p.revents == POLLERR);
    CHECK_OK(getsockopt(c, SOL_SOCKET, SO_ERROR, &v, &len));
    CHECK(v == ECONNREFUSED);
    CHECK(send(c, "x", 1, 0) == 1);
    return 0;
}
