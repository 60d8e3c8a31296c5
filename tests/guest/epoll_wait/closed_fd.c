/* Closing the only descriptor of a registered file removes its item: no
 * more events, and the number is unknown to epoll_ctl (EBADF while
 * closed, ENOENT once reused by another file). */
#include "guest.h"
#include <sys/epoll.h>

int main(void)
{
    struct epoll_event ev = { .events = EPOLLIN }, out[2];
    int ep, p[2], q[2], fd;

    CHECK_OK(pipe(p));
    ep = CHECK_OK(epoll_create1(0));
    CHECK_OK(epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev));
    CHECK(CHECK_OK(write(p[1], "a", 1)) == 1);
    CHECK(CHECK_OK(epoll_wait(ep, out, 2, 0)) == 1);
    fd = p[0];
    CHECK_OK(close(p[0]));
    CHECK(CHECK_OK(epoll_wait(ep, out, 2, 0)) == 0);
    CHECK_ERR(epoll_ctl(ep, EPOLL_CTL_DEL, fd, &ev), EBADF);
    CHECK_OK(pipe(q));
    CHECK(q[0] == fd);
    CHECK_ERR(epoll_ctl(ep, EPOLL_CTL_DEL, fd, &ev), ENOENT);
    CHECK(CHECK_OK(write(q[1], "a", 1)) == 1);
    CHECK(CHECK_OK(epoll_wait(ep, out, 2, 0)) == 0);
    return 0;
}
