/* RLIMIT_CPU: a process computing past the soft limit gets SIGXCPU (here
 * handled), and is killed by SIGKILL at the hard limit; ITIMER_VIRTUAL
 * and ITIMER_PROF expire after CPU time, not wall time. */
#include "guest.h"
#include <signal.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>

static volatile int xcpu, vt, prof;
static void on_xcpu(int sig) { (void)sig; xcpu++; }
static void on_vt(int sig) { (void)sig; vt++; }
static void on_prof(int sig) { (void)sig; prof++; }

int main(void)
{
    /* 300 ms: far above what the calls before the loop cost, even in a
     * kernel under Valgrind, whose time counts as system time. */
    struct itimerval it = { { 0, 0 }, { 0, 300000 } };
    struct timespec nap = { 0, 200 * 1000 * 1000 };
    pid_t c;
    int st;

    CHECK(signal(SIGVTALRM, on_vt) != SIG_ERR);
    CHECK(signal(SIGPROF, on_prof) != SIG_ERR);
    CHECK_OK(setitimer(ITIMER_VIRTUAL, &it, NULL));
    CHECK_OK(setitimer(ITIMER_PROF, &it, NULL));
    nanosleep(&nap, NULL);              /* sleeping uses no CPU time */
    CHECK(vt == 0 && prof == 0);
    for (volatile unsigned long i = 0; vt == 0 || prof == 0; i++)
        ;
    CHECK(vt == 1 && prof == 1);

    c = fork();
    if (c == 0) {
        struct rlimit rl = { 1, 2 };

        signal(SIGXCPU, on_xcpu);
        if (setrlimit(RLIMIT_CPU, &rl) != 0)
            _exit(1);
        for (volatile unsigned long i = 0;; i++)
            if (xcpu > 5)
                _exit(2);               /* never: killed after 2 s */
    }
    CHECK(waitpid(c, &st, 0) == c);
    if (!WIFSIGNALED(st) || WTERMSIG(st) != SIGKILL)
        FAIL("child: status %#x, want SIGKILL", st);
    return 0;
}
