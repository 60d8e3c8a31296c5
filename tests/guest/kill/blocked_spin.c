/* A child that blocks every signal and spins in user mode is still
 * killed by SIGKILL, and a stopped child by SIGKILL too. */
#include "guest.h"
#include <signal.h>
#include <sys/wait.h>
#include <time.h>

int main(void)
{
    struct timespec ts = { 0, 30 * 1000 * 1000 };
    sigset_t all;
    pid_t c;
    int st;

    int ready[2];
    char b;

    CHECK_OK(pipe(ready));
    c = fork();
    if (c == 0) {
        sigfillset(&all);
        sigprocmask(SIG_BLOCK, &all, NULL);
        if (write(ready[1], "r", 1) != 1)
            _exit(2);
        for (volatile unsigned long i = 0;; i++)
            ;
    }
    CHECK(c > 0);
    CHECK(read(ready[0], &b, 1) == 1);     /* blocked before the SIGTERM */
    CHECK_OK(kill(c, SIGTERM));         /* blocked: stays pending */
    nanosleep(&ts, NULL);
    CHECK(waitpid(c, &st, WNOHANG) == 0);
    CHECK_OK(kill(c, SIGKILL));
    CHECK(waitpid(c, &st, 0) == c);
    CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL);

    c = fork();
    if (c == 0)
        for (;;)
            pause();
    CHECK_OK(kill(c, SIGSTOP));
    CHECK(waitpid(c, &st, WUNTRACED) == c);
    CHECK(WIFSTOPPED(st) && WSTOPSIG(st) == SIGSTOP);
    CHECK_OK(kill(c, SIGKILL));
    CHECK(waitpid(c, &st, 0) == c);
    CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL);
    return 0;
}
