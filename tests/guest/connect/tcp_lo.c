/* TCP over loopback: connect, accept and the peer's name; bytes both ways; a
 * non-blocking connect (0 or EINPROGRESS, then writable with SO_ERROR 0, then 0
 * once if it was in progress, then EISCONN); a refused one (ECONNREFUSED, at once or through SO_ERROR); a fresh
 * socket polls POLLOUT|POLLHUP; IPv6 ::1 and a dual-stack listener. */
#include "guest.h"
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

static int listener(struct sockaddr_in *a)
{
    socklen_t len = sizeof *a;
    int l = CHECK_OK(socket(AF_INET, SOCK_STREAM, 0));
    memset(a, 0, sizeof *a);
    a->sin_family = AF_INET;
    a->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    CHECK_OK(bind(l, (struct sockaddr *)a, sizeof *a));
    CHECK_OK(listen(l, 8));
    CHECK_OK(getsockname(l, (struct sockaddr *)a, &len));
    return l;
}

int main(void)
{
    struct sockaddr_in a, peer, me;
    socklen_t len;
    char buf[64];
    int v;
    socklen_t vl = sizeof v;

    int f = CHECK_OK(socket(AF_INET, SOCK_STREAM, 0));
    struct pollfd p = { f, POLLIN | POLLOUT | POLLRDHUP, 0 };
    CHECK(poll(&p, 1, 0) == 1 && p.revents == (POLLOUT | POLLHUP));
    CHECK_ERR(recv(f, buf, 1, 0), ENOTCONN);
    CHECK_OK(getsockopt(f, IPPROTO_TCP, TCP_NODELAY, &v, &vl));
    CHECK(v == 0);

    int l = listener(&a);
    CHECK_OK(connect(f, (struct sockaddr *)&a, sizeof a));
    len = sizeof peer;
    int s = CHECK_OK(accept(l, (struct sockaddr *)&peer, &len));
    len = sizeof me;
    CHECK_OK(getsockname(f, (struct sockaddr *)&me, &len));
    CHECK(peer.sin_port == me.sin_port && peer.sin_addr.s_addr == htonl(INADDR_LOOPBACK));
    len = sizeof peer;
    CHECK_OK(getpeername(f, (struct sockaddr *)&peer, &len));
    CHECK(peer.sin_port == a.sin_port);
    CHECK(write(f, "ping", 4) == 4);
    CHECK(read(s, buf, sizeof buf) == 4 && memcmp(buf, "ping", 4) == 0);
    CHECK(send(s, "pong", 4, 0) == 4);
    CHECK(recv(f, buf, sizeof buf, MSG_PEEK) == 4);
    CHECK(recv(f, buf, sizeof buf, 0) == 4 && memcmp(buf, "pong", 4) == 0);
    CHECK_ERR(connect(f, (struct sockaddr *)&a, sizeof a), EISCONN);
    close(f);
    CHECK(read(s, buf, sizeof buf) == 0);
    close(s);

    /* Non-blocking. */
    f = CHECK_OK(socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0));
    int r = connect(f, (struct sockaddr *)&a, sizeof a);
    CHECK(r == 0 || errno == EINPROGRESS);
    p = (struct pollfd){ f, POLLOUT, 0 };
    CHECK(poll(&p, 1, 5000) == 1 && (p.revents & POLLOUT));
    CHECK_OK(getsockopt(f, SOL_SOCKET, SO_ERROR, &v, &vl));
    CHECK(v == 0);
    /* Once more: 0 if the first said EINPROGRESS; after that EISCONN. */
    r = connect(f, (struct sockaddr *)&a, sizeof a);
    CHECK(r == 0 || errno == EISCONN);
    CHECK_ERR(connect(f, (struct sockaddr *)&a, sizeof a), EISCONN);
    s = CHECK_OK(accept(l, NULL, NULL));
    close(s);
    close(f);

    /* Refused: nothing listens there any more. */
    close(l);
    f = CHECK_OK(socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0));
    r = connect(f, (struct sockaddr *)&a, sizeof a);
    if (r == -1 && errno == EINPROGRESS) {
        p = (struct pollfd){ f, POLLOUT, 0 };
        CHECK(poll(&p, 1, 5000) == 1 && (p.revents & (POLLERR | POLLHUP)));
        CHECK_OK(getsockopt(f, SOL_SOCKET, SO_ERROR, &v, &vl));
        CHECK(v == ECONNREFUSED);
    } else
        CHECK(r == -1 && errno == ECONNREFUSED);
    close(f);
    f = CHECK_OK(socket(AF_INET, SOCK_STREAM, 0));
    CHECK_ERR(connect(f, (struct sockaddr *)&a, sizeof a), ECONNREFUSED);
    close(f);

    /* IPv6: a dual-stack listener takes ::1 and 127.0.0.1. */
    int l6 = CHECK_OK(socket(AF_INET6, SOCK_STREAM, 0));
    struct sockaddr_in6 a6 = { .sin6_family = AF_INET6, .sin6_addr = IN6ADDR_ANY_INIT };
    CHECK_OK(bind(l6, (struct sockaddr *)&a6, sizeof a6));
    CHECK_OK(listen(l6, 4));
    len = sizeof a6;
    CHECK_OK(getsockname(l6, (struct sockaddr *)&a6, &len));
    struct sockaddr_in6 lo6 = { .sin6_family = AF_INET6, .sin6_port = a6.sin6_port,
                                .sin6_addr = IN6ADDR_LOOPBACK_INIT };
    int c6 = CHECK_OK(socket(AF_INET6, SOCK_STREAM, 0));
    CHECK_OK(connect(c6, (struct sockaddr *)&lo6, sizeof lo6));
    struct sockaddr_in v4 = { .sin_family = AF_INET, .sin_port = a6.sin6_port };
    v4.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    int c4 = CHECK_OK(socket(AF_INET, SOCK_STREAM, 0));
    CHECK_OK(connect(c4, (struct sockaddr *)&v4, sizeof v4));
    struct sockaddr_in6 from;
    len = sizeof from;
    s = CHECK_OK(accept(l6, (struct sockaddr *)&from, &len));
    CHECK(len == sizeof from && IN6_IS_ADDR_LOOPBACK(&from.sin6_addr));
    close(s);
    len = sizeof from;
    s = CHECK_OK(accept(l6, (struct sockaddr *)&from, &len));
    CHECK(IN6_IS_ADDR_V4MAPPED(&from.sin6_addr));
    return 0;
}
