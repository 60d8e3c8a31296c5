/* A handler installed with rt_sigaction reads back with the same handler, flags and
 * mask, and is returned as the old action when replaced. (Nothing is delivered.) */
#include "guest.h"
#include <signal.h>

static void handler(int sig, siginfo_t *si, void *uc)
{
    (void)sig, (void)si, (void)uc;
}

#define SA_RESTORER_BIT 0x04000000

int main(void)
{
    struct sigaction sa, got, old;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = handler;
    sa.sa_flags = SA_SIGINFO | SA_RESTART | SA_ONSTACK;
    sigemptyset(&sa.sa_mask);
    sigaddset(&sa.sa_mask, SIGUSR2);
    sigaddset(&sa.sa_mask, SIGTERM);
    CHECK_OK(sigaction(SIGUSR1, &sa, &old));
    CHECK(old.sa_handler == SIG_DFL);
    CHECK_OK(sigaction(SIGUSR1, NULL, &got));
    CHECK(got.sa_sigaction == handler);
    CHECK((got.sa_flags & ~SA_RESTORER_BIT) == (sa.sa_flags & ~SA_RESTORER_BIT));
    CHECK(sigismember(&got.sa_mask, SIGUSR2) == 1);
    CHECK(sigismember(&got.sa_mask, SIGTERM) == 1);
    CHECK(sigismember(&got.sa_mask, SIGINT) == 0);
    struct sigaction ign;
    memset(&ign, 0, sizeof ign);
    ign.sa_handler = SIG_IGN;
    CHECK_OK(sigaction(SIGUSR1, &ign, &old));
    CHECK(old.sa_sigaction == handler);
    CHECK_OK(sigaction(SIGUSR1, NULL, &got));
    CHECK(got.sa_handler == SIG_IGN);
    return 0;
}
