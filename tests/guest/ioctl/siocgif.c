/* netdevice(7) ioctls on sockets: SIOCGIFCONF lists the IPv4 addresses (lo's
 * 127.0.0.1 among them); lo is index 1, up, loopback, with an MTU and a
 * loopback hardware address; the IPv4 reads are AF_INET's (ENOTTY on other
 * sockets); unknown names and indexes are ENODEV; bad pointers EFAULT; the
 * SIOCSIF* writes need CAP_NET_ADMIN (EPERM, before the name is looked at). */
#include "guest.h"
#include <arpa/inet.h>
#include <net/if.h>
#include <net/if_arp.h>
#include <netinet/in.h>
#include <sys/ioctl.h>
#include <sys/socket.h>

static struct ifreq req(const char *name)
{
    struct ifreq r;
    memset(&r, 0, sizeof r);
    snprintf(r.ifr_name, sizeof r.ifr_name, "%s", name);
    return r;
}

static uint32_t sin_of(const struct sockaddr *sa)
{
    CHECK(sa->sa_family == AF_INET);
    return ((const struct sockaddr_in *)sa)->sin_addr.s_addr;
}

static void unprivileged(void)
{
    if (setgid(GUEST_GID) != 0 || setuid(GUEST_UID) != 0)
        FAIL("setuid: %s", strerror(errno));
    int s = CHECK_OK(socket(AF_INET, SOCK_DGRAM, 0));
    struct ifreq r = req("lo");
    CHECK_OK(ioctl(s, SIOCGIFFLAGS, &r));
    CHECK_ERR(ioctl(s, SIOCSIFFLAGS, &r), EPERM);
    r = req("nosuch0");
    CHECK_ERR(ioctl(s, SIOCSIFMTU, &r), EPERM);
    CHECK_ERR(ioctl(s, SIOCSIFADDR, &r), EPERM);
    CHECK_ERR(ioctl(s, SIOCSIFNETMASK, &r), EPERM);
    close(s);
}

int main(void)
{
    int s = CHECK_OK(socket(AF_INET, SOCK_DGRAM, 0));
    struct ifreq r, all[32];
    struct ifconf c;
    int lo = 0;

    /* SIOCGIFCONF: the room needed, then the list. */
    memset(&c, 0, sizeof c);
    CHECK_OK(ioctl(s, SIOCGIFCONF, &c));
    CHECK(c.ifc_len > 0 && c.ifc_len % sizeof(struct ifreq) == 0);
    c.ifc_len = sizeof all;
    c.ifc_req = all;
    CHECK_OK(ioctl(s, SIOCGIFCONF, &c));
    CHECK(c.ifc_len > 0 && c.ifc_len % sizeof(struct ifreq) == 0);
    for (int i = 0; i < c.ifc_len / (int)sizeof(struct ifreq); i++)
        if (strcmp(all[i].ifr_name, "lo") == 0)
            lo += sin_of(&all[i].ifr_addr) == htonl(INADDR_LOOPBACK);
    CHECK(lo == 1);
    c.ifc_len = sizeof(struct ifreq) - 1;               /* no whole one fits */
    CHECK_OK(ioctl(s, SIOCGIFCONF, &c));
    CHECK(c.ifc_len == 0);

    r = req("lo");
    CHECK_OK(ioctl(s, SIOCGIFINDEX, &r));
    CHECK(r.ifr_ifindex == 1);
    r = req("");
    r.ifr_ifindex = 1;
    CHECK_OK(ioctl(s, SIOCGIFNAME, &r));
    CHECK(strcmp(r.ifr_name, "lo") == 0);
    r = req("lo");
    CHECK_OK(ioctl(s, SIOCGIFFLAGS, &r));
    CHECK((r.ifr_flags & (IFF_UP | IFF_LOOPBACK | IFF_RUNNING)) ==
          (IFF_UP | IFF_LOOPBACK | IFF_RUNNING));
    CHECK(!(r.ifr_flags & IFF_BROADCAST));
    r = req("lo");
    CHECK_OK(ioctl(s, SIOCGIFMTU, &r));
    CHECK(r.ifr_mtu >= 1280);
    r = req("lo");
    CHECK_OK(ioctl(s, SIOCGIFHWADDR, &r));
    CHECK(r.ifr_hwaddr.sa_family == ARPHRD_LOOPBACK);
    CHECK(memcmp(r.ifr_hwaddr.sa_data, "\0\0\0\0\0\0", 6) == 0);
    r = req("lo");
    CHECK_OK(ioctl(s, SIOCGIFTXQLEN, &r));
    CHECK(r.ifr_qlen >= 0);
    r = req("lo");
    CHECK_OK(ioctl(s, SIOCGIFADDR, &r));
    CHECK(sin_of(&r.ifr_addr) == htonl(INADDR_LOOPBACK));
    r = req("lo");
    CHECK_OK(ioctl(s, SIOCGIFNETMASK, &r));
    CHECK(sin_of(&r.ifr_netmask) == htonl(0xff000000));
    r = req("lo");
    CHECK_OK(ioctl(s, SIOCGIFDSTADDR, &r));
    CHECK(sin_of(&r.ifr_dstaddr) == htonl(INADDR_LOOPBACK));

    /* Unknown names and indexes, bad pointers. */
    r = req("nosuch0");
    CHECK_ERR(ioctl(s, SIOCGIFINDEX, &r), ENODEV);
    CHECK_ERR(ioctl(s, SIOCGIFFLAGS, &r), ENODEV);
    CHECK_ERR(ioctl(s, SIOCGIFADDR, &r), ENODEV);
    r.ifr_ifindex = 0x7fffff00;
    CHECK_ERR(ioctl(s, SIOCGIFNAME, &r), ENODEV);
    CHECK_ERR(ioctl(s, SIOCGIFINDEX, BAD_PTR), EFAULT);
    CHECK_ERR(ioctl(s, SIOCGIFCONF, BAD_PTR), EFAULT);
    CHECK_ERR(ioctl(s, 0x89ee, &r), ENOTTY);
    close(s);

    /* Other sockets answer the device reads but not the IPv4 ones. */
    int fams[][3] = { { AF_UNIX, SOCK_DGRAM, 0 }, { AF_INET6, SOCK_DGRAM, 0 },
                      { AF_NETLINK, SOCK_RAW, 0 /* NETLINK_ROUTE */ } };
    for (unsigned i = 0; i < sizeof fams / sizeof fams[0]; i++) {
        s = CHECK_OK(socket(fams[i][0], fams[i][1], fams[i][2]));
        r = req("lo");
        CHECK_OK(ioctl(s, SIOCGIFINDEX, &r));
        CHECK(r.ifr_ifindex == 1);
        r = req("lo");
        CHECK_ERR(ioctl(s, SIOCGIFADDR, &r), ENOTTY);
        r = req("nosuch0");
        CHECK_ERR(ioctl(s, SIOCGIFMTU, &r), ENODEV);
        close(s);
    }
    run_in_child(unprivileged);
    return 0;
}
