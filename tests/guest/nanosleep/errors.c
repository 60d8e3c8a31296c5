/* nanosleep with nanoseconds out of [0, 1e9) or negative seconds fails with EINVAL;
 * an unmapped request fails with EFAULT. */
#include "guest.h"
#include <time.h>

int main(void)
{
    struct timespec big = {0, 1000000000L}, neg = {0, -1}, negsec = {-1, 0};
    CHECK_ERR(syscall(SYS_nanosleep, &big, NULL), EINVAL);
    CHECK_ERR(syscall(SYS_nanosleep, &neg, NULL), EINVAL);
    CHECK_ERR(syscall(SYS_nanosleep, &negsec, NULL), EINVAL);
    CHECK_ERR(syscall(SYS_nanosleep, BAD_PTR, NULL), EFAULT);
    return 0;
}
