/* CLOCK_MONOTONIC never goes back and its nanoseconds are normalised. */
#include "guest.h"
#include <time.h>

int main(void)
{
    struct timespec prev, now;
    CHECK_OK(syscall(SYS_clock_gettime, CLOCK_MONOTONIC, &prev));
    for (int i = 0; i < 1000; i++) {
        CHECK_OK(syscall(SYS_clock_gettime, CLOCK_MONOTONIC, &now));
        CHECK(now.tv_nsec >= 0 && now.tv_nsec < 1000000000L);
        if (now.tv_sec < prev.tv_sec || (now.tv_sec == prev.tv_sec && now.tv_nsec < prev.tv_nsec))
            FAIL("went back: %lld.%09ld then %lld.%09ld", (long long)prev.tv_sec, prev.tv_nsec,
                 (long long)now.tv_sec, now.tv_nsec);
        prev = now;
    }
    CHECK_OK(clock_gettime(CLOCK_MONOTONIC, &now));
    return 0;
}
