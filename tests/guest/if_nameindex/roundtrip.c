/* if_nameindex(3) (a NETLINK_ROUTE link dump in glibc and musl) lists lo as
 * index 1; every name and index round-trips through if_nametoindex and
 * if_indextoname (SIOCGIFINDEX, SIOCGIFNAME); unknown ones fail with ENODEV
 * (ENXIO in musl's if_indextoname). */
#include "guest.h"
#include <net/if.h>

int main(void)
{
    struct if_nameindex *list = if_nameindex(), *i;
    char name[IF_NAMESIZE];
    int lo = 0;

    CHECK(list != NULL);
    for (i = list; i->if_index != 0; i++) {
        CHECK(if_nametoindex(i->if_name) == i->if_index);
        CHECK(if_indextoname(i->if_index, name) != NULL);
        CHECK(strcmp(name, i->if_name) == 0);
        lo += i->if_index == 1 && strcmp(i->if_name, "lo") == 0;
    }
    CHECK(lo == 1);
    if_freenameindex(list);
    errno = 0;
    CHECK(if_nametoindex("nosuch0") == 0 && errno == ENODEV);
    errno = 0;
    CHECK(if_indextoname(0x7fffff00, name) == NULL);
    CHECK(errno == ENXIO || errno == ENODEV);
    return 0;
}
