/* TCP keepalive: SO_KEEPALIVE with TCP_KEEPIDLE/KEEPINTVL/KEEPCNT probes an idle
 * connection (the peer sees segments that carry no data and answers them, so the
 * connection stays up), an accepted socket inherits the listener's settings, and
 * the option ranges are Linux's. */
#include "guest.h"
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

static unsigned int info32(int fd, size_t off)
{
    unsigned char info[232];
    socklen_t len = sizeof info;
    unsigned int v;

    memset(info, 0, sizeof info);
    CHECK_OK(getsockopt(fd, IPPROTO_TCP, TCP_INFO, info, &len));
    CHECK(len >= off + 4);
    memcpy(&v, info + off, sizeof v);
    return v;
}

static int getint(int fd, int level, int name)
{
    int v;
    socklen_t len = sizeof v;

    CHECK_OK(getsockopt(fd, level, name, &v, &len));
    return v;
}

static void setint(int fd, int level, int name, int v)
{
    CHECK_OK(setsockopt(fd, level, name, &v, sizeof v));
}

int main(void)
{
    struct sockaddr_in a = { .sin_family = AF_INET };
    socklen_t len = sizeof a;
    char buf[8];
    int v;

    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    int l = CHECK_OK(socket(AF_INET, SOCK_STREAM, 0));
    CHECK(getint(l, SOL_SOCKET, SO_KEEPALIVE) == 0);
    CHECK(getint(l, IPPROTO_TCP, TCP_KEEPIDLE) == 7200);
    CHECK(getint(l, IPPROTO_TCP, TCP_KEEPINTVL) == 75);
    CHECK(getint(l, IPPROTO_TCP, TCP_KEEPCNT) == 9);
    v = 0;
    CHECK_ERR(setsockopt(l, IPPROTO_TCP, TCP_KEEPIDLE, &v, sizeof v), EINVAL);
    v = 32768;
    CHECK_ERR(setsockopt(l, IPPROTO_TCP, TCP_KEEPINTVL, &v, sizeof v), EINVAL);
    v = 128;
    CHECK_ERR(setsockopt(l, IPPROTO_TCP, TCP_KEEPCNT, &v, sizeof v), EINVAL);
    setint(l, SOL_SOCKET, SO_KEEPALIVE, 1);
    setint(l, IPPROTO_TCP, TCP_KEEPIDLE, 1);
    setint(l, IPPROTO_TCP, TCP_KEEPINTVL, 1);
    setint(l, IPPROTO_TCP, TCP_KEEPCNT, 3);
    CHECK_OK(bind(l, (struct sockaddr *)&a, sizeof a));
    CHECK_OK(listen(l, 1));
    CHECK_OK(getsockname(l, (struct sockaddr *)&a, &len));
    int c = CHECK_OK(socket(AF_INET, SOCK_STREAM, 0));
    CHECK_OK(connect(c, (struct sockaddr *)&a, sizeof a));
    int s = CHECK_OK(accept(l, NULL, NULL));
    CHECK(getint(s, SOL_SOCKET, SO_KEEPALIVE) == 1);
    CHECK(getint(s, IPPROTO_TCP, TCP_KEEPIDLE) == 1);
    CHECK(getint(s, IPPROTO_TCP, TCP_KEEPCNT) == 3);
    CHECK(getint(c, SOL_SOCKET, SO_KEEPALIVE) == 0);

    /* Settle the handshake's segments, then stay idle for 1 s + 2 probes. */
    CHECK(send(c, "x", 1, 0) == 1 && recv(s, buf, 1, 0) == 1);
    struct timespec d = { 0, 300 * 1000 * 1000 };
    nanosleep(&d, NULL);
    unsigned int in0 = info32(c, 140), out0 = info32(c, 136);   /* segs_in/out */
    d = (struct timespec){ 2, 700 * 1000 * 1000 };
    nanosleep(&d, NULL);
    unsigned int probes = info32(c, 140) - in0;
    CHECK(probes >= 2 && probes <= 4);      /* at 1, 2 and maybe 3 s */
    CHECK(info32(c, 136) - out0 >= 2);      /* each was answered */
    CHECK(info32(s, 0) == TCP_ESTABLISHED); /* tcpi_state */
    CHECK_ERR(recv(c, buf, 1, MSG_DONTWAIT), EAGAIN);   /* probes carry no data */

    /* Off: the probes stop. */
    setint(s, SOL_SOCKET, SO_KEEPALIVE, 0);
    in0 = info32(c, 140);
    d = (struct timespec){ 1, 500 * 1000 * 1000 };
    nanosleep(&d, NULL);
    CHECK(info32(c, 140) == in0);
    CHECK(send(s, "y", 1, 0) == 1 && recv(c, buf, 1, 0) == 1 && buf[0] == 'y');
    return 0;
}
