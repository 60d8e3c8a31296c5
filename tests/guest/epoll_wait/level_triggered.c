/* Level-triggered epoll (the default) reports a readable pipe on every
 * epoll_wait(2) until it is drained, with the item's data; nothing is
 * reported for a pipe with nothing to read. */
#include "guest.h"
#include <sys/epoll.h>

int main(void)
{
    struct epoll_event ev = { .events = EPOLLIN, .data.u64 = 0x1122334455667788ULL }, out[4];
    int ep, p[2];
    char c;

    CHECK_OK(pipe(p));
    ep = CHECK_OK(epoll_create1(0));
    CHECK_OK(epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev));
    CHECK(CHECK_OK(epoll_wait(ep, out, 4, 0)) == 0);
    CHECK(CHECK_OK(write(p[1], "ab", 2)) == 2);
    for (int i = 0; i < 3; i++) {
        CHECK(CHECK_OK(epoll_wait(ep, out, 4, 0)) == 1);
        CHECK(out[0].events == EPOLLIN);
        CHECK(out[0].data.u64 == 0x1122334455667788ULL);
    }
    CHECK(CHECK_OK(read(p[0], &c, 1)) == 1);
    CHECK(CHECK_OK(epoll_wait(ep, out, 4, -1)) == 1);
    CHECK(CHECK_OK(read(p[0], &c, 1)) == 1);
    CHECK(CHECK_OK(epoll_wait(ep, out, 4, 0)) == 0);
    return 0;
}
