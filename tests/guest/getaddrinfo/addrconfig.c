/* getaddrinfo(3) with AI_ADDRCONFIG. glibc asks NETLINK_ROUTE for the
 * addresses (RTM_GETADDR until NLMSG_DONE) and answers an IPv4 query only
 * when some IPv4 address other than 127.0.0.1 is configured (eth0's
 * 10.0.2.15 under Trellis; a host with only lo gets EAI_NONAME). Whether one
 * is, the test reads from SIOCGIFCONF, a path that does not use netlink.
 * musl probes with a UDP connect to 127.0.0.1 instead, which lo answers. */
/* guest-test: dynamic */
#include "guest.h"
#include <arpa/inet.h>
#include <net/if.h>
#include <netdb.h>
#include <sys/ioctl.h>
#include <sys/socket.h>

/* Whether SIOCGIFCONF lists an IPv4 address other than 127.0.0.1. */
static int other_ipv4(void)
{
    struct ifreq all[64];
    struct ifconf c = { .ifc_len = sizeof all, .ifc_req = all };
    int s = CHECK_OK(socket(AF_INET, SOCK_DGRAM, 0));
    int n = 0;

    CHECK_OK(ioctl(s, SIOCGIFCONF, &c));
    for (int i = 0; i < c.ifc_len / (int)sizeof(struct ifreq); i++) {
        const struct sockaddr_in *a = (const void *)&all[i].ifr_addr;
        n += a->sin_family == AF_INET && a->sin_addr.s_addr != htonl(INADDR_LOOPBACK);
    }
    close(s);
    return n > 0;
}

int main(void)
{
    struct addrinfo hints, *res;

    memset(&hints, 0, sizeof hints);
    hints.ai_family = AF_INET;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_ADDRCONFIG | AI_NUMERICHOST | AI_NUMERICSERV;
    int err = getaddrinfo("127.0.0.1", "7", &hints, &res);
    int only_lo = !other_ipv4();
#ifndef __GLIBC__
    only_lo = 0;                        /* musl's probe: lo is enough */
#endif
    if (only_lo) {
        CHECK(err == EAI_NONAME);
        return 0;
    }
    if (err != 0)
        FAIL("getaddrinfo: %s", gai_strerror(err));
    CHECK(res->ai_family == AF_INET);
    CHECK(((struct sockaddr_in *)res->ai_addr)->sin_addr.s_addr == htonl(INADDR_LOOPBACK));
    freeaddrinfo(res);
    return 0;
}
