/* SIG_BLOCK, SIG_UNBLOCK and SIG_SETMASK change the mask as stated and return the old
 * one; SIGKILL and SIGSTOP are silently left unblocked. */
#include "guest.h"
#include <signal.h>

int main(void)
{
    sigset_t set, old, got;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    sigaddset(&set, SIGKILL);
    sigaddset(&set, SIGSTOP);
    CHECK_OK(sigprocmask(SIG_BLOCK, &set, &old));
    CHECK(sigismember(&old, SIGUSR1) == 0);
    CHECK_OK(sigprocmask(SIG_SETMASK, NULL, &got));
    CHECK(sigismember(&got, SIGUSR1) == 1);
    CHECK(sigismember(&got, SIGKILL) == 0);
    CHECK(sigismember(&got, SIGSTOP) == 0);
    sigemptyset(&set);
    sigaddset(&set, SIGUSR2);
    CHECK_OK(sigprocmask(SIG_BLOCK, &set, NULL));
    CHECK_OK(sigprocmask(SIG_SETMASK, NULL, &got));
    CHECK(sigismember(&got, SIGUSR1) == 1 && sigismember(&got, SIGUSR2) == 1);
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    CHECK_OK(sigprocmask(SIG_UNBLOCK, &set, NULL));
    CHECK_OK(sigprocmask(SIG_SETMASK, NULL, &got));
    CHECK(sigismember(&got, SIGUSR1) == 0 && sigismember(&got, SIGUSR2) == 1);
    CHECK_OK(sigprocmask(SIG_SETMASK, &old, NULL));
    CHECK_OK(sigprocmask(SIG_SETMASK, NULL, &got));
    CHECK(sigismember(&got, SIGUSR2) == 0);
    return 0;
}
