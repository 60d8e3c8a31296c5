/* The libc's clock_gettime, gettimeofday and time (which use the vDSO where there is one)
 * agree with the system calls: CLOCK_MONOTONIC never goes back between the two, the
 * real-time answers are within a second, and every answer is normalized (nanoseconds
 * below 10^9, microseconds below 10^6).  With the argument "libc-only" it calls the libc
 * alone, many times, for tests/sim/cli.sh to check under --strace that none of it traps. */
#include "guest.h"
#include <sys/time.h>
#include <time.h>

static long long ns_of(const struct timespec *ts)
{
    return ts->tv_sec * 1000000000LL + ts->tv_nsec;
}

int main(int argc, char **argv)
{
    struct timespec a, b, c;
    struct timeval tv;

    if (argc > 1 && strcmp(argv[1], "libc-only") == 0) {
        long long prev = 0;
        for (int i = 0; i < 1000; i++) {
            CHECK(clock_gettime(CLOCK_MONOTONIC, &a) == 0);
            CHECK(ns_of(&a) >= prev);
            prev = ns_of(&a);
            CHECK(clock_gettime(CLOCK_REALTIME, &b) == 0);
            CHECK(gettimeofday(&tv, NULL) == 0);
            CHECK(time(NULL) > 0);
        }
        return 0;
    }
    for (int i = 0; i < 1000; i++) {
        CHECK(clock_gettime(CLOCK_MONOTONIC, &a) == 0);
        CHECK(syscall(SYS_clock_gettime, CLOCK_MONOTONIC, &b) == 0);
        CHECK(clock_gettime(CLOCK_MONOTONIC, &c) == 0);
        if (ns_of(&a) > ns_of(&b) || ns_of(&b) > ns_of(&c))
            FAIL("monotonic went back: %lld %lld %lld", ns_of(&a), ns_of(&b), ns_of(&c));
        CHECK(a.tv_nsec >= 0 && a.tv_nsec < 1000000000L);
        CHECK(clock_gettime(CLOCK_REALTIME, &a) == 0);
        CHECK(a.tv_nsec >= 0 && a.tv_nsec < 1000000000L);
        CHECK(gettimeofday(&tv, NULL) == 0);
        CHECK(tv.tv_usec >= 0 && tv.tv_usec < 1000000);
    }
    CHECK(clock_gettime(CLOCK_REALTIME, &a) == 0);
    CHECK(syscall(SYS_clock_gettime, CLOCK_REALTIME, &b) == 0);
    CHECK(llabs(ns_of(&a) - ns_of(&b)) < 1000000000LL);
    CHECK(gettimeofday(&tv, NULL) == 0);
    CHECK(llabs((long long)tv.tv_sec - b.tv_sec) <= 1);
    CHECK(llabs((long long)time(NULL) - b.tv_sec) <= 1);
    return 0;
}
