/* A poll(2) with no timeout sleeps until another process writes to the
 * pipe, then reports the read end readable. */
#include "guest.h"
#include <poll.h>
#include <time.h>

int main(void)
{
    struct timespec ts = { 0, 30 * 1000 * 1000 };
    struct pollfd pfd;
    int p[2], st;
    pid_t c;

    CHECK_OK(pipe(p));
    c = CHECK_OK(fork());
    if (c == 0) {
        nanosleep(&ts, NULL);
        _exit(write(p[1], "x", 1) == 1 ? 0 : 1);
    }
    pfd = (struct pollfd){ .fd = p[0], .events = POLLIN };
    CHECK(CHECK_OK(poll(&pfd, 1, -1)) == 1);
    CHECK(pfd.revents == POLLIN);
    CHECK(waitpid(c, &st, 0) == c && st == 0);
    return 0;
}
