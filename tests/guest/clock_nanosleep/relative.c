/* clock_nanosleep(CLOCK_MONOTONIC, 0) of 20 ms lets at least 20 ms pass. */
#include "guest.h"
#include <time.h>

int main(void)
{
    struct timespec t0, t1, req = {0, 20000000L};
    CHECK_OK(clock_gettime(CLOCK_MONOTONIC, &t0));
    CHECK_OK(syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, &req, NULL));
    CHECK_OK(clock_gettime(CLOCK_MONOTONIC, &t1));
    long long d = (t1.tv_sec - t0.tv_sec) * 1000000000LL + (t1.tv_nsec - t0.tv_nsec);
    if (d < 20000000LL)
        FAIL("slept only %lld ns", d);
    return 0;
}
