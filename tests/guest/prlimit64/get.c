/* prlimit64 reads limits with soft <= hard, agrees with getrlimit, and the stack and
 * open-file limits are positive. */
#include "guest.h"
#include <sys/resource.h>

struct rlimit64_linux {
    unsigned long long cur, max;
};

int main(void)
{
    int res[] = {RLIMIT_STACK, RLIMIT_NOFILE, RLIMIT_AS, RLIMIT_DATA, RLIMIT_CORE, RLIMIT_NPROC};
    for (unsigned i = 0; i < sizeof res / sizeof res[0]; i++) {
        struct rlimit64_linux l;
        struct rlimit o;
        CHECK_OK(syscall(SYS_prlimit64, 0, res[i], NULL, &l));
        CHECK(l.cur <= l.max);
        CHECK_OK(syscall(SYS_getrlimit, res[i], &o));
        CHECK(o.rlim_cur == l.cur && o.rlim_max == l.max);
        CHECK_OK(getrlimit(res[i], &o));
        CHECK(o.rlim_cur == l.cur && o.rlim_max == l.max);
    }
    struct rlimit o;
    CHECK_OK(getrlimit(RLIMIT_STACK, &o));
    CHECK(o.rlim_cur > 0);
    CHECK_OK(getrlimit(RLIMIT_NOFILE, &o));
    CHECK(o.rlim_cur >= 3);
    return 0;
}
