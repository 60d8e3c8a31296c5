/* CPU time is counted: a process that computes for a while sees user
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

static void spin(long long for_ms)
{
    long long end = now_ms() + for_ms;
    volatile unsigned long x = 0;

    while (now_ms() < end)
        for (int i = 0; i < 100000; i++)
            x += i;
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

    spin(300);
    CHECK_OK(getrusage(RUSAGE_SELF, &ru));
    CHECK(ms(ru.ru_utime) - ms(before.ru_utime) >= 50);
    CHECK_OK(getrusage(RUSAGE_THREAD, &ru));
    CHECK(ms(ru.ru_utime) >= 50);
    CHECK(times(&tms) != (clock_t)-1);
    CHECK(tms.tms_utime >= 5);

    CHECK_OK(getrusage(RUSAGE_CHILDREN, &ru));
    CHECK(ms(ru.ru_utime) == 0);
    c = fork();
    if (c == 0) {
        spin(300);
        _exit(0);
    }
    CHECK(wait4(c, &st, 0, &ru) == c);
    CHECK(ms(ru.ru_utime) >= 50);
    CHECK_OK(getrusage(RUSAGE_CHILDREN, &ru));
    CHECK(ms(ru.ru_utime) >= 50);
    CHECK(times(&tms) != (clock_t)-1);
    CHECK(tms.tms_cutime >= 5);
    return 0;
}
