/* kill(2) to oneself runs an SA_SIGINFO handler before kill returns, with
 * si_code SI_USER, the sender's pid and uid, and a mask that adds sa_mask
 * and the signal itself for the handler's run only. */
#include "guest.h"
#include <signal.h>

static volatile sig_atomic_t hits;
static volatile pid_t got_pid;
static volatile int got_code, got_signo;
static volatile uid_t got_uid;
static volatile int usr1_blocked, usr2_blocked;

static void handler(int sig, siginfo_t *si, void *uc)
{
    sigset_t now;

    (void)uc;
    hits++;
    got_signo = sig;
    got_pid = si->si_pid;
    got_uid = si->si_uid;
    got_code = si->si_code;
    sigprocmask(SIG_BLOCK, NULL, &now);
    usr1_blocked = sigismember(&now, SIGUSR1);
    usr2_blocked = sigismember(&now, SIGUSR2);
}

int main(void)
{
    struct sigaction sa;
    sigset_t now;

    memset(&sa, 0, sizeof(sa));
    sa.sa_sigaction = handler;
    sa.sa_flags = SA_SIGINFO;
    sigemptyset(&sa.sa_mask);
    sigaddset(&sa.sa_mask, SIGUSR2);
    CHECK_OK(sigaction(SIGUSR1, &sa, NULL));
    CHECK_OK(kill(getpid(), SIGUSR1));
    CHECK(hits == 1);
    CHECK(got_signo == SIGUSR1);
    CHECK(got_code == SI_USER);
    CHECK(got_pid == getpid());
    CHECK(got_uid == getuid());
    CHECK(usr1_blocked && usr2_blocked);
    CHECK_OK(sigprocmask(SIG_BLOCK, NULL, &now));
    CHECK(!sigismember(&now, SIGUSR1) && !sigismember(&now, SIGUSR2));
    /* raise() goes through tgkill: SI_TKILL. */
    CHECK_OK(raise(SIGUSR1));
    CHECK(hits == 2);
    CHECK(got_code == SI_TKILL);
    return 0;
}
