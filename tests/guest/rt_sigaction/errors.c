/* rt_sigaction: changing SIGKILL or SIGSTOP, signal 0 or 65, a sigset size other than
 * 8 all fail with EINVAL; an unmapped action fails with EFAULT. */
#include "guest.h"
#include <signal.h>

struct k_sigaction {
    void (*handler)(int);
    unsigned long flags;
    void (*restorer)(void);
    unsigned long mask;
};

static void handler(int sig)
{
    (void)sig;
}

int main(void)
{
    struct k_sigaction ka = {handler, 0, NULL, 0}, old;
    CHECK_ERR(syscall(SYS_rt_sigaction, SIGKILL, &ka, NULL, 8), EINVAL);
    CHECK_ERR(syscall(SYS_rt_sigaction, SIGSTOP, &ka, NULL, 8), EINVAL);
    CHECK_ERR(syscall(SYS_rt_sigaction, 0, &ka, NULL, 8), EINVAL);
    CHECK_ERR(syscall(SYS_rt_sigaction, 65, &ka, NULL, 8), EINVAL);
    CHECK_ERR(syscall(SYS_rt_sigaction, SIGUSR1, &ka, NULL, 4), EINVAL);
    CHECK_ERR(syscall(SYS_rt_sigaction, SIGUSR1, BAD_PTR, NULL, 8), EFAULT);
    CHECK_ERR(syscall(SYS_rt_sigaction, SIGUSR1, NULL, BAD_PTR, 8), EFAULT);
    /* Reading SIGKILL's action is allowed. */
    CHECK_OK(syscall(SYS_rt_sigaction, SIGKILL, NULL, &old, 8));
    CHECK(old.handler == SIG_DFL);
    return 0;
}
