/* Nesting is checked when an epoll is added to another: a cycle is ELOOP,
 * and so is a chain of epolls deeper than Linux allows (EP_MAX_NESTS, 4;
 * Linux 6.16 on counts the levels above as well, older kernels only the
 * ones below, and refuse two levels later). */
#include "guest.h"
#include <sys/epoll.h>

#define N 9

int main(void)
{
    struct epoll_event ev = { .events = EPOLLIN };
    int a, b, c, e[N], k;

    a = CHECK_OK(epoll_create1(0));
    b = CHECK_OK(epoll_create1(0));
    c = CHECK_OK(epoll_create1(0));
    CHECK_OK(epoll_ctl(a, EPOLL_CTL_ADD, b, &ev));
    CHECK_OK(epoll_ctl(b, EPOLL_CTL_ADD, c, &ev));
    CHECK_ERR(epoll_ctl(b, EPOLL_CTL_ADD, a, &ev), ELOOP);
    CHECK_ERR(epoll_ctl(c, EPOLL_CTL_ADD, a, &ev), ELOOP);
    CHECK_ERR(epoll_ctl(c, EPOLL_CTL_ADD, b, &ev), ELOOP);
    /* e[k] goes into e[k+1]: a chain growing upwards. */
    for (k = 0; k < N; k++)
        e[k] = CHECK_OK(epoll_create1(0));
    for (k = 0; k + 1 < N; k++)
        if (epoll_ctl(e[k + 1], EPOLL_CTL_ADD, e[k], &ev) < 0)
            break;
    CHECK(k + 1 < N && errno == ELOOP);
    CHECK(k == 4 || k == 6);
    return 0;
}
