/* A child killed by a fault is reported with WIFSIGNALED and WTERMSIG == SIGSEGV, and
 * without WCOREDUMP when no core could be written (not dumpable, RLIMIT_CORE 0: natively
 * whatever core_pattern says; under Trellis, which writes no core files, always). */
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
        setrlimit(RLIMIT_CORE, &no_core);   /* no core file natively */
        prctl(PR_SET_DUMPABLE, 0);          /* not even through a core_pattern pipe */
        *(volatile int *)8 = 1;
        _exit(0);
    }
    int status;
    CHECK(waitpid(pid, &status, 0) == pid);
    CHECK(!WIFEXITED(status));
    CHECK(WIFSIGNALED(status));
    if (WTERMSIG(status) != SIGSEGV)
        FAIL("killed by %d", WTERMSIG(status));
    CHECK(!WCOREDUMP(status));
    return 0;
}
