/* EPOLLET reports a readable pipe once per change: not again while the
 * data sits unread, but again after each new write. */
#include "guest.h"
#include <sys/epoll.h>

int main(void)
{
    struct epoll_event ev = { .events = EPOLLIN | EPOLLET, .data.fd = 7 }, out[2];
    int ep, p[2];
    char buf[8];

    CHECK_OK(pipe(p));
    ep = CHECK_OK(epoll_create1(0));
    CHECK_OK(epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev));
    CHECK(CHECK_OK(epoll_wait(ep, out, 2, 0)) == 0);
    CHECK(CHECK_OK(write(p[1], "a", 1)) == 1);
    CHECK(CHECK_OK(epoll_wait(ep, out, 2, 0)) == 1);
    CHECK(out[0].events == EPOLLIN && out[0].data.fd == 7);
    CHECK(CHECK_OK(epoll_wait(ep, out, 2, 0)) == 0);
    CHECK(CHECK_OK(write(p[1], "b", 1)) == 1);
    CHECK(CHECK_OK(epoll_wait(ep, out, 2, -1)) == 1);
    CHECK(CHECK_OK(epoll_wait(ep, out, 2, 0)) == 0);
    CHECK(CHECK_OK(read(p[0], buf, sizeof buf)) == 2);
    CHECK(CHECK_OK(epoll_wait(ep, out, 2, 0)) == 0);
    return 0;
}
