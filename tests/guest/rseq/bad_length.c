/* rseq with a nonsensical length fails: EINVAL where rseq exists, ENOSYS where not. */
#include "guest.h"

int main(void)
{
    static char area[64] __attribute__((aligned(32)));
    errno = 0;
    long r = syscall(SYS_rseq, area, 7, 0, 0x53053053);
    if (r != -1 || (errno != EINVAL && errno != ENOSYS))
        FAIL("rseq(len 7): %ld errno %d (%s)", r, errno, strerror(errno));
    return 0;
}
