/* The guest's sockets are the services' own, not the host's: an address beyond lo
 * is unreachable (no network device reaches out yet), and packet, raw and netlink
 * sockets, which would see the host's traffic or configuration, do not exist.
 * Trellis only: natively the host's stack answers. */
/* guest-test: trellis-only */
#include "guest.h"
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

int main(void)
{
    struct sockaddr_in far = { .sin_family = AF_INET, .sin_port = htons(80) };
    far.sin_addr.s_addr = inet_addr("192.0.2.1");          /* TEST-NET-1 */
    int s = CHECK_OK(socket(AF_INET, SOCK_STREAM, 0));
    CHECK_ERR(connect(s, (struct sockaddr *)&far, sizeof far), ENETUNREACH);
    int u = CHECK_OK(socket(AF_INET, SOCK_DGRAM, 0));
    CHECK_ERR(sendto(u, "x", 1, 0, (struct sockaddr *)&far, sizeof far), ENETUNREACH);
    CHECK_ERR(socket(AF_PACKET, SOCK_RAW, 0), EAFNOSUPPORT);
    CHECK_ERR(socket(AF_INET, SOCK_RAW, IPPROTO_ICMP), EPROTONOSUPPORT);
    CHECK_ERR(socket(AF_NETLINK, SOCK_RAW, 0), EAFNOSUPPORT);
    return 0;
}
