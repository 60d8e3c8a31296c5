/* getaddrinfo(3) with AI_ADDRCONFIG: glibc asks NETLINK_ROUTE for the
 * addresses (RTM_GETADDR until NLMSG_DONE) and, with a non-loopback IPv4
 * address configured (the host's; eth0's 10.0.2.15 under Trellis), answers
 * a numeric IPv4 host; musl probes with UDP connects instead. */
/* guest-test: dynamic */
#include "guest.h"
#include <arpa/inet.h>
#include <netdb.h>
#include <sys/socket.h>

int main(void)
{
    struct addrinfo hints, *res;

    memset(&hints, 0, sizeof hints);
    hints.ai_family = AF_INET;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_ADDRCONFIG | AI_NUMERICHOST | AI_NUMERICSERV;
    int err = getaddrinfo("127.0.0.1", "7", &hints, &res);
    if (err != 0)
        FAIL("getaddrinfo: %s", gai_strerror(err));
    CHECK(res->ai_family == AF_INET);
    CHECK(((struct sockaddr_in *)res->ai_addr)->sin_addr.s_addr == htonl(INADDR_LOOPBACK));
    freeaddrinfo(res);
    return 0;
}
