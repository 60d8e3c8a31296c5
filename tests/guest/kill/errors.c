/* kill, tkill and tgkill answer bad numbers and missing targets as Linux:
 * EINVAL for a signal out of range or a non-positive thread id, ESRCH for
 * no such process, and signal 0 only checks. */
#include "guest.h"
#include <signal.h>
#include <sys/wait.h>

int main(void)
{
    pid_t self = getpid(), child;
    int st;

    CHECK_ERR(kill(self, 65), EINVAL);
    CHECK_ERR(kill(self, -1), EINVAL);
    CHECK_OK(kill(self, 0));
    CHECK_ERR(syscall(SYS_tkill, 0, SIGUSR1), EINVAL);
    CHECK_ERR(syscall(SYS_tkill, self, 65), EINVAL);
    CHECK_ERR(syscall(SYS_tgkill, 0, self, SIGUSR1), EINVAL);
    CHECK_ERR(syscall(SYS_tgkill, self, -3, SIGUSR1), EINVAL);
    CHECK_OK(syscall(SYS_tgkill, self, self, 0));
    CHECK_OK(syscall(SYS_tkill, self, 0));
    /* A reaped child's pid is free: ESRCH (pids do not wrap that fast). */
    child = fork();
    if (child == 0)
        _exit(0);
    CHECK(child > 0);
    CHECK(waitpid(child, &st, 0) == child);
    CHECK_ERR(kill(child, 0), ESRCH);
    CHECK_ERR(syscall(SYS_tgkill, child, child, 0), ESRCH);
    /* A pid in this process's group but a wrong thread group: ESRCH. */
    CHECK_ERR(syscall(SYS_tgkill, self + 100000, self, 0), ESRCH);
    CHECK_ERR(kill(-2147483647 - 1, SIGUSR1), ESRCH);
    /* sigqueue may not pose as kill(2) or tkill(2) to another process. */
    siginfo_t si;
    memset(&si, 0, sizeof(si));
    si.si_code = SI_USER;
    child = fork();
    if (child == 0) {
        pause();
        _exit(0);
    }
    CHECK(child > 0);
    CHECK_ERR(syscall(SYS_rt_sigqueueinfo, child, SIGUSR1, &si), EPERM);
    si.si_code = SI_TKILL;
    CHECK_ERR(syscall(SYS_rt_sigqueueinfo, child, SIGUSR1, &si), EPERM);
    CHECK_ERR(syscall(SYS_rt_tgsigqueueinfo, child, child, SIGUSR1, &si), EPERM);
    CHECK_ERR(syscall(SYS_rt_sigqueueinfo, child, SIGUSR1, BAD_PTR), EFAULT);
    CHECK_OK(kill(child, SIGKILL));
    CHECK(waitpid(child, &st, 0) == child);
    return 0;
}
