/* With TIMER_ABSTIME clock_nanosleep returns no earlier than the deadline; a deadline
 * in the past returns at once. */
#include "guest.h"
#include <time.h>

int main(void)
{
    struct timespec now, deadline;
    CHECK_OK(clock_gettime(CLOCK_MONOTONIC, &deadline));
    deadline.tv_nsec += 15000000L;
    if (deadline.tv_nsec >= 1000000000L) {
        deadline.tv_sec++;
        deadline.tv_nsec -= 1000000000L;
    }
    CHECK_OK(syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, TIMER_ABSTIME, &deadline, NULL));
    CHECK_OK(clock_gettime(CLOCK_MONOTONIC, &now));
    CHECK(now.tv_sec > deadline.tv_sec ||
          (now.tv_sec == deadline.tv_sec && now.tv_nsec >= deadline.tv_nsec));
    struct timespec past = {0, 1};
    CHECK_OK(syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, TIMER_ABSTIME, &past, NULL));
    CHECK_OK(syscall(SYS_clock_nanosleep, CLOCK_REALTIME, TIMER_ABSTIME, &past, NULL));
    return 0;
}
