/* sigtimedwait(2) takes a pending blocked signal without running its
 * handler, with its siginfo (sigqueue's value); with nothing pending it
 * times out with EAGAIN; real-time signals queue, standard ones merge. */
#include "guest.h"
#include <signal.h>
#include <time.h>

static volatile int hits;
static void handler(int sig) { (void)sig; hits++; }

int main(void)
{
    sigset_t set;
    siginfo_t si;
    struct timespec zero = { 0, 0 }, short_wait = { 0, 10 * 1000 * 1000 };
    union sigval v = { .sival_int = 77 };
    int rt = SIGRTMIN + 1;

    CHECK(signal(SIGUSR1, handler) != SIG_ERR);
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    sigaddset(&set, rt);
    CHECK_OK(sigprocmask(SIG_BLOCK, &set, NULL));
    CHECK_ERR(sigtimedwait(&set, &si, &zero), EAGAIN);
    CHECK_ERR(sigtimedwait(&set, &si, &short_wait), EAGAIN);

    CHECK_OK(sigqueue(getpid(), SIGUSR1, v));
    CHECK(sigtimedwait(&set, &si, &zero) == SIGUSR1);
    CHECK(si.si_code == SI_QUEUE && si.si_value.sival_int == 77);
    CHECK(si.si_pid == getpid());
    CHECK(hits == 0);

    /* Two SIGUSR1 merge into one; three real-time signals queue. */
    CHECK_OK(kill(getpid(), SIGUSR1));
    CHECK_OK(kill(getpid(), SIGUSR1));
    for (int i = 0; i < 3; i++) {
        v.sival_int = i;
        CHECK_OK(sigqueue(getpid(), rt, v));
    }
    CHECK(sigtimedwait(&set, &si, &zero) == SIGUSR1);
    CHECK(si.si_code == SI_USER);
    for (int i = 0; i < 3; i++) {
        CHECK(sigtimedwait(&set, &si, &zero) == rt);
        CHECK(si.si_value.sival_int == i);
    }
    CHECK_ERR(sigtimedwait(&set, &si, &zero), EAGAIN);
    CHECK(hits == 0);
    CHECK_ERR(syscall(SYS_rt_sigtimedwait, &set, NULL, &zero, 4), EINVAL);
    struct timespec bad = { 0, 1000000000 };
    CHECK_ERR(sigtimedwait(&set, &si, &bad), EINVAL);
    return 0;
}
