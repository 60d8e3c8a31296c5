/* sigsuspend(2) waits with a temporary mask, runs the handler of the
 * signal that ends it, fails with EINTR, and puts the old mask back.
 * A blocked signal sent earlier is delivered by it at once; pause(2) too
 * returns EINTR after a handler. */
#include "guest.h"
#include <signal.h>
#include <sys/wait.h>
#include <time.h>

static volatile int hits;
static void handler(int sig) { (void)sig; hits++; }

int main(void)
{
    sigset_t block, empty, now;
    struct timespec ts = { 0, 20 * 1000 * 1000 };
    pid_t c;
    int st;

    CHECK(signal(SIGUSR1, handler) != SIG_ERR);
    sigemptyset(&block);
    sigaddset(&block, SIGUSR1);
    sigemptyset(&empty);
    CHECK_OK(sigprocmask(SIG_BLOCK, &block, NULL));
    CHECK_OK(kill(getpid(), SIGUSR1));
    CHECK(hits == 0);
    CHECK_OK(sigpending(&now));
    CHECK(sigismember(&now, SIGUSR1));
    CHECK_ERR(sigsuspend(&empty), EINTR);
    CHECK(hits == 1);
    CHECK_OK(sigprocmask(SIG_BLOCK, NULL, &now));
    CHECK(sigismember(&now, SIGUSR1));

    c = fork();
    if (c == 0) {
        nanosleep(&ts, NULL);
        kill(getppid(), SIGUSR1);
        _exit(0);
    }
    CHECK_ERR(sigsuspend(&empty), EINTR);
    CHECK(hits == 2);
    CHECK(waitpid(c, &st, 0) == c);

    CHECK_OK(sigprocmask(SIG_UNBLOCK, &block, NULL));
    c = fork();
    if (c == 0) {
        nanosleep(&ts, NULL);
        kill(getppid(), SIGUSR1);
        _exit(0);
    }
    CHECK_ERR(pause(), EINTR);
    CHECK(hits == 3);
    CHECK(waitpid(c, &st, 0) == c);
    CHECK_ERR(syscall(SYS_rt_sigsuspend, &empty, 4), EINVAL);
    CHECK_ERR(syscall(SYS_rt_sigsuspend, BAD_PTR, 8), EFAULT);
    return 0;
}
