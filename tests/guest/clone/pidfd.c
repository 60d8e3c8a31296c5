/* clone(2) with CLONE_PIDFD stores the child's pidfd where parent_tid
 * points (so CLONE_PARENT_SETTID cannot go with it: EINVAL); the parent
 * can wait for the child through it with waitid(P_PIDFD). */
#include "guest.h"
#include <sched.h>
#include <signal.h>

#ifndef CLONE_PIDFD
#define CLONE_PIDFD 0x1000
#endif
#ifndef P_PIDFD
#define P_PIDFD 3
#endif

int main(void)
{
    int pidfd = -1;
    siginfo_t si;
    long c;

    CHECK_ERR(syscall(SYS_clone, CLONE_PIDFD | CLONE_PARENT_SETTID | SIGCHLD, 0,
                      &pidfd, NULL, 0), EINVAL);
    c = CHECK_OK(syscall(SYS_clone, CLONE_PIDFD | SIGCHLD, 0, &pidfd, NULL, 0));
    if (c == 0)
        _exit(9);
    CHECK(pidfd >= 0);
    si.si_pid = 0;
    CHECK_OK(waitid(P_PIDFD, pidfd, &si, WEXITED));
    CHECK(si.si_pid == c && si.si_code == CLD_EXITED && si.si_status == 9);
    return 0;
}
