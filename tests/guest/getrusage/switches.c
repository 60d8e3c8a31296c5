/* getrusage's ru_nvcsw counts the times a thread gave up its CPU to wait: each sleep is one
 * at least, for the process, the thread (RUSAGE_THREAD), and, once it is reaped, for its
 * parent (RUSAGE_CHILDREN and wait4's rusage).  A sleep whose end passed before the thread
 * got to wait is none, on Linux too: the naps are long enough that even a kernel slowed by
 * Valgrind on a busy host gets there first (3 ms was not, once in CI). */
#include "guest.h"
#include <sys/resource.h>
#include <time.h>

#define SLEEPS 5

static void nap(void)
{
    struct timespec ts = { 0, 30000000 };
    CHECK_OK(nanosleep(&ts, NULL));
}

int main(void)
{
    struct rusage self0, self1, thr0, thr1, kids, waited;

    CHECK_OK(getrusage(RUSAGE_SELF, &self0));
    CHECK_OK(getrusage(RUSAGE_THREAD, &thr0));
    for (int i = 0; i < SLEEPS; i++)
        nap();
    CHECK_OK(getrusage(RUSAGE_SELF, &self1));
    CHECK_OK(getrusage(RUSAGE_THREAD, &thr1));
    if (self1.ru_nvcsw - self0.ru_nvcsw < SLEEPS)
        FAIL("RUSAGE_SELF ru_nvcsw rose by %ld over %d sleeps", self1.ru_nvcsw - self0.ru_nvcsw, SLEEPS);
    if (thr1.ru_nvcsw - thr0.ru_nvcsw < SLEEPS)
        FAIL("RUSAGE_THREAD ru_nvcsw rose by %ld over %d sleeps", thr1.ru_nvcsw - thr0.ru_nvcsw, SLEEPS);

    pid_t pid = CHECK_OK(fork());
    if (pid == 0) {
        for (int i = 0; i < SLEEPS; i++)
            nap();
        _exit(0);
    }
    int status;
    CHECK(wait4(pid, &status, 0, &waited) == pid);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    if (waited.ru_nvcsw < SLEEPS)
        FAIL("wait4's ru_nvcsw is %ld after %d sleeps", waited.ru_nvcsw, SLEEPS);
    CHECK_OK(getrusage(RUSAGE_CHILDREN, &kids));
    if (kids.ru_nvcsw < SLEEPS)
        FAIL("RUSAGE_CHILDREN ru_nvcsw is %ld after %d sleeps", kids.ru_nvcsw, SLEEPS);
    return 0;
}
