/* Delayed ACKs on loopback TCP: in a request/response exchange the answer carries
 * the ACK of the request, so each side sends about one segment per message, not
 * two (tcpi_segs_out, read at its offset in struct tcp_info); the connection is
 * then interactive, which TCP_QUICKACK reads as 0 until it is set again. */
#include "guest.h"
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <string.h>
#include <sys/socket.h>

#define ROUNDS 200

static unsigned int segs_out(int fd)
{
    unsigned char info[232];
    socklen_t len = sizeof info;
    unsigned int v;

    memset(info, 0, sizeof info);
    CHECK_OK(getsockopt(fd, IPPROTO_TCP, TCP_INFO, info, &len));
    CHECK(len >= 144);                      /* through tcpi_segs_in */
    memcpy(&v, info + 136, sizeof v);       /* tcpi_segs_out */
    return v;
}

int main(void)
{
    struct sockaddr_in a = { .sin_family = AF_INET };
    socklen_t len = sizeof a;
    char buf[16];
    int one = 1, v;

    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    int l = CHECK_OK(socket(AF_INET, SOCK_STREAM, 0));
    CHECK_OK(bind(l, (struct sockaddr *)&a, sizeof a));
    CHECK_OK(listen(l, 1));
    CHECK_OK(getsockname(l, (struct sockaddr *)&a, &len));
    int c = CHECK_OK(socket(AF_INET, SOCK_STREAM, 0));
    CHECK_OK(connect(c, (struct sockaddr *)&a, sizeof a));
    int s = CHECK_OK(accept(l, NULL, NULL));
    CHECK_OK(setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one));
    CHECK_OK(setsockopt(s, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one));

    unsigned int c0 = segs_out(c), s0 = segs_out(s);
    for (int i = 0; i < ROUNDS; i++) {
        CHECK(send(c, "request!", 8, 0) == 8);
        CHECK(recv(s, buf, 8, MSG_WAITALL) == 8 && memcmp(buf, "request!", 8) == 0);
        CHECK(send(s, "answer!!", 8, 0) == 8);
        CHECK(recv(c, buf, 8, MSG_WAITALL) == 8 && memcmp(buf, "answer!!", 8) == 0);
    }
    unsigned int cs = segs_out(c) - c0, ss = segs_out(s) - s0;
    /* Every message is a segment; ACKs of their own are few. */
    CHECK(cs >= ROUNDS && ss >= ROUNDS);
    CHECK(cs < ROUNDS + ROUNDS / 4);
    CHECK(ss < ROUNDS + ROUNDS / 4);

    len = sizeof v;
    CHECK_OK(getsockopt(s, IPPROTO_TCP, TCP_QUICKACK, &v, &len));
    CHECK(v == 0 && len == sizeof v);
    CHECK_OK(setsockopt(s, IPPROTO_TCP, TCP_QUICKACK, &one, sizeof one));
    CHECK_OK(getsockopt(s, IPPROTO_TCP, TCP_QUICKACK, &v, &len));
    CHECK(v == 1);

    /* The last answer's ACK is owed: it comes within the delayed ACK's time. */
    close(c);
    CHECK(recv(s, buf, sizeof buf, 0) == 0);
    close(s);
    close(l);
    return 0;
}
