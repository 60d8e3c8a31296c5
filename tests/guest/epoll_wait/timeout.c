/* epoll_wait(2) with nothing ready returns 0 after its timeout, at once
 * for 0, and is woken by an event from another process. */
#include "guest.h"
#include <sys/epoll.h>
#include <time.h>

static long elapsed_ms(const struct timespec *a)
{
    struct timespec b;

    clock_gettime(CLOCK_MONOTONIC, &b);
    return (b.tv_sec - a->tv_sec) * 1000 + (b.tv_nsec - a->tv_nsec) / 1000000;
}

int main(void)
{
    struct timespec ts = { 0, 30 * 1000 * 1000 }, t0;
    struct epoll_event ev = { .events = EPOLLIN }, out[1];
    int ep, p[2], st;
    pid_t c;

    CHECK_OK(pipe(p));
    ep = CHECK_OK(epoll_create(1));
    CHECK_OK(epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev));
    clock_gettime(CLOCK_MONOTONIC, &t0);
    CHECK(CHECK_OK(epoll_wait(ep, out, 1, 50)) == 0);
    CHECK(elapsed_ms(&t0) >= 49);
    c = CHECK_OK(fork());
    if (c == 0) {
        nanosleep(&ts, NULL);
        _exit(write(p[1], "x", 1) == 1 ? 0 : 1);
    }
    CHECK(CHECK_OK(epoll_wait(ep, out, 1, -1)) == 1);
    CHECK(out[0].events == EPOLLIN);
    CHECK(waitpid(c, &st, 0) == c && st == 0);
    return 0;
}
