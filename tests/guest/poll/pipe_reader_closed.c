/* Once its read end is closed, a pipe's write end reports POLLERR (even
 * when not asked for) beside POLLOUT; a full pipe with its reader gone
 * reports POLLERR alone. */
#include "guest.h"
#include <poll.h>
#include <signal.h>

int main(void)
{
    struct pollfd pfd;
    char buf[4096] = { 0 };
    int p[2];

    CHECK_OK(pipe2(p, O_NONBLOCK));
    pfd = (struct pollfd){ .fd = p[1], .events = POLLOUT };
    CHECK(CHECK_OK(poll(&pfd, 1, 0)) == 1);
    CHECK(pfd.revents == POLLOUT);
    while (write(p[1], buf, sizeof buf) > 0)
        ;
    CHECK(errno == EAGAIN);
    CHECK(CHECK_OK(poll(&pfd, 1, 0)) == 0);
    CHECK_OK(close(p[0]));
    pfd.events = 0;
    CHECK(CHECK_OK(poll(&pfd, 1, 0)) == 1);
    CHECK(pfd.revents == POLLERR);

    CHECK_OK(pipe(p));
    CHECK_OK(close(p[0]));
    pfd = (struct pollfd){ .fd = p[1], .events = POLLOUT };
    CHECK(CHECK_OK(poll(&pfd, 1, -1)) == 1);
    CHECK(pfd.revents == (POLLOUT | POLLERR));
    return 0;
}
