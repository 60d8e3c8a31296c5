/* pselect6(2) waits with a temporary mask: a signal it lets through ends
 * the wait with EINTR after the handler ran; the old mask is back after.
 * A pending one is taken at once. */
#include "guest.h"
#include <signal.h>
#include <sys/select.h>
#include <time.h>

static volatile int hits;
static void handler(int sig) { (void)sig; hits++; }

int main(void)
{
    struct timespec ts = { 0, 30 * 1000 * 1000 };
    sigset_t block, empty, now;
    fd_set r;
    int p[2], st;
    pid_t c;

    CHECK(signal(SIGUSR2, handler) != SIG_ERR);
    sigemptyset(&block);
    sigaddset(&block, SIGUSR2);
    sigemptyset(&empty);
    CHECK_OK(sigprocmask(SIG_BLOCK, &block, NULL));
    CHECK_OK(pipe(p));
    c = CHECK_OK(fork());
    if (c == 0) {
        nanosleep(&ts, NULL);
        kill(getppid(), SIGUSR2);
        _exit(0);
    }
    FD_ZERO(&r);
    FD_SET(p[0], &r);
    CHECK_ERR(pselect(p[0] + 1, &r, NULL, NULL, NULL, &empty), EINTR);
    CHECK(hits == 1);
    CHECK_OK(sigprocmask(SIG_BLOCK, NULL, &now));
    CHECK(sigismember(&now, SIGUSR2));
    CHECK(waitpid(c, &st, 0) == c);

    CHECK_OK(kill(getpid(), SIGUSR2));
    FD_SET(p[0], &r);
    CHECK_ERR(pselect(p[0] + 1, &r, NULL, NULL, NULL, &empty), EINTR);
    CHECK(hits == 2);
    return 0;
}
