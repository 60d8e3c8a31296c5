/* EPOLLONESHOT reports an item once, then disables it while it stays
 * registered (ADD again is EEXIST); EPOLL_CTL_MOD re-arms it, and a
 * still-ready file is reported at once. */
#include "guest.h"
#include <sys/epoll.h>

int main(void)
{
    struct epoll_event ev = { .events = EPOLLIN | EPOLLONESHOT, .data.u32 = 5 }, out[2];
    int ep, p[2];

    CHECK_OK(pipe(p));
    ep = CHECK_OK(epoll_create1(0));
    CHECK_OK(epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev));
    CHECK(CHECK_OK(write(p[1], "a", 1)) == 1);
    CHECK(CHECK_OK(epoll_wait(ep, out, 2, 0)) == 1);
    CHECK(out[0].data.u32 == 5);
    CHECK(CHECK_OK(epoll_wait(ep, out, 2, 0)) == 0);
    CHECK(CHECK_OK(write(p[1], "b", 1)) == 1);
    CHECK(CHECK_OK(epoll_wait(ep, out, 2, 30)) == 0);
    CHECK_ERR(epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev), EEXIST);
    ev.data.u32 = 6;
    CHECK_OK(epoll_ctl(ep, EPOLL_CTL_MOD, p[0], &ev));
    CHECK(CHECK_OK(epoll_wait(ep, out, 2, 0)) == 1);
    CHECK(out[0].events == EPOLLIN && out[0].data.u32 == 6);
    CHECK(CHECK_OK(epoll_wait(ep, out, 2, 0)) == 0);
    return 0;
}
