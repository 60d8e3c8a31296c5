/* With nothing ready, poll(2) returns 0 after its timeout (not before),
 * and at once for a timeout of 0; an empty set just sleeps. */
#include "guest.h"
#include <poll.h>
#include <time.h>

static long elapsed_ms(const struct timespec *a)
{
    struct timespec b;

    clock_gettime(CLOCK_MONOTONIC, &b);
    return (b.tv_sec - a->tv_sec) * 1000 + (b.tv_nsec - a->tv_nsec) / 1000000;
}

int main(void)
{
    struct pollfd pfd;
    struct timespec t0;
    int p[2];
    long ms;

    CHECK_OK(pipe(p));
    pfd = (struct pollfd){ .fd = p[0], .events = POLLIN };
    clock_gettime(CLOCK_MONOTONIC, &t0);
    CHECK(CHECK_OK(poll(&pfd, 1, 0)) == 0);
    CHECK(elapsed_ms(&t0) < 500);
    clock_gettime(CLOCK_MONOTONIC, &t0);
    CHECK(CHECK_OK(poll(&pfd, 1, 60)) == 0);
    ms = elapsed_ms(&t0);
    CHECK(ms >= 59 && ms < 2000);
    CHECK(pfd.revents == 0);
    clock_gettime(CLOCK_MONOTONIC, &t0);
    CHECK(CHECK_OK(poll(NULL, 0, 30)) == 0);
    CHECK(elapsed_ms(&t0) >= 29);
    return 0;
}
