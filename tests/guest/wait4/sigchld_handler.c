/* A child's end sends SIGCHLD with CLD_EXITED, its pid and status, or
 * CLD_KILLED and the signal; SIGCHLD interrupts a sleep like any handled
 * signal. */
#include "guest.h"
#include <signal.h>
#include <sys/wait.h>
#include <time.h>

static volatile int code, status, hits;
static volatile pid_t pid;

static void on_chld(int sig, siginfo_t *si, void *uc)
{
    (void)sig;
    (void)uc;
    hits++;
    code = si->si_code;
    status = si->si_status;
    pid = si->si_pid;
}

int main(void)
{
    struct sigaction sa;
    struct timespec ts = { 5, 0 };
    pid_t c;
    int st;

    memset(&sa, 0, sizeof(sa));
    sa.sa_sigaction = on_chld;
    sa.sa_flags = SA_SIGINFO;
    CHECK_OK(sigaction(SIGCHLD, &sa, NULL));
    int go[2];
    char b;

    CHECK_OK(pipe(go));
    c = fork();
    if (c == 0) {
        struct timespec later = { 0, 100 * 1000 * 1000 };

        /* Ends once the parent is (almost certainly) asleep. */
        if (read(go[0], &b, 1) != 1)
            _exit(1);
        nanosleep(&later, NULL);
        _exit(42);
    }
    CHECK(write(go[1], "g", 1) == 1);
    CHECK_ERR(nanosleep(&ts, NULL), EINTR);
    CHECK(hits == 1 && code == CLD_EXITED && status == 42 && pid == c);
    CHECK(waitpid(c, &st, 0) == c && WEXITSTATUS(st) == 42);

    c = fork();
    if (c == 0) {
        raise(SIGABRT);
        _exit(0);
    }
    while (hits < 2)
        pause();
    CHECK(code == CLD_DUMPED || code == CLD_KILLED);
    CHECK(status == SIGABRT && pid == c);
    CHECK(waitpid(c, &st, 0) == c);
    CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGABRT);
    return 0;
}
