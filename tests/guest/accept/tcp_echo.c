/* A megabyte (or argv[1] of them) through a TCP echo server in another process,
 * both directions at once, ended by shutdown(SHUT_WR): every byte back in order,
 * then end of file;
 * SO_REUSEADDR lets a new listener take the port its closed connections still
 * hold (TIME_WAIT), which without it is EADDRINUSE. */
#include "guest.h"
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/time.h>

/* What one end knew when it gave up waiting: where a transfer stalled. */
static void stall_report(const char *who, int c, size_t sent, size_t got)
{
    struct tcp_info ti;
    socklen_t n = sizeof ti;

    memset(&ti, 0, sizeof ti);
    fprintf(stderr, "%s stalled: sent %zu, got %zu\n", who, sent, got);
    if (getsockopt(c, IPPROTO_TCP, TCP_INFO, &ti, &n) == 0)
        fprintf(stderr, "state %u ca %u retransmits %u probes %u backoff %u "
                "rto %u us rtt %u us unacked %u cwnd %u ssthresh %u "
                "last_data_recv %u ms last_ack_recv %u ms total_retrans %u\n",
                ti.tcpi_state, ti.tcpi_ca_state, ti.tcpi_retransmits,
                ti.tcpi_probes, ti.tcpi_backoff, ti.tcpi_rto, ti.tcpi_rtt,
                ti.tcpi_unacked, ti.tcpi_snd_cwnd, ti.tcpi_snd_ssthresh,
                ti.tcpi_last_data_recv, ti.tcpi_last_ack_recv,
                ti.tcpi_total_retrans);
}

int main(int argc, char **argv)
{
    size_t TOTAL = (size_t)(argc > 1 ? atoi(argv[1]) : 1) << 20;
    struct sockaddr_in a = { .sin_family = AF_INET };
    socklen_t len = sizeof a;
    int one = 1;

    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    int l = CHECK_OK(socket(AF_INET, SOCK_STREAM, 0));
    CHECK_OK(setsockopt(l, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one));
    CHECK_OK(bind(l, (struct sockaddr *)&a, sizeof a));
    CHECK_OK(listen(l, 1));
    CHECK_OK(getsockname(l, (struct sockaddr *)&a, &len));
    pid_t pid = CHECK_OK(fork());
    if (pid == 0) {
        int s = accept(l, NULL, NULL);
        static char b[8192];
        /* As long as the client's poll: a stall is reported from both ends. */
        struct timeval tv = { .tv_sec = 10 };
        size_t echoed = 0, rd = 0;
        ssize_t n;
        setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
        setsockopt(s, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
        while ((n = read(s, b, sizeof b)) > 0 && (rd += n) > 0)
            for (ssize_t off = 0; off < n;) {
                ssize_t w = write(s, b + off, n - off);
                if (w <= 0) {
                    stall_report("server", s, echoed, rd);
                    _exit(2);
                }
                off += w;
                echoed += w;
            }
        if (n < 0)
            stall_report("server", s, echoed, rd);
        _exit(n == 0 ? 0 : 1);
    }
    int c = CHECK_OK(socket(AF_INET, SOCK_STREAM, 0));
    CHECK_OK(connect(c, (struct sockaddr *)&a, sizeof a));
    unsigned char *out = malloc(TOTAL), *in = malloc(TOTAL);
    CHECK(out != NULL && in != NULL);
    for (size_t i = 0; i < TOTAL; i++)
        out[i] = (unsigned char)(i * 7 + (i >> 9));
    size_t sent = 0, got = 0;
    CHECK_OK(fcntl(c, F_SETFL, O_NONBLOCK));
    while (got < TOTAL) {
        struct pollfd p = { c, POLLIN | (sent < TOTAL ? POLLOUT : 0), 0 };
        int ready = poll(&p, 1, 10000);
        if (ready != 1)
            stall_report("client", c, sent, got);
        CHECK(ready == 1);
        if ((p.revents & POLLOUT) && sent < TOTAL) {
            ssize_t w = write(c, out + sent, TOTAL - sent);
            if (w > 0 && (sent += w) == TOTAL)
                CHECK_OK(shutdown(c, SHUT_WR));
        }
        if (p.revents & POLLIN) {
            ssize_t n = read(c, in + got, TOTAL - got);
            CHECK(n > 0);
            got += n;
        }
    }
    CHECK(memcmp(in, out, TOTAL) == 0);
    CHECK_OK(fcntl(c, F_SETFL, 0));
    char b;
    CHECK(read(c, &b, 1) == 0);
    int st;
    CHECK_OK(waitpid(pid, &st, 0));
    CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
    close(c);
    if (argc > 1)
        return 0;   /* a sized run (sim.net.lossy_lo): lost segments may end a
                     * TIME_WAIT early, as a stray reset does on Linux */

    /* The server's end closes first: it waits in TIME_WAIT on the port. */
    c = CHECK_OK(socket(AF_INET, SOCK_STREAM, 0));
    CHECK_OK(connect(c, (struct sockaddr *)&a, sizeof a));
    int s = CHECK_OK(accept(l, NULL, NULL));
    close(s);
    CHECK(read(c, &b, 1) == 0);
    close(c);
    close(l);
    usleep(10000);
    int l2 = CHECK_OK(socket(AF_INET, SOCK_STREAM, 0));
    CHECK_ERR(bind(l2, (struct sockaddr *)&a, sizeof a), EADDRINUSE);
    CHECK_OK(setsockopt(l2, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one));
    CHECK_OK(bind(l2, (struct sockaddr *)&a, sizeof a));
    CHECK_OK(listen(l2, 1));
    return 0;
}
