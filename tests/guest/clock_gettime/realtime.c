/* CLOCK_REALTIME is wall-clock time: after 2020-01-01 and before 2200. */
#include "guest.h"
#include <time.h>

int main(void)
{
    struct timespec ts;
    CHECK_OK(syscall(SYS_clock_gettime, CLOCK_REALTIME, &ts));
    CHECK(ts.tv_sec > 1577836800L);
    CHECK(ts.tv_sec < 7258118400L);
    CHECK(ts.tv_nsec >= 0 && ts.tv_nsec < 1000000000L);
    CHECK_OK(clock_gettime(CLOCK_REALTIME, &ts));
    return 0;
}
