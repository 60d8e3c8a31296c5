/* poll(2) on the two ends of an open pipe: the write end is writable at
 * once; the read end is readable only once bytes are buffered, and again
 * not once they are read. */
#include "guest.h"
#include <poll.h>

int main(void)
{
    struct pollfd fds[2];
    int p[2];
    char c;

    CHECK_OK(pipe(p));
    fds[0] = (struct pollfd){ .fd = p[0], .events = POLLIN | POLLOUT };
    fds[1] = (struct pollfd){ .fd = p[1], .events = POLLIN | POLLOUT };
    CHECK(CHECK_OK(poll(fds, 2, 0)) == 1);
    CHECK(fds[0].revents == 0);
    CHECK(fds[1].revents == POLLOUT);
    CHECK(CHECK_OK(write(p[1], "x", 1)) == 1);
    fds[0].events = POLLIN | POLLRDNORM;
    fds[1].events = POLLOUT | POLLWRNORM;
    CHECK(CHECK_OK(poll(fds, 2, 0)) == 2);
    CHECK(fds[0].revents == (POLLIN | POLLRDNORM));
    CHECK(fds[1].revents == (POLLOUT | POLLWRNORM));
    CHECK(CHECK_OK(read(p[0], &c, 1)) == 1);
    CHECK(CHECK_OK(poll(fds, 1, 0)) == 0);
    CHECK(fds[0].revents == 0);
    return 0;
}
