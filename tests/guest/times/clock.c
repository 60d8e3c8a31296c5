/* times returns clock ticks that do not go back (with or without a buffer), fills the
 * buffer with non-negative times, and faults with EFAULT on a bad one. */
#include "guest.h"
#include <sys/times.h>
#include <time.h>

int main(void)
{
    struct tms t;
    memset(&t, 0xa5, sizeof t);
    long a = syscall(SYS_times, &t);
    CHECK(a != -1);
    CHECK(t.tms_utime >= 0 && t.tms_stime >= 0 && t.tms_cutime >= 0 && t.tms_cstime >= 0);
    struct timespec ts = { 0, 30 * 1000 * 1000 };
    nanosleep(&ts, NULL);
    long b = syscall(SYS_times, NULL);
    CHECK(b != -1);
    CHECK(b - a >= 2 && b - a < 1000);   /* 30 ms at 100 Hz, loosely */
    CHECK_ERR(syscall(SYS_times, BAD_PTR), EFAULT);
    return 0;
}
