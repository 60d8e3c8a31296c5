/* A child killed by a fault is reported with WIFSIGNALED and WTERMSIG == SIGSEGV. */
#include "guest.h"
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>

int main(void)
{
    pid_t pid = CHECK_OK(fork());
    if (pid == 0) {
        struct rlimit no_core = { 0, 0 };
        setrlimit(RLIMIT_CORE, &no_core);   /* no core file natively */
        *(volatile int *)8 = 1;
        _exit(0);
    }
    int status;
    CHECK(waitpid(pid, &status, 0) == pid);
    CHECK(!WIFEXITED(status));
    CHECK(WIFSIGNALED(status));
    if (WTERMSIG(status) != SIGSEGV)
        FAIL("killed by %d", WTERMSIG(status));
    return 0;
}
