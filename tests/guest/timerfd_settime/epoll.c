/* A timerfd in an epoll wakes epoll_wait(2) at its expiry, with EPOLLIN
 * only, and no longer once read. */
#include "guest.h"
#include <stdint.h>
#include <sys/epoll.h>
#include <sys/timerfd.h>

int main(void)
{
    struct itimerspec it = { { 0, 0 }, { 0, 30 * 1000 * 1000 } };
    struct epoll_event ev = { .events = EPOLLIN | EPOLLRDNORM }, out[1];
    int fd = CHECK_OK(timerfd_create(CLOCK_MONOTONIC, 0)), ep;
    uint64_t n;

    ep = CHECK_OK(epoll_create1(0));
    CHECK_OK(epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev));
    CHECK_OK(timerfd_settime(fd, 0, &it, NULL));
    CHECK(CHECK_OK(epoll_wait(ep, out, 1, 0)) == 0);
    CHECK(CHECK_OK(epoll_wait(ep, out, 1, 5000)) == 1);
    CHECK(out[0].events == EPOLLIN);
    CHECK(CHECK_OK(read(fd, &n, sizeof n)) == 8 && n == 1);
    CHECK(CHECK_OK(epoll_wait(ep, out, 1, 0)) == 0);
    return 0;
}
