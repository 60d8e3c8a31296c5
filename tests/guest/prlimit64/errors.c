/* prlimit64: unknown resource EINVAL; soft above hard EINVAL; unmapped old-limit buffer
 * EFAULT; a pid that does not exist ESRCH. */
#include "guest.h"
#include <sys/resource.h>

struct rlimit64_linux {
    unsigned long long cur, max;
};

int main(void)
{
    struct rlimit64_linux l, cur;
    CHECK_ERR(syscall(SYS_prlimit64, 0, 999, NULL, &l), EINVAL);
    CHECK_OK(syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, NULL, &cur));
    struct rlimit64_linux bad = {cur.max, cur.max > 0 ? cur.max - 1 : 0};
    if (cur.max > 0)
        CHECK_ERR(syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, &bad, NULL), EINVAL);
    CHECK_ERR(syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, NULL, BAD_PTR), EFAULT);
    CHECK_ERR(syscall(SYS_getrlimit, RLIMIT_NOFILE, BAD_PTR), EFAULT);
    CHECK_ERR(syscall(SYS_prlimit64, 0x3fffffff, RLIMIT_NOFILE, NULL, &l), ESRCH);
    return 0;
}
