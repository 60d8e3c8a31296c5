/* CPU time is counted: a process that computes sees its user
 * time in getrusage(RUSAGE_SELF/THREAD) and times(2); its parent sees the
 * child's in wait4's rusage, RUSAGE_CHILDREN and tms_cutime; a sleep
 * costs no CPU time. */
#include "guest.h"
#include <sys/resource.h>
#include <sys/times.h>
#include <sys/wait.h>
#include <time.h>

static long long ms(struct timeval tv) { return tv.tv_sec * 1000LL + tv.tv_usec / 1000; }

static long long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

/*
 * Computes until getrusage says this process has used for_ms of user
 * time, or 10 s have passed: a fixed amount of CPU, whatever the load.
 */
static void spin(long long for_ms)
{
    struct rusage ru;
    long long start, deadline = now_ms() + 10000;
    volatile unsigned long x = 0;

    getrusage(RUSAGE_SELF, &ru);
    start = ms(ru.ru_utime);
    do {
        for (int i = 0; i < 1000000; i++)
            x += i;
        getrusage(RUSAGE_SELF, &ru);
    } while (ms(ru.ru_utime) - start < for_ms && now_ms() < deadline);
}

int main(void)
{
    struct rusage ru, before;
    struct timespec nap = { 0, 200 * 1000 * 1000 };
    struct tms tms;
    pid_t c;
    int st;

    CHECK_OK(getrusage(RUSAGE_SELF, &before));
    nanosleep(&nap, NULL);
    CHECK_OK(getrusage(RUSAGE_SELF, &ru));
    CHECK(ms(ru.ru_utime) - ms(before.ru_utime) < 100);

    spin(200);
    CHECK_OK(getrusage(RUSAGE_SELF, &ru));
    CHECK(ms(ru.ru_utime) - ms(before.ru_utime) >= 200);
    CHECK_OK(getrusage(RUSAGE_THREAD, &ru));
    CHECK(ms(ru.ru_utime) >= 200);
    CHECK(times(&tms) != (clock_t)-1);
    CHECK(tms.tms_utime >= 20);

    CHECK_OK(getrusage(RUSAGE_CHILDREN, &ru));
    CHECK(ms(ru.ru_utime) == 0);
    c = fork();
    if (c == 0) {
        spin(200);
        _exit(0);
    }
    CHECK(wait4(c, &st, 0, &ru) == c);
    CHECK(ms(ru.ru_utime) >= 200);
    CHECK_OK(getrusage(RUSAGE_CHILDREN, &ru));
    CHECK(ms(ru.ru_utime) >= 200);
    CHECK(times(&tms) != (clock_t)-1);
    CHECK(tms.tms_cutime >= 20);
    return 0;
}
