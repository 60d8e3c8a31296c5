/* The guest's sockets are the services' own stack's, not the host's: packet and raw
 * sockets, which would see the host's traffic, do not exist; netlink has only
 * NETLINK_ROUTE, which describes the guest's own interfaces (lo and eth0, nothing of
 * the host's); and 127.0.0.1 is the guest's own loopback, where nothing of the host
 * listens (the host is 10.0.2.2 through the user-mode network; sim.net.net_none shows
 * a guest with no network at all).  Trellis only: natively the host's stack answers. */
/* guest-test: trellis-only */
#include "guest.h"
#include <arpa/inet.h>
#include <net/if.h>
#include <netinet/in.h>
#include <sys/socket.h>

int main(void)
{
    CHECK_ERR(socket(AF_PACKET, SOCK_RAW, 0), EAFNOSUPPORT);
    CHECK_ERR(socket(AF_INET, SOCK_RAW, IPPROTO_ICMP), EPROTONOSUPPORT);
    CHECK_ERR(socket(AF_NETLINK, SOCK_RAW, 4 /* NETLINK_SOCK_DIAG */), EPROTONOSUPPORT);
    CHECK_ERR(socket(AF_NETLINK, SOCK_RAW, 15 /* NETLINK_KOBJECT_UEVENT */),
              EPROTONOSUPPORT);
    /* The interfaces are the guest's: lo and eth0 (index 2), no third. */
    CHECK(if_nametoindex("lo") == 1);
    CHECK(if_nametoindex("eth0") == 2);
    char name[IF_NAMESIZE];
    CHECK(if_indextoname(3, name) == NULL);
    /* Ports the host's own services often hold (ssh, the process API of
     * this machine's sandbox): refused by the guest's loopback. */
    int ports[] = { 22, 2024, 5001 };
    for (unsigned i = 0; i < sizeof ports / sizeof ports[0]; i++) {
        struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(ports[i]) };
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        int s = CHECK_OK(socket(AF_INET, SOCK_STREAM, 0));
        CHECK_ERR(connect(s, (struct sockaddr *)&a, sizeof a), ECONNREFUSED);
        close(s);
    }
    return 0;
}
