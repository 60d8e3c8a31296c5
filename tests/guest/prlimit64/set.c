/* Lowering a soft limit with prlimit64 returns the old value and sticks. */
#include "guest.h"
#include <sys/resource.h>

struct rlimit64_linux {
    unsigned long long cur, max;
};

int main(void)
{
    struct rlimit64_linux old, prev, now;
    CHECK_OK(syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, NULL, &old));
    struct rlimit64_linux want = {old.cur > 32 ? 32 : old.cur, old.max};
    CHECK_OK(syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, &want, &prev));
    CHECK(prev.cur == old.cur && prev.max == old.max);
    CHECK_OK(syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, NULL, &now));
    CHECK(now.cur == want.cur && now.max == want.max);
    struct rlimit64_linux core0 = {0, 0};
    CHECK_OK(syscall(SYS_prlimit64, 0, RLIMIT_CORE, &core0, NULL));
    struct rlimit o;
    CHECK_OK(getrlimit(RLIMIT_CORE, &o));
    CHECK(o.rlim_cur == 0 && o.rlim_max == 0);
    return 0;
}
