/* waitid fills siginfo for an exited child (CLD_EXITED, pid, status); WNOWAIT leaves it to
 * be reaped again; P_ALL and P_PGID select too. */
#include "guest.h"
#include <signal.h>
#include <sys/wait.h>

int main(void)
{
    siginfo_t si;
    pid_t pid = CHECK_OK(fork());
    if (pid == 0)
        _exit(9);

    memset(&si, 0xff, sizeof si);
    CHECK(waitid(P_PID, pid, &si, WEXITED | WNOWAIT) == 0);
    CHECK(si.si_signo == SIGCHLD && si.si_code == CLD_EXITED);
    CHECK(si.si_pid == pid && si.si_status == 9 && si.si_uid == getuid());
    memset(&si, 0, sizeof si);
    CHECK(waitid(P_ALL, 0, &si, WEXITED) == 0);
    CHECK(si.si_pid == pid && si.si_status == 9 && si.si_code == CLD_EXITED);
    CHECK_ERR(waitid(P_ALL, 0, &si, WEXITED), ECHILD);

    pid = CHECK_OK(fork());
    if (pid == 0)
        _exit(0);
    memset(&si, 0, sizeof si);
    CHECK(waitid(P_PGID, 0, &si, WEXITED) == 0);
    CHECK(si.si_pid == pid && si.si_status == 0);
    return 0;
}
