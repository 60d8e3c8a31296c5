/* epoll_ctl(2)'s answers: EEXIST for a second ADD, ENOENT for MOD or DEL
 * of what is not there, EBADF for either descriptor closed, EINVAL for an
 * unknown op, a non-epoll epfd or the epoll itself, EPERM for a file that
 * cannot be polled (a regular file, /dev/null), EFAULT for the event. */
#include "guest.h"
#include <sys/epoll.h>

int main(void)
{
    const char *path = tmp_path("epollreg");
    struct epoll_event ev = { .events = EPOLLIN };
    int ep = CHECK_OK(epoll_create1(0)), p[2], reg, null;

    CHECK_OK(pipe(p));
    make_file(path, "x", 1);
    reg = CHECK_OK(open(path, O_RDONLY));
    null = CHECK_OK(open("/dev/null", O_RDONLY));
    CHECK_OK(epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev));
    CHECK_ERR(epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev), EEXIST);
    CHECK_ERR(epoll_ctl(ep, EPOLL_CTL_MOD, p[1], &ev), ENOENT);
    CHECK_ERR(epoll_ctl(ep, EPOLL_CTL_DEL, p[1], &ev), ENOENT);
    CHECK_ERR(epoll_ctl(closed_fd(), EPOLL_CTL_ADD, p[1], &ev), EBADF);
    CHECK_ERR(epoll_ctl(ep, EPOLL_CTL_ADD, closed_fd(), &ev), EBADF);
    CHECK_ERR(epoll_ctl(ep, 0, p[1], &ev), EINVAL);
    CHECK_ERR(epoll_ctl(ep, 4, p[1], &ev), EINVAL);
    CHECK_ERR(epoll_ctl(p[0], EPOLL_CTL_ADD, p[1], &ev), EINVAL);
    CHECK_ERR(epoll_ctl(ep, EPOLL_CTL_ADD, ep, &ev), EINVAL);
    CHECK_ERR(epoll_ctl(ep, EPOLL_CTL_ADD, reg, &ev), EPERM);
    CHECK_ERR(epoll_ctl(ep, EPOLL_CTL_ADD, null, &ev), EPERM);
    CHECK_ERR(epoll_ctl(ep, EPOLL_CTL_DEL, reg, NULL), EPERM);
    CHECK_ERR(syscall(SYS_epoll_ctl, ep, EPOLL_CTL_ADD, p[1], BAD_PTR), EFAULT);
    CHECK_ERR(syscall(SYS_epoll_ctl, closed_fd(), EPOLL_CTL_MOD, p[1], BAD_PTR), EFAULT);
    /* DEL reads no event. */
    CHECK_OK(syscall(SYS_epoll_ctl, ep, EPOLL_CTL_DEL, p[0], BAD_PTR));
    CHECK_ERR(epoll_ctl(ep, EPOLL_CTL_DEL, p[0], NULL), ENOENT);
    return 0;
}
