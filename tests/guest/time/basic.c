/* time(2) returns the seconds of CLOCK_REALTIME, stores them too when given a pointer,
 * and answers an unwritable pointer with EFAULT. */
#include "guest.h"
#include <time.h>

int main(void)
{
    struct timespec before, after;
    time_t stored = 0;

    CHECK_OK(clock_gettime(CLOCK_REALTIME, &before));
    long t = syscall(SYS_time, NULL);
    long u = syscall(SYS_time, &stored);
    CHECK_OK(clock_gettime(CLOCK_REALTIME, &after));
    CHECK(t >= before.tv_sec && t <= after.tv_sec);
    CHECK(u >= t && u <= after.tv_sec);
    CHECK(stored == u);
    CHECK_ERR(syscall(SYS_time, BAD_PTR), EFAULT);
    return 0;
}
