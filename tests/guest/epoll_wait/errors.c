/* epoll_wait(2)'s checks, in Linux 6.18's order: EBADF, EINVAL for
 * maxevents <= 0, EFAULT for an events array outside user space, EINVAL
 * for a descriptor that is not an epoll; a fault writing a ready event is
 * EFAULT. */
#include "guest.h"
#include <sys/epoll.h>

int main(void)
{
    struct epoll_event ev = { .events = EPOLLOUT }, out[1];
    int ep = CHECK_OK(epoll_create1(0)), p[2];

    CHECK_OK(pipe(p));
    CHECK_ERR(syscall(SYS_epoll_wait, closed_fd(), out, 0, 0), EBADF);
    CHECK_ERR(syscall(SYS_epoll_wait, ep, out, -1, 0), EINVAL);
    CHECK_ERR(syscall(SYS_epoll_wait, p[0], out, 0, 0), EINVAL);
    CHECK_ERR(syscall(SYS_epoll_wait, ep, (void *)0xffffffffffff0000ULL, 1, 0), EFAULT);
    CHECK_ERR(syscall(SYS_epoll_wait, p[0], (void *)0xffffffffffff0000ULL, 1, 0), EFAULT);
    CHECK_ERR(epoll_wait(p[0], out, 1, 0), EINVAL);
    CHECK_OK(epoll_ctl(ep, EPOLL_CTL_ADD, p[1], &ev));
    CHECK_ERR(syscall(SYS_epoll_wait, ep, BAD_PTR, 1, 0), EFAULT);
    CHECK(CHECK_OK(epoll_wait(ep, out, 1, 0)) == 1);
    return 0;
}
