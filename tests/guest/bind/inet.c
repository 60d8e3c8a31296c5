/* bind(2) for IPv4 and IPv6 UDP: EADDRINUSE unless both sockets set SO_REUSEADDR,
 * EADDRNOTAVAIL for an address not here, EINVAL when bound or too short; an IPv6
 * wildcard is dual-stack (it conflicts with IPv4 and receives from it, as
 * ::ffff:127.0.0.1) unless IPV6_V6ONLY, which only an unbound socket may set. */
#include "guest.h"
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

int main(void)
{
    struct sockaddr_in a = { .sin_family = AF_INET }, got;
    struct sockaddr_in6 a6 = { .sin6_family = AF_INET6 }, from6;
    socklen_t len;
    int one = 1;

    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    int s1 = CHECK_OK(socket(AF_INET, SOCK_DGRAM, 0));
    CHECK_ERR(bind(s1, (struct sockaddr *)&a, sizeof a - 1), EINVAL);
    CHECK_OK(bind(s1, (struct sockaddr *)&a, sizeof a));
    len = sizeof got;
    CHECK_OK(getsockname(s1, (struct sockaddr *)&got, &len));
    CHECK_ERR(bind(s1, (struct sockaddr *)&a, sizeof a), EINVAL);
    int s2 = CHECK_OK(socket(AF_INET, SOCK_DGRAM, 0));
    CHECK_ERR(bind(s2, (struct sockaddr *)&got, sizeof got), EADDRINUSE);
    struct sockaddr_in any = got;
    any.sin_addr.s_addr = 0;
    CHECK_ERR(bind(s2, (struct sockaddr *)&any, sizeof any), EADDRINUSE);
    struct sockaddr_in far = { .sin_family = AF_INET };
    far.sin_addr.s_addr = inet_addr("192.0.2.1");       /* TEST-NET-1 */
    CHECK_ERR(bind(s2, (struct sockaddr *)&far, sizeof far), EADDRNOTAVAIL);
    close(s1);
    CHECK_OK(bind(s2, (struct sockaddr *)&got, sizeof got));  /* free again */
    close(s2);

    /* SO_REUSEADDR on both: the port is shared. */
    s1 = CHECK_OK(socket(AF_INET, SOCK_DGRAM, 0));
    s2 = CHECK_OK(socket(AF_INET, SOCK_DGRAM, 0));
    CHECK_OK(setsockopt(s1, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one));
    CHECK_OK(setsockopt(s2, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one));
    CHECK_OK(bind(s1, (struct sockaddr *)&got, sizeof got));
    CHECK_OK(bind(s2, (struct sockaddr *)&got, sizeof got));
    close(s1);
    close(s2);

    /* An IPv6 wildcard covers IPv4 too. */
    int s6 = CHECK_OK(socket(AF_INET6, SOCK_DGRAM, 0));
    CHECK_ERR(bind(s6, (struct sockaddr *)&a6, 10), EINVAL);
    a6.sin6_addr = in6addr_any;
    a6.sin6_port = got.sin_port;
    CHECK_OK(bind(s6, (struct sockaddr *)&a6, sizeof a6));
    CHECK_ERR(setsockopt(s6, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof one), EINVAL);
    s1 = CHECK_OK(socket(AF_INET, SOCK_DGRAM, 0));
    CHECK_ERR(bind(s1, (struct sockaddr *)&got, sizeof got), EADDRINUSE);
    CHECK(sendto(s1, "v4", 2, 0, (struct sockaddr *)&got, sizeof got) == 2);
    char buf[8];
    len = sizeof from6;
    CHECK(recvfrom(s6, buf, sizeof buf, 0, (struct sockaddr *)&from6, &len) == 2);
    CHECK(len == sizeof from6 && from6.sin6_family == AF_INET6 &&
          IN6_IS_ADDR_V4MAPPED(&from6.sin6_addr));
    close(s6);

    /* With IPV6_V6ONLY it does not: both bind, and ::1 talks to ::1. */
    s6 = CHECK_OK(socket(AF_INET6, SOCK_DGRAM, 0));
    CHECK_OK(setsockopt(s6, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof one));
    CHECK_OK(bind(s6, (struct sockaddr *)&a6, sizeof a6));
    CHECK_ERR(bind(s1, (struct sockaddr *)&got, sizeof got), EINVAL); /* the send bound it */
    int s3 = CHECK_OK(socket(AF_INET, SOCK_DGRAM, 0));
    CHECK_OK(bind(s3, (struct sockaddr *)&got, sizeof got));
    struct sockaddr_in6 lo6 = { .sin6_family = AF_INET6, .sin6_port = got.sin_port,
                                .sin6_addr = IN6ADDR_LOOPBACK_INIT };
    int c6 = CHECK_OK(socket(AF_INET6, SOCK_DGRAM, 0));
    CHECK(sendto(c6, "v6", 2, 0, (struct sockaddr *)&lo6, sizeof lo6) == 2);
    len = sizeof from6;
    CHECK(recvfrom(s6, buf, sizeof buf, 0, (struct sockaddr *)&from6, &len) == 2);
    CHECK(IN6_IS_ADDR_LOOPBACK(&from6.sin6_addr));
    return 0;
}
