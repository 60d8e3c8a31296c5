/* When its parent dies, a process that set PR_SET_PDEATHSIG gets that
 * signal, and is reparented to the nearest subreaper (here the test). */
#include "guest.h"
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>

static volatile sig_atomic_t got;
static void handler(int sig) { got = sig; }

int main(void)
{
    int ready[2], st;
    pid_t top = getpid(), mid, g;
    char b;

    CHECK_OK(prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0));
    CHECK_OK(pipe(ready));
    mid = CHECK_OK(fork());
    if (mid == 0) {
        g = fork();
        if (g == 0) {
            sigset_t none;

            sigemptyset(&none);
            signal(SIGUSR1, handler);
            prctl(PR_SET_PDEATHSIG, SIGUSR1, 0, 0, 0);
            if (write(ready[1], "r", 1) != 1)
                _exit(5);
            while (!got)
                sigsuspend(&none);
            _exit(got == SIGUSR1 && getppid() == top ? 0 : 6);
        }
        if (g < 0 || read(ready[0], &b, 1) != 1)
            _exit(7);
        _exit(0);
    }
    CHECK(waitpid(mid, &st, 0) == mid && WIFEXITED(st) && WEXITSTATUS(st) == 0);
    g = CHECK_OK(wait(&st));
    if (!WIFEXITED(st) || WEXITSTATUS(st) != 0)
        FAIL("grandchild %d: status %#x", g, st);
    return 0;
}
