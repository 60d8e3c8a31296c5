/* The guest cannot create a host network socket: socket(AF_INET/AF_INET6) fails with
 * ENOSYS or EAFNOSUPPORT (no network stack yet).  Trellis only: natively it succeeds. */
/* guest-test: trellis-only */
#include "guest.h"
#include <netinet/in.h>
#include <sys/socket.h>

int main(void)
{
    int families[] = {AF_INET, AF_INET6};
    for (unsigned i = 0; i < 2; i++) {
        errno = 0;
        long r = syscall(SYS_socket, families[i], SOCK_STREAM, 0);
        if (r != -1 || (errno != ENOSYS && errno != EAFNOSUPPORT))
            FAIL("socket(family %d): %ld errno %d (%s)", families[i], r, errno, strerror(errno));
    }
    return 0;
}
