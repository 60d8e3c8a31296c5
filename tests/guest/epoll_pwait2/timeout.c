/* epoll_pwait2(2) takes a timespec: NULL waits, zero polls, a short one
 * times out; an invalid one is EINVAL and an unreadable one EFAULT,
 * before the descriptor is looked at. */
#include "guest.h"
#include <sys/epoll.h>
#include <time.h>

int main(void)
{
    struct epoll_event ev = { .events = EPOLLIN }, out[1];
    struct timespec zero = { 0, 0 }, shrt = { 0, 20 * 1000 * 1000 }, bad = { 0, 1000000000 };
    int ep, p[2];

    CHECK_OK(pipe(p));
    ep = CHECK_OK(epoll_create1(0));
    CHECK_OK(epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev));
    CHECK(CHECK_OK(syscall(SYS_epoll_pwait2, ep, out, 1, &zero, NULL, 8)) == 0);
    CHECK(CHECK_OK(syscall(SYS_epoll_pwait2, ep, out, 1, &shrt, NULL, 8)) == 0);
    CHECK_ERR(syscall(SYS_epoll_pwait2, closed_fd(), out, 1, &bad, NULL, 8), EINVAL);
    CHECK_ERR(syscall(SYS_epoll_pwait2, closed_fd(), out, 1, BAD_PTR, NULL, 8), EFAULT);
    CHECK(CHECK_OK(write(p[1], "x", 1)) == 1);
    CHECK(CHECK_OK(syscall(SYS_epoll_pwait2, ep, out, 1, NULL, NULL, 8)) == 1);
    return 0;
}
