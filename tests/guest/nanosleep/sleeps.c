/* nanosleep of 20 ms lets at least 20 ms of CLOCK_MONOTONIC pass. */
#include "guest.h"
#include <time.h>

static long long now_ns(void)
{
    struct timespec ts;
    CHECK_OK(clock_gettime(CLOCK_MONOTONIC, &ts));
    return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

int main(void)
{
    long long t0 = now_ns();
    struct timespec req = {0, 20000000L};
    CHECK_OK(syscall(SYS_nanosleep, &req, NULL));
    long long t1 = now_ns();
    if (t1 - t0 < 20000000LL)
        FAIL("slept only %lld ns", t1 - t0);
    return 0;
}
