/* A bounded fork bomb: 50 children alive at once, all reaped, then 50 more made and reaped
 * one at a time; afterwards there is no child left (ECHILD).  Nothing leaks enough to stop
 * the next round. */
#include "guest.h"
#include <sys/wait.h>

#define N 50

int main(void)
{
    pid_t pids[N];
    int status;

    for (int i = 0; i < N; i++) {
        pids[i] = CHECK_OK(fork());
        if (pids[i] == 0)
            _exit(i);
    }
    for (int i = 0; i < N; i++) {
        pid_t pid = CHECK_OK(waitpid(-1, &status, 0));
        int j;
        for (j = 0; j < N && pids[j] != pid; j++)
            ;
        if (j == N)
            FAIL("waitpid returned the stranger %d", (int)pid);
        CHECK(WIFEXITED(status) && WEXITSTATUS(status) == j);
        pids[j] = -2;
    }
    CHECK_ERR(waitpid(-1, &status, 0), ECHILD);
    for (int i = 0; i < N; i++) {
        pid_t pid = CHECK_OK(fork());
        if (pid == 0)
            _exit(7);
        CHECK(waitpid(pid, &status, 0) == pid);
        CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 7);
    }
    CHECK_ERR(waitpid(-1, &status, WNOHANG), ECHILD);
    return 0;
}
