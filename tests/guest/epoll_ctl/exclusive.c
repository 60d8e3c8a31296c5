/* EPOLLEXCLUSIVE is taken with ADD only, with the in/out/err/hup/et bits
 * only, and not on an epoll (EINVAL otherwise, and MOD of an exclusive
 * item is EINVAL too); an exclusive item still reports its events. */
#include "guest.h"
#include <stdint.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>

int main(void)
{
    struct epoll_event ev = { .events = EPOLLIN | EPOLLEXCLUSIVE }, out[1];
    int ep = CHECK_OK(epoll_create1(0)), inner = CHECK_OK(epoll_create1(0));
    int efd = CHECK_OK(eventfd(0, 0));
    uint64_t one = 1;

    ev.events = EPOLLIN | EPOLLEXCLUSIVE | EPOLLONESHOT;
    CHECK_ERR(epoll_ctl(ep, EPOLL_CTL_ADD, efd, &ev), EINVAL);
    ev.events = EPOLLIN | EPOLLEXCLUSIVE | EPOLLPRI;
    CHECK_ERR(epoll_ctl(ep, EPOLL_CTL_ADD, efd, &ev), EINVAL);
    ev.events = EPOLLIN | EPOLLEXCLUSIVE;
    CHECK_ERR(epoll_ctl(ep, EPOLL_CTL_ADD, inner, &ev), EINVAL);
    CHECK_OK(epoll_ctl(ep, EPOLL_CTL_ADD, efd, &ev));
    CHECK_ERR(epoll_ctl(ep, EPOLL_CTL_MOD, efd, &ev), EINVAL);
    ev.events = EPOLLIN;
    CHECK_ERR(epoll_ctl(ep, EPOLL_CTL_MOD, efd, &ev), EINVAL);
    CHECK(CHECK_OK(epoll_wait(ep, out, 1, 0)) == 0);
    CHECK(CHECK_OK(write(efd, &one, sizeof one)) == sizeof one);
    CHECK(CHECK_OK(epoll_wait(ep, out, 1, -1)) == 1);
    CHECK(out[0].events == EPOLLIN);
    CHECK_OK(epoll_ctl(ep, EPOLL_CTL_DEL, efd, NULL));
    return 0;
}
