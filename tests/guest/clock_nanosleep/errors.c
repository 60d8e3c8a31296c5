/* clock_nanosleep: unknown clock EINVAL, nanoseconds out of range EINVAL, unmapped
 * request EFAULT.  (The raw syscall reports through errno; libc's wrapper returns the
 * error number instead.) */
#include "guest.h"
#include <time.h>

int main(void)
{
    struct timespec ok = {0, 1000}, big = {0, 1000000000L};
    CHECK_ERR(syscall(SYS_clock_nanosleep, 12345, 0, &ok, NULL), EINVAL);
    CHECK_ERR(syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, &big, NULL), EINVAL);
    CHECK_ERR(syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, BAD_PTR, NULL), EFAULT);
    CHECK(clock_nanosleep(CLOCK_MONOTONIC, 0, &big, NULL) == EINVAL);
    return 0;
}
