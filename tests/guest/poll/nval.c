/* A descriptor that is not open answers POLLNVAL (and counts); a negative
 * one is skipped, its revents zeroed, whatever it asked for. */
#include "guest.h"
#include <poll.h>

int main(void)
{
    struct pollfd fds[3];
    int p[2];

    CHECK_OK(pipe(p));
    fds[0] = (struct pollfd){ .fd = closed_fd(), .events = POLLIN, .revents = 7 };
    fds[1] = (struct pollfd){ .fd = -1, .events = POLLIN, .revents = 7 };
    fds[2] = (struct pollfd){ .fd = p[1], .events = POLLOUT };
    CHECK(CHECK_OK(poll(fds, 3, 0)) == 2);
    CHECK(fds[0].revents == POLLNVAL);
    CHECK(fds[1].revents == 0);
    CHECK(fds[2].revents == POLLOUT);
    fds[0].events = 0;
    CHECK(CHECK_OK(poll(fds, 2, -1)) == 1);
    CHECK(fds[0].revents == POLLNVAL);
    return 0;
}
