/* With SIGCHLD ignored, children reap themselves: wait blocks until they are all gone and
 * then fails with ECHILD; restoring SIG_DFL brings zombies back. */
#include "guest.h"
#include <signal.h>
#include <sys/wait.h>

int main(void)
{
    int status;

    CHECK(signal(SIGCHLD, SIG_IGN) != SIG_ERR);
    for (int i = 0; i < 3; i++)
        if (CHECK_OK(fork()) == 0)
            _exit(1);
    CHECK_ERR(waitpid(-1, &status, 0), ECHILD);

    CHECK(signal(SIGCHLD, SIG_DFL) != SIG_ERR);
    pid_t pid = CHECK_OK(fork());
    if (pid == 0)
        _exit(2);
    CHECK(waitpid(pid, &status, 0) == pid && WEXITSTATUS(status) == 2);
    return 0;
}
