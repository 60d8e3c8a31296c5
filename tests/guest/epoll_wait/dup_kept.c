/* An item belongs to the open file, not the number: closing the
 * registered descriptor while a dup of it stays open keeps it reporting,
 * with its old data; the dup cannot name it (ENOENT) but can be added as
 * an item of its own. */
#include "guest.h"
#include <sys/epoll.h>

int main(void)
{
    struct epoll_event ev = { .events = EPOLLIN, .data.u32 = 41 }, out[4];
    int ep, p[2], d;

    CHECK_OK(pipe(p));
    ep = CHECK_OK(epoll_create1(0));
    CHECK_OK(epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev));
    d = CHECK_OK(dup(p[0]));
    CHECK_OK(close(p[0]));
    CHECK(CHECK_OK(write(p[1], "a", 1)) == 1);
    CHECK(CHECK_OK(epoll_wait(ep, out, 4, 0)) == 1);
    CHECK(out[0].data.u32 == 41);
    CHECK_ERR(epoll_ctl(ep, EPOLL_CTL_DEL, d, &ev), ENOENT);
    ev.data.u32 = 42;
    CHECK_OK(epoll_ctl(ep, EPOLL_CTL_ADD, d, &ev));
    CHECK(CHECK_OK(epoll_wait(ep, out, 4, 0)) == 2);
    CHECK((out[0].data.u32 == 41 && out[1].data.u32 == 42) ||
          (out[0].data.u32 == 42 && out[1].data.u32 == 41));
    CHECK_OK(close(d));
    CHECK(CHECK_OK(epoll_wait(ep, out, 4, 0)) == 0);
    return 0;
}
