/* getifaddrs(3), which glibc and musl build from NETLINK_ROUTE dumps: lo is
 * there as an AF_PACKET entry and as 127.0.0.1 with netmask 255.0.0.0, up and
 * loopback; every entry's name is an interface if_nametoindex knows. */
#include "guest.h"
#include <arpa/inet.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>
#include <sys/socket.h>

int main(void)
{
    struct ifaddrs *list, *i;
    int lo4 = 0, lopkt = 0, n = 0;

    CHECK_OK(getifaddrs(&list));
    for (i = list; i != NULL; i = i->ifa_next, n++) {
        CHECK(i->ifa_name != NULL && if_nametoindex(i->ifa_name) != 0);
        if (strcmp(i->ifa_name, "lo") != 0 || i->ifa_addr == NULL)
            continue;
        CHECK((i->ifa_flags & (IFF_UP | IFF_LOOPBACK)) == (IFF_UP | IFF_LOOPBACK));
        if (i->ifa_addr->sa_family == AF_PACKET)
            lopkt++;
        if (i->ifa_addr->sa_family == AF_INET) {
            struct sockaddr_in *a = (void *)i->ifa_addr, *m = (void *)i->ifa_netmask;
            CHECK(a->sin_addr.s_addr == htonl(INADDR_LOOPBACK));
            CHECK(m != NULL && m->sin_addr.s_addr == htonl(0xff000000));
            lo4++;
        }
    }
    CHECK(lo4 == 1 && lopkt == 1 && n >= 2);
    freeifaddrs(list);
    return 0;
}
