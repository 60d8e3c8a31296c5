/* O_NONBLOCK and readiness: an empty slave or master reads EAGAIN; the
 * slave is readable (poll, epoll) only once a whole line is typed in
 * canonical mode; the master is writable, and readable once the slave
 * wrote. */
#include "guest.h"
#include <sys/epoll.h>

int main(void)
{
    int m, s;
    char b[16];
    open_pty(&m, &s);
    CHECK_OK(fcntl(s, F_SETFL, O_NONBLOCK));
    CHECK_OK(fcntl(m, F_SETFL, O_NONBLOCK));
    CHECK_ERR(read(s, b, sizeof b), EAGAIN);
    CHECK_ERR(read(m, b, sizeof b), EAGAIN);
    struct pollfd p[2] = { { .fd = s, .events = POLLIN | POLLOUT },
                           { .fd = m, .events = POLLIN | POLLOUT } };
    CHECK(poll(p, 2, 0) == 2);
    CHECK(p[0].revents == POLLOUT && p[1].revents == POLLOUT);
    int ep = CHECK_OK(epoll_create1(0));
    struct epoll_event ev = { .events = EPOLLIN, .data.fd = s }, out;
    CHECK_OK(epoll_ctl(ep, EPOLL_CTL_ADD, s, &ev));
    CHECK(write(m, "ab", 2) == 2);
    CHECK(poll(p, 1, 200) == 1 && !(p[0].revents & POLLIN));
    CHECK(epoll_wait(ep, &out, 1, 100) == 0);
    CHECK_ERR(read(s, b, sizeof b), EAGAIN);
    CHECK(write(m, "\n", 1) == 1);
    CHECK(epoll_wait(ep, &out, 1, 1000) == 1 && out.data.fd == s);
    CHECK(read(s, b, sizeof b) == 3);
    p[1].events = POLLIN;
    EXPECT_READ(m, "ab\r\n");                           /* the echo */
    CHECK(poll(&p[1], 1, 100) == 0);
    CHECK(write(s, "z", 1) == 1);
    CHECK(poll(&p[1], 1, 1000) == 1 && (p[1].revents & POLLIN));
    return 0;
}
