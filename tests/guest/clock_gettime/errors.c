/* clock_gettime of an unknown clock fails with EINVAL, into unmapped memory EFAULT. */
#include "guest.h"
#include <time.h>

int main(void)
{
    struct timespec ts;
    CHECK_ERR(syscall(SYS_clock_gettime, 12345, &ts), EINVAL);
    CHECK_ERR(syscall(SYS_clock_gettime, CLOCK_MONOTONIC, BAD_PTR), EFAULT);
    CHECK_ERR(syscall(SYS_clock_gettime, CLOCK_REALTIME, BAD_PTR), EFAULT);
    return 0;
}
