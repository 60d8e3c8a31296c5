/* waitid reports a child killed by SIGSEGV with CLD_KILLED or CLD_DUMPED and si_status the
 * signal. */
#include "guest.h"
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>

int main(void)
{
    pid_t pid = CHECK_OK(fork());
    if (pid == 0) {
        struct rlimit no_core = { 0, 0 };
        setrlimit(RLIMIT_CORE, &no_core);
        *(volatile int *)8 = 1;
        _exit(0);
    }
    siginfo_t si;
    memset(&si, 0, sizeof si);
    CHECK(waitid(P_PID, pid, &si, WEXITED) == 0);
    CHECK(si.si_signo == SIGCHLD && si.si_pid == pid);
    CHECK(si.si_code == CLD_KILLED || si.si_code == CLD_DUMPED);
    CHECK(si.si_status == SIGSEGV);
    return 0;
}
