/* gettimeofday agrees with CLOCK_REALTIME to within a few seconds, and its
 * microseconds are normalised. */
#include "guest.h"
#include <sys/time.h>
#include <time.h>

int main(void)
{
    struct timeval tv;
    struct timespec ts;
    CHECK_OK(syscall(SYS_gettimeofday, &tv, NULL));
    CHECK_OK(syscall(SYS_clock_gettime, CLOCK_REALTIME, &ts));
    CHECK(tv.tv_usec >= 0 && tv.tv_usec < 1000000);
    CHECK(ts.tv_sec >= tv.tv_sec && ts.tv_sec - tv.tv_sec < 5);
    CHECK_OK(gettimeofday(&tv, NULL));
    return 0;
}
