/* SA_NOCLDWAIT on SIGCHLD: children reap themselves (wait ends in ECHILD
 * once they are gone), yet the handler still runs for each end, as Linux
 * sends SIGCHLD anyway; SA_NOCLDSTOP keeps stops quiet while exits still
 * signal. */
#include "guest.h"
#include <signal.h>
#include <sys/wait.h>

static volatile sig_atomic_t chld;

static void on_chld(int sig)
{
    (void)sig;
    chld++;
}

int main(void)
{
    struct sigaction sa = { .sa_handler = on_chld, .sa_flags = SA_NOCLDWAIT };
    sigset_t set, old;
    int status;

    sigemptyset(&set);
    sigaddset(&set, SIGCHLD);
    CHECK_OK(sigprocmask(SIG_BLOCK, &set, &old));
    CHECK_OK(sigaction(SIGCHLD, &sa, NULL));
    pid_t pid = CHECK_OK(fork());
    if (pid == 0)
        _exit(3);
    CHECK_ERR(waitpid(-1, &status, 0), ECHILD);    /* after it is gone */
    CHECK_ERR(kill(pid, 0), ESRCH);                /* reaped: no zombie */
    CHECK_OK(sigprocmask(SIG_SETMASK, &old, NULL));
    CHECK(chld == 1);                              /* SIGCHLD still came */

    /* SA_NOCLDSTOP: a stop sends nothing, the exit does. */
    chld = 0;
    sa.sa_flags = SA_NOCLDSTOP;
    CHECK_OK(sigaction(SIGCHLD, &sa, NULL));
    CHECK_OK(sigprocmask(SIG_BLOCK, &set, NULL));
    pid = CHECK_OK(fork());
    if (pid == 0) {
        raise(SIGSTOP);
        _exit(4);
    }
    CHECK(waitpid(pid, &status, WUNTRACED) == pid && WIFSTOPPED(status));
    CHECK_OK(sigpending(&set));
    CHECK(!sigismember(&set, SIGCHLD));
    CHECK_OK(kill(pid, SIGCONT));
    CHECK(waitpid(pid, &status, 0) == pid && WEXITSTATUS(status) == 4);
    CHECK_OK(sigpending(&set));
    CHECK(sigismember(&set, SIGCHLD));
    CHECK_OK(sigprocmask(SIG_SETMASK, &old, NULL));
    CHECK(chld == 1);
    return 0;
}
