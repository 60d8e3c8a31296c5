/* waitid reports a child killed by SIGSEGV with si_status the signal, and CLD_KILLED, not
 * CLD_DUMPED, when no core could be written (not dumpable, RLIMIT_CORE 0). */
#include "guest.h"
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>

int main(void)
{
    pid_t pid = CHECK_OK(fork());
    if (pid == 0) {
        struct rlimit no_core = { 0, 0 };
        setrlimit(RLIMIT_CORE, &no_core);
        prctl(PR_SET_DUMPABLE, 0);
        *(volatile int *)8 = 1;
        _exit(0);
    }
    siginfo_t si;
    memset(&si, 0, sizeof si);
    CHECK(waitid(P_PID, pid, &si, WEXITED) == 0);
    CHECK(si.si_signo == SIGCHLD && si.si_pid == pid);
    CHECK(si.si_code == CLD_KILLED);
    CHECK(si.si_status == SIGSEGV);
    return 0;
}
