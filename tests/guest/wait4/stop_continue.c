/* SIGSTOP stops a child and WUNTRACED reports it once; SIGCONT resumes it
 * and WCONTINUED reports that once; waitid sees CLD_STOPPED and
 * CLD_CONTINUED; a SIGCHLD handler hears both unless SA_NOCLDSTOP. */
#include "guest.h"
#include <signal.h>
#include <sys/wait.h>
#include <time.h>

static volatile int chld_codes[8], nchld;

static void on_chld(int sig, siginfo_t *si, void *uc)
{
    (void)sig;
    (void)uc;
    if (nchld < 8)
        chld_codes[nchld++] = si->si_code;
}

static void wait_for_chld(int n)
{
    struct timespec ts = { 0, 1000 * 1000 };

    for (int i = 0; i < 2000 && nchld < n; i++)
        nanosleep(&ts, NULL);
    CHECK(nchld >= n);
}

int main(void)
{
    struct sigaction sa;
    siginfo_t si;
    pid_t c;
    int st;

    memset(&sa, 0, sizeof(sa));
    sa.sa_sigaction = on_chld;
    sa.sa_flags = SA_SIGINFO | SA_RESTART;
    CHECK_OK(sigaction(SIGCHLD, &sa, NULL));
    c = fork();
    if (c == 0)
        for (;;)
            pause();
    CHECK_OK(kill(c, SIGSTOP));
    CHECK(waitpid(c, &st, WUNTRACED) == c);
    CHECK(WIFSTOPPED(st) && WSTOPSIG(st) == SIGSTOP);
    CHECK(waitpid(c, &st, WUNTRACED | WNOHANG) == 0);   /* reported once */
    wait_for_chld(1);
    CHECK(chld_codes[0] == CLD_STOPPED);

    CHECK_OK(kill(c, SIGCONT));
    CHECK(waitpid(c, &st, WCONTINUED) == c);
    CHECK(WIFCONTINUED(st));
    CHECK(waitpid(c, &st, WCONTINUED | WNOHANG) == 0);
    wait_for_chld(2);
    CHECK(chld_codes[1] == CLD_CONTINUED);

    /* Not SIGTSTP: an orphaned process group (as under ctest) drops it. */
    CHECK_OK(kill(c, SIGSTOP));
    memset(&si, 0, sizeof(si));
    CHECK_OK(waitid(P_PID, c, &si, WSTOPPED | WNOWAIT));
    CHECK(si.si_pid == c && si.si_code == CLD_STOPPED && si.si_status == SIGSTOP);
    CHECK_OK(waitid(P_PID, c, &si, WSTOPPED));         /* still there: WNOWAIT */
    CHECK(si.si_code == CLD_STOPPED);
    CHECK_OK(kill(c, SIGCONT));
    memset(&si, 0, sizeof(si));
    CHECK_OK(waitid(P_PID, c, &si, WCONTINUED));
    CHECK(si.si_code == CLD_CONTINUED && si.si_status == SIGCONT);

    /* With SA_NOCLDSTOP, stops are reported by wait but not signalled. */
    wait_for_chld(4);                   /* the second stop and its end */
    CHECK(chld_codes[2] == CLD_STOPPED && chld_codes[3] == CLD_CONTINUED);
    sa.sa_flags |= SA_NOCLDSTOP;
    CHECK_OK(sigaction(SIGCHLD, &sa, NULL));
    nchld = 0;
    CHECK_OK(kill(c, SIGSTOP));
    CHECK(waitpid(c, &st, WUNTRACED) == c && WIFSTOPPED(st));
    CHECK_OK(kill(c, SIGTERM));         /* pending while stopped */
    CHECK_OK(kill(c, SIGCONT));
    CHECK(waitpid(c, &st, 0) == c);
    CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGTERM);
    wait_for_chld(1);
    CHECK(chld_codes[0] == CLD_KILLED);
    return 0;
}
