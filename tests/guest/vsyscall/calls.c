/* The legacy vsyscall page at 0xffffffffff600000 still answers gettimeofday (+0),
 * time (+0x400) and getcpu (+0x800), as old static binaries call them.  time()
 * reads Linux's coarse clock, which lags CLOCK_REALTIME by up to a tick: it is
 * checked against CLOCK_REALTIME_COARSE (a second boundary fell between the
 * two clocks once, and a precise "before" was a second ahead). */
#include "guest.h"
#include <sys/time.h>
#include <time.h>

#define VSYSCALL 0xffffffffff600000UL

int main(void)
{
    int (*vgettimeofday)(struct timeval *, void *) = (void *)(VSYSCALL + 0x000);
    long (*vtime)(long *) = (void *)(VSYSCALL + 0x400);
    long (*vgetcpu)(unsigned *, unsigned *, void *) = (void *)(VSYSCALL + 0x800);
    struct timespec before, before_coarse, after;
    struct timeval tv;
    long t, stored = 0;
    unsigned cpu = ~0u, node = ~0u;

    CHECK_OK(clock_gettime(CLOCK_REALTIME_COARSE, &before_coarse));
    CHECK_OK(clock_gettime(CLOCK_REALTIME, &before));
    CHECK(vgettimeofday(&tv, NULL) == 0);
    t = vtime(&stored);
    CHECK_OK(clock_gettime(CLOCK_REALTIME, &after));
    CHECK(tv.tv_sec >= before.tv_sec && tv.tv_sec <= after.tv_sec);
    CHECK(tv.tv_usec >= 0 && tv.tv_usec < 1000000);
    CHECK(t >= before_coarse.tv_sec && t <= after.tv_sec && stored == t);
    CHECK(vgetcpu(&cpu, &node, NULL) == 0);
    CHECK(cpu < 4096 && node == 0);
    return 0;
}
