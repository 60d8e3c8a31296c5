/* Once its write end is closed, a pipe's read end reports POLLHUP, with
 * POLLIN while bytes remain, and POLLHUP alone once they are read; POLLHUP
 * is reported even when not asked for. */
#include "guest.h"
#include <poll.h>

int main(void)
{
    struct pollfd pfd;
    int p[2];
    char buf[4];

    CHECK_OK(pipe(p));
    CHECK(CHECK_OK(write(p[1], "ab", 2)) == 2);
    CHECK_OK(close(p[1]));
    pfd = (struct pollfd){ .fd = p[0], .events = POLLIN };
    CHECK(CHECK_OK(poll(&pfd, 1, 0)) == 1);
    CHECK(pfd.revents == (POLLIN | POLLHUP));
    CHECK(CHECK_OK(read(p[0], buf, sizeof buf)) == 2);
    pfd.events = 0;
    CHECK(CHECK_OK(poll(&pfd, 1, 0)) == 1);
    CHECK(pfd.revents == POLLHUP);
    pfd.events = POLLIN;
    CHECK(CHECK_OK(poll(&pfd, 1, -1)) == 1);
    CHECK(pfd.revents == POLLHUP);
    return 0;
}
