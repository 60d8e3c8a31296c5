/* Readiness of AF_UNIX sockets as Linux reports it: a fresh unconnected stream is
 * POLLOUT|POLLHUP, a listener is readable with a client queued, a connected pair is
 * writable and readable once data waits, and a closed peer gives POLLIN|POLLRDHUP|POLLHUP. */
#include "guest.h"
#include <stddef.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/un.h>

static short rev(int fd, short ev)
{
    struct pollfd p = { fd, ev, 0 };
    CHECK(poll(&p, 1, 0) >= 0);
    return p.revents;
}

int main(void)
{
    int sv[2];
    short all = POLLIN | POLLOUT | POLLRDHUP | POLLPRI;

    int s = CHECK_OK(socket(AF_UNIX, SOCK_STREAM, 0));
    CHECK(rev(s, all) == (POLLOUT | POLLHUP));
    struct sockaddr_un sa = { .sun_family = AF_UNIX };
    /* Natively the host's namespace: unique per process. */
    socklen_t alen = offsetof(struct sockaddr_un, sun_path) + 1 +
        snprintf(sa.sun_path + 1, sizeof sa.sun_path - 1, "trellis-poll-%d", getpid());
    CHECK_OK(bind(s, (struct sockaddr *)&sa, alen));
    CHECK_OK(listen(s, 1));
    CHECK(rev(s, all) == 0);
    int c = CHECK_OK(socket(AF_UNIX, SOCK_STREAM, 0));
    CHECK_OK(connect(c, (struct sockaddr *)&sa, alen));
    CHECK(rev(s, all) == POLLIN);
    CHECK(rev(c, all) == POLLOUT);

    CHECK_OK(socketpair(AF_UNIX, SOCK_STREAM, 0, sv));
    CHECK(rev(sv[0], all) == POLLOUT);
    CHECK(write(sv[1], "x", 1) == 1);
    CHECK(rev(sv[0], all) == (POLLIN | POLLOUT));

    /* epoll sees the same, and wakes a waiter when data arrives. */
    int ep = CHECK_OK(epoll_create1(0));
    struct epoll_event ev = { .events = EPOLLIN | EPOLLRDHUP, .data.fd = sv[1] }, out;
    CHECK_OK(epoll_ctl(ep, EPOLL_CTL_ADD, sv[1], &ev));
    CHECK(epoll_wait(ep, &out, 1, 0) == 0);
    pid_t pid = CHECK_OK(fork());
    if (pid == 0) {
        usleep(20000);
        _exit(write(sv[0], "y", 1) == 1 ? 0 : 1);
    }
    CHECK(epoll_wait(ep, &out, 1, 5000) == 1 && out.events == EPOLLIN);
    int st;
    CHECK_OK(waitpid(pid, &st, 0));
    char b;
    CHECK(read(sv[1], &b, 1) == 1);

    /* sv[0] closes with the "x" unread: a reset, so POLLERR too. */
    close(sv[0]);
    short r = rev(sv[1], all);
    if (r != (POLLIN | POLLOUT | POLLRDHUP | POLLHUP | POLLERR))
        FAIL("revents %#x after the peer closed", r);
    CHECK(epoll_wait(ep, &out, 1, 0) == 1 &&
          out.events == (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR));
    CHECK_ERR(read(sv[1], &b, 1), ECONNRESET);
    r = rev(sv[1], all);
    if (r != (POLLIN | POLLOUT | POLLRDHUP | POLLHUP))
        FAIL("revents %#x after the reset was read", r);

    /* A shut-down write side of our own: still writable-looking, peer reads EOF. */
    CHECK_OK(socketpair(AF_UNIX, SOCK_STREAM, 0, sv));
    CHECK_OK(shutdown(sv[0], SHUT_RD));
    CHECK(rev(sv[0], all) == (POLLIN | POLLOUT | POLLRDHUP));
    return 0;
}
