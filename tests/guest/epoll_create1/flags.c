/* epoll_create1(2) takes EPOLL_CLOEXEC only (EINVAL otherwise) and sets
 * FD_CLOEXEC with it; epoll_create(2) needs a positive size hint. The
 * descriptor is an anonymous file: not readable (EINVAL).  musl's
 * epoll_create() checks no size, so the raw call is used. */
#include "guest.h"
#include <sys/epoll.h>

int main(void)
{
    char c;
    int a, b;

    CHECK_ERR(epoll_create1(1), EINVAL);
    CHECK_ERR(syscall(SYS_epoll_create, 0), EINVAL);
    CHECK_ERR(syscall(SYS_epoll_create, -1), EINVAL);
    a = CHECK_OK(syscall(SYS_epoll_create, 1));
    b = CHECK_OK(epoll_create1(EPOLL_CLOEXEC));
    CHECK(CHECK_OK(fcntl(a, F_GETFD)) == 0);
    CHECK(CHECK_OK(fcntl(b, F_GETFD)) == FD_CLOEXEC);
    CHECK(CHECK_OK(fcntl(a, F_GETFL)) == O_RDWR);
    CHECK_ERR(read(a, &c, 1), EINVAL);
    return 0;
}
