/* An epoll can watch another: the inner one is readable (EPOLLIN) while
 * it has ready items, so the outer one reports it, and learns when the
 * inner one gets an event while the outer one waits. */
#include "guest.h"
#include <poll.h>
#include <sys/epoll.h>
#include <time.h>

int main(void)
{
    struct timespec ts = { 0, 30 * 1000 * 1000 };
    struct epoll_event ev = { .events = EPOLLIN }, out[2];
    int inner, outer, p[2], st;
    struct pollfd pfd;
    pid_t c;
    char ch;

    CHECK_OK(pipe(p));
    inner = CHECK_OK(epoll_create1(0));
    outer = CHECK_OK(epoll_create1(0));
    CHECK_OK(epoll_ctl(inner, EPOLL_CTL_ADD, p[0], &ev));
    ev.data.fd = inner;
    CHECK_OK(epoll_ctl(outer, EPOLL_CTL_ADD, inner, &ev));
    CHECK(CHECK_OK(epoll_wait(outer, out, 2, 0)) == 0);
    pfd = (struct pollfd){ .fd = inner, .events = POLLIN };
    CHECK(CHECK_OK(poll(&pfd, 1, 0)) == 0);

    c = CHECK_OK(fork());
    if (c == 0) {
        nanosleep(&ts, NULL);
        _exit(write(p[1], "x", 1) == 1 ? 0 : 1);
    }
    CHECK(CHECK_OK(epoll_wait(outer, out, 2, -1)) == 1);
    CHECK(out[0].data.fd == inner && out[0].events == EPOLLIN);
    CHECK(CHECK_OK(poll(&pfd, 1, 0)) == 1);
    CHECK(pfd.revents == POLLIN);
    CHECK(CHECK_OK(epoll_wait(inner, out, 2, 0)) == 1);
    CHECK(CHECK_OK(read(p[0], &ch, 1)) == 1);
    CHECK(CHECK_OK(epoll_wait(outer, out, 2, 0)) == 0);
    CHECK(waitpid(c, &st, 0) == c && st == 0);
    return 0;
}
