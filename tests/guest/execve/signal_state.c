/* Across execve the blocked mask and pending signals stay, ignored
 * signals stay ignored, handled ones go back to SIG_DFL, and the
 * alternate stack is dropped; fork copies mask and actions. */
#include "guest.h"
#include <signal.h>
#include <sys/wait.h>

static void handler(int sig) { (void)sig; }

static int child_checks(void)
{
    struct sigaction sa;
    sigset_t now;
    stack_t ss;

    CHECK_OK(sigprocmask(SIG_BLOCK, NULL, &now));
    CHECK(sigismember(&now, SIGUSR1));
    CHECK_OK(sigpending(&now));
    CHECK(sigismember(&now, SIGUSR1));
    CHECK_OK(sigaction(SIGUSR2, NULL, &sa));
    CHECK(sa.sa_handler == SIG_IGN);
    CHECK_OK(sigaction(SIGTERM, NULL, &sa));
    CHECK(sa.sa_handler == SIG_DFL);
    CHECK_OK(sigaltstack(NULL, &ss));
    CHECK(ss.ss_flags == SS_DISABLE);
    return 0;
}

int main(int argc, char **argv)
{
    static char alt[16384];
    struct sigaction sa;
    sigset_t set;
    stack_t ss = { .ss_sp = alt, .ss_size = sizeof(alt), .ss_flags = 0 };
    pid_t c;
    int st;

    if (argc > 1 && strcmp(argv[1], "child") == 0)
        return child_checks();
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    CHECK_OK(sigprocmask(SIG_BLOCK, &set, NULL));
    CHECK(signal(SIGUSR2, SIG_IGN) != SIG_ERR);
    CHECK(signal(SIGTERM, handler) != SIG_ERR);
    CHECK_OK(sigaltstack(&ss, NULL));
    c = fork();
    if (c == 0) {
        char *const args[] = { argv[0], "child", NULL };

        /* fork kept the handler and the mask. */
        CHECK_OK(sigaction(SIGTERM, NULL, &sa));
        CHECK(sa.sa_handler == handler);
        CHECK_OK(sigprocmask(SIG_BLOCK, NULL, &set));
        CHECK(sigismember(&set, SIGUSR1));
        CHECK_OK(raise(SIGUSR1));
        execv(argv[0], args);
        FAIL("execv: %s", strerror(errno));
    }
    CHECK(waitpid(c, &st, 0) == c);
    CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
    return 0;
}
