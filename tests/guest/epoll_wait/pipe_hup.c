/* epoll reports a pipe's read end EPOLLHUP once its writer closes, and
 * the write end EPOLLERR once its reader closes, whether asked for or
 * not; a pipe never reports EPOLLRDHUP (that is for sockets). */
#include "guest.h"
#include <sys/epoll.h>

int main(void)
{
    struct epoll_event ev = { .events = EPOLLIN | EPOLLRDHUP | EPOLLET }, out[2];
    int ep, p[2], q[2];

    CHECK_OK(pipe(p));
    CHECK_OK(pipe(q));
    ep = CHECK_OK(epoll_create1(0));
    ev.data.fd = p[0];
    CHECK_OK(epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev));
    ev.events = 0;
    ev.data.fd = q[1];
    CHECK_OK(epoll_ctl(ep, EPOLL_CTL_ADD, q[1], &ev));
    CHECK(CHECK_OK(epoll_wait(ep, out, 2, 0)) == 0);
    CHECK_OK(close(p[1]));
    CHECK(CHECK_OK(epoll_wait(ep, out, 2, -1)) == 1);
    CHECK(out[0].data.fd == p[0] && out[0].events == EPOLLHUP);
    CHECK_OK(close(q[0]));
    CHECK(CHECK_OK(epoll_wait(ep, out, 2, -1)) == 1);
    CHECK(out[0].data.fd == q[1] && out[0].events == EPOLLERR);
    return 0;
}
