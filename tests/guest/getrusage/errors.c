/* getrusage takes RUSAGE_SELF, RUSAGE_CHILDREN and RUSAGE_THREAD (EINVAL otherwise)
 * and fills the whole struct (EFAULT on a bad pointer); times stay within sane
 * bounds. */
#include "guest.h"
#include <sys/resource.h>

int main(void)
{
    int who[] = { RUSAGE_SELF, RUSAGE_CHILDREN, RUSAGE_THREAD };
    for (unsigned i = 0; i < sizeof who / sizeof who[0]; i++) {
        struct rusage ru;
        memset(&ru, 0xa5, sizeof ru);
        CHECK_OK(syscall(SYS_getrusage, who[i], &ru));
        CHECK(ru.ru_utime.tv_sec >= 0 && ru.ru_utime.tv_usec >= 0 &&
              ru.ru_utime.tv_usec < 1000000);
        CHECK(ru.ru_stime.tv_sec >= 0 && ru.ru_stime.tv_usec >= 0 &&
              ru.ru_stime.tv_usec < 1000000);
        CHECK(ru.ru_utime.tv_sec < 60 && ru.ru_stime.tv_sec < 60);
        CHECK(ru.ru_maxrss >= 0 && ru.ru_minflt >= 0 && ru.ru_nvcsw >= 0);
        CHECK(ru.ru_ixrss == 0 && ru.ru_idrss == 0 && ru.ru_isrss == 0 && ru.ru_nswap == 0);
        CHECK(ru.ru_msgsnd == 0 && ru.ru_msgrcv == 0 && ru.ru_nsignals == 0);
        CHECK_ERR(syscall(SYS_getrusage, who[i], BAD_PTR), EFAULT);
    }
    struct rusage ru;
    CHECK_ERR(syscall(SYS_getrusage, 2, &ru), EINVAL);
    CHECK_ERR(syscall(SYS_getrusage, -2, &ru), EINVAL);
    return 0;
}
