/* rt_sigprocmask: an unknown `how` EINVAL; a sigset size other than 8 EINVAL; unmapped
 * new or old set EFAULT. */
#include "guest.h"
#include <signal.h>

int main(void)
{
    unsigned long set = 0, old;
    CHECK_ERR(syscall(SYS_rt_sigprocmask, 99, &set, NULL, 8), EINVAL);
    CHECK_ERR(syscall(SYS_rt_sigprocmask, SIG_BLOCK, &set, NULL, 4), EINVAL);
    CHECK_ERR(syscall(SYS_rt_sigprocmask, SIG_BLOCK, BAD_PTR, NULL, 8), EFAULT);
    CHECK_ERR(syscall(SYS_rt_sigprocmask, SIG_BLOCK, NULL, BAD_PTR, 8), EFAULT);
    CHECK_OK(syscall(SYS_rt_sigprocmask, SIG_BLOCK, NULL, &old, 8));
    return 0;
}
