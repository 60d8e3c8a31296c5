/* A connected UDP socket: its default destination and peer name, only its peer's
 * datagrams, ECONNREFUSED on the call after sending to a port nobody holds, and
 * AF_UNSPEC to dissolve it; shutdown of an unconnected socket is ENOTCONN. */
#include "guest.h"
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

static int udp_bound(struct sockaddr_in *a)
{
    socklen_t len = sizeof *a;
    int s = CHECK_OK(socket(AF_INET, SOCK_DGRAM, 0));
    memset(a, 0, sizeof *a);
    a->sin_family = AF_INET;
    a->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    CHECK_OK(bind(s, (struct sockaddr *)a, sizeof *a));
    CHECK_OK(getsockname(s, (struct sockaddr *)a, &len));
    return s;
}

int main(void)
{
    struct sockaddr_in ra, oa, ca, peer;
    socklen_t len;
    char buf[16];

    int r = udp_bound(&ra), o = udp_bound(&oa), c = udp_bound(&ca);
    len = sizeof peer;
    CHECK_ERR(getpeername(c, (struct sockaddr *)&peer, &len), ENOTCONN);
    CHECK_ERR(shutdown(c, SHUT_RD), ENOTCONN);
    c = udp_bound(&ca);
    CHECK_OK(connect(c, (struct sockaddr *)&ra, sizeof ra));
    len = sizeof peer;
    CHECK_OK(getpeername(c, (struct sockaddr *)&peer, &len));
    CHECK(len == sizeof peer && peer.sin_port == ra.sin_port);
    CHECK(send(c, "hi", 2, 0) == 2);
    CHECK(recv(r, buf, sizeof buf, 0) == 2);
    /* Only the peer gets through to a connected socket. */
    CHECK_OK(connect(r, (struct sockaddr *)&ca, sizeof ca));
    CHECK(sendto(o, "no", 2, 0, (struct sockaddr *)&ra, sizeof ra) == 2);
    CHECK(send(c, "ok", 2, 0) == 2);
    CHECK(recv(r, buf, sizeof buf, 0) == 2 && memcmp(buf, "ok", 2) == 0);
    CHECK_ERR(recv(r, buf, sizeof buf, MSG_DONTWAIT), EAGAIN);
    struct sockaddr unspec = { .sa_family = AF_UNSPEC };
    CHECK_OK(connect(r, &unspec, sizeof unspec));
    CHECK_ERR(getpeername(r, (struct sockaddr *)&peer, &len), ENOTCONN);

    /* Refused: the port's socket is gone. */
    close(o);
    CHECK_OK(connect(c, (struct sockaddr *)&oa, sizeof oa));
    CHECK(send(c, "x", 1, 0) == 1);
    usleep(10000);
    CHECK_ERR(send(c, "x", 1, 0), ECONNREFUSED);
    int v;
    socklen_t vl = sizeof v;
    CHECK_OK(getsockopt(c, SOL_SOCKET, SO_ERROR, &v, &vl));
    CHECK(v == 0);                                   /* reported once */
    return 0;
}
