/* ppoll(2) waits with a temporary signal mask: a signal blocked outside
 * but let through during the wait ends it with EINTR after its handler
 * ran (with the old mask saved in its frame), and the old mask is back
 * afterwards; the same signal sent before the call is taken at once. */
#include "guest.h"
#include <poll.h>
#include <signal.h>
#include <time.h>

static volatile int hits;
static volatile int blocked_in_handler;

static void handler(int sig)
{
    sigset_t now;

    (void)sig;
    sigprocmask(SIG_BLOCK, NULL, &now);
    blocked_in_handler = sigismember(&now, SIGUSR1);
    hits++;
}

int main(void)
{
    struct timespec ts = { 0, 30 * 1000 * 1000 };
    sigset_t block, empty, now;
    struct pollfd pfd;
    int p[2], st;
    pid_t c;

    CHECK(signal(SIGUSR1, handler) != SIG_ERR);
    sigemptyset(&block);
    sigaddset(&block, SIGUSR1);
    sigemptyset(&empty);
    CHECK_OK(sigprocmask(SIG_BLOCK, &block, NULL));
    CHECK_OK(pipe(p));
    pfd = (struct pollfd){ .fd = p[0], .events = POLLIN };

    c = CHECK_OK(fork());
    if (c == 0) {
        nanosleep(&ts, NULL);
        kill(getppid(), SIGUSR1);
        _exit(0);
    }
    CHECK_ERR(ppoll(&pfd, 1, NULL, &empty), EINTR);
    CHECK(hits == 1);
    CHECK(blocked_in_handler);
    CHECK_OK(sigprocmask(SIG_BLOCK, NULL, &now));
    CHECK(sigismember(&now, SIGUSR1));
    CHECK(waitpid(c, &st, 0) == c);

    CHECK_OK(kill(getpid(), SIGUSR1));
    CHECK(hits == 1);
    CHECK_ERR(ppoll(&pfd, 1, NULL, &empty), EINTR);
    CHECK(hits == 2);
    /* Without a mask the blocked signal stays pending: a plain timeout. */
    CHECK_OK(kill(getpid(), SIGUSR1));
    ts.tv_nsec = 1000000;
    CHECK(CHECK_OK(ppoll(&pfd, 1, &ts, NULL)) == 0);
    CHECK(hits == 2);
    CHECK_OK(sigpending(&now));
    CHECK(sigismember(&now, SIGUSR1));
    return 0;
}
