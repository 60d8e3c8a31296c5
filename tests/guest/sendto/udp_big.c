/* UDP datagrams of every size up to the largest IPv4 carries (65507 bytes) keep
 * their boundaries and bytes on a round trip; 65508 is EMSGSIZE.  With no argument
 * the echo is a second socket on 127.0.0.1; "ADDR PORT" names an echo server
 * elsewhere (the simulator's tests: one on the host, reached through slirp, so the
 * big ones go out and come back as IPv4 fragments). */
#include "guest.h"
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdlib.h>
#include <sys/socket.h>

static unsigned char out[65536], in[65536];

int main(int argc, char **argv)
{
    static const size_t sizes[] = { 1, 1000, 1472, 1473, 2952, 2953, 4000, 8000,
                                    20000, 65507 };
    struct sockaddr_in a = { .sin_family = AF_INET };
    socklen_t len = sizeof a;
    int echo = -1;

    if (argc == 3) {
        CHECK(inet_pton(AF_INET, argv[1], &a.sin_addr) == 1);
        a.sin_port = htons((unsigned short)atoi(argv[2]));
    } else {
        echo = CHECK_OK(socket(AF_INET, SOCK_DGRAM, 0));
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        CHECK_OK(bind(echo, (struct sockaddr *)&a, sizeof a));
        CHECK_OK(getsockname(echo, (struct sockaddr *)&a, &len));
        int big = 1 << 20;
        CHECK_OK(setsockopt(echo, SOL_SOCKET, SO_RCVBUF, &big, sizeof big));
    }
    int c = CHECK_OK(socket(AF_INET, SOCK_DGRAM, 0));
    int big = 1 << 20;
    CHECK_OK(setsockopt(c, SOL_SOCKET, SO_RCVBUF, &big, sizeof big));
    CHECK_OK(setsockopt(c, SOL_SOCKET, SO_SNDBUF, &big, sizeof big));
    CHECK_OK(connect(c, (struct sockaddr *)&a, sizeof a));
    for (size_t i = 0; i < sizeof out; i++)
        out[i] = (unsigned char)(i * 7 + i / 251);

    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        size_t n = sizes[k];
        out[0] = (unsigned char)k;              /* no stale echo passes */
        CHECK(send(c, out, n, 0) == (ssize_t)n);
        if (echo >= 0) {
            struct sockaddr_in from;
            socklen_t fl = sizeof from;
            ssize_t r = recvfrom(echo, in, sizeof in, 0, (struct sockaddr *)&from, &fl);
            CHECK(r == (ssize_t)n);
            CHECK(sendto(echo, in, (size_t)r, 0, (struct sockaddr *)&from, fl) == r);
        }
        struct pollfd p = { c, POLLIN, 0 };
        CHECK(poll(&p, 1, 10000) == 1);
        CHECK(recv(c, in, sizeof in, 0) == (ssize_t)n);
        CHECK(memcmp(in, out, n) == 0);
    }
    CHECK_ERR(send(c, out, 65508, 0), EMSGSIZE);
    return 0;
}
