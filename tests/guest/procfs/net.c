/* /proc/net's interface files in Linux's formats: dev (lo's counters grow when
 * a datagram goes through it), route (the IPv4 main table, 127-column lines,
 * interfaces that exist) and if_inet6 (lo's ::1). */
#include "guest.h"
#include <arpa/inet.h>
#include <net/if.h>
#include <netinet/in.h>
#include <sys/socket.h>

static char text[16384];

static void slurp(const char *path)
{
    int fd = CHECK_OK(open(path, O_RDONLY));
    ssize_t n, len = 0;
    while ((n = CHECK_OK(read(fd, text + len, sizeof text - 1 - len))) > 0)
        len += n;
    text[len] = 0;
    close(fd);
}

/* lo's received packets, from /proc/net/dev. */
static unsigned long long lo_rx_packets(void)
{
    unsigned long long bytes, packets;
    slurp("/proc/net/dev");
    static const char head[] =
        "Inter-|   Receive                                                |  Transmit\n"
        " face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets"
        " errs drop fifo colls carrier compressed\n";
    CHECK(strncmp(text, head, strlen(head)) == 0);
    char *lo = strstr(text, "\n    lo:");
    CHECK(lo != NULL);
    CHECK(sscanf(lo + 8, "%llu %llu", &bytes, &packets) == 2);
    return packets;
}

int main(void)
{
    unsigned long long before = lo_rx_packets();
    int s = CHECK_OK(socket(AF_INET, SOCK_DGRAM, 0));
    struct sockaddr_in a = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
    socklen_t len = sizeof a;
    CHECK_OK(bind(s, (struct sockaddr *)&a, sizeof a));
    CHECK_OK(getsockname(s, (struct sockaddr *)&a, &len));
    CHECK(sendto(s, "x", 1, 0, (struct sockaddr *)&a, sizeof a) == 1);
    close(s);
    CHECK(lo_rx_packets() > before);

    slurp("/proc/net/route");
    CHECK(strncmp(text, "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU"
                        "\tWindow\tIRTT", 62) == 0);
    for (char *line = text; *line; ) {
        char *end = strchr(line, '\n');
        CHECK(end != NULL && end - line == 127);
        if (line != text) {
            char name[IF_NAMESIZE + 1];
            unsigned dst, gw, flags, mask;
            CHECK(sscanf(line, "%16s %x %x %x %*d %*u %*d %x", name, &dst, &gw, &flags,
                         &mask) == 5);
            CHECK(if_nametoindex(name) != 0);
            CHECK(flags & 1 /* RTF_UP */);
            CHECK((dst & mask) == dst);
        }
        line = end + 1;
    }

    slurp("/proc/net/if_inet6");
    CHECK(strstr(text, "00000000000000000000000000000001 01 80 10 80       lo\n") != NULL);
    return 0;
}
