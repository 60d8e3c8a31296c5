/* sched_getaffinity: a length that is not a multiple of 8 EINVAL; an unmapped mask
 * EFAULT; a pid that does not exist ESRCH. */
#include "guest.h"

int main(void)
{
    unsigned long mask[16];
    CHECK_ERR(syscall(SYS_sched_getaffinity, 0, 3, mask), EINVAL);
    CHECK_ERR(syscall(SYS_sched_getaffinity, 0, sizeof mask, BAD_PTR), EFAULT);
    CHECK_ERR(syscall(SYS_sched_getaffinity, 0x3fffffff, sizeof mask, mask), ESRCH);
    return 0;
}
