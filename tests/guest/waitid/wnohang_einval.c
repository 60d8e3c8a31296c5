/* waitid with WNOHANG and no exited child returns 0 with si_pid 0; options without
 * WEXITED/WSTOPPED/WCONTINUED, an unknown idtype or P_PID 0 are EINVAL; no child is ECHILD. */
#include "guest.h"
#include <signal.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>

int main(void)
{
    siginfo_t si;

    CHECK_ERR(waitid(P_ALL, 0, &si, WEXITED | WNOHANG), ECHILD);
    CHECK_ERR(waitid(P_ALL, 0, &si, WNOHANG), EINVAL);
    CHECK_ERR(waitid(P_PID, 0, &si, WEXITED), EINVAL);
    CHECK_ERR(waitid((idtype_t)42, 0, &si, WEXITED), EINVAL);

    volatile int *go = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    CHECK(go != MAP_FAILED);
    pid_t pid = CHECK_OK(fork());
    if (pid == 0) {
        struct timespec ts = { 0, 1000000 };
        for (int i = 0; i < 20000 && *go == 0; i++)
            nanosleep(&ts, NULL);
        _exit(0);
    }
    memset(&si, 0xff, sizeof si);
    CHECK(waitid(P_PID, pid, &si, WEXITED | WNOHANG) == 0);
    CHECK(si.si_pid == 0);
    *go = 1;
    CHECK(waitid(P_PID, pid, &si, WEXITED) == 0);
    CHECK(si.si_pid == pid);
    return 0;
}
