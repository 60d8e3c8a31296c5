/* epoll_pwait(2) waits with a temporary mask: a signal it lets through
 * ends the wait with EINTR after its handler; the old mask is back
 * afterwards.  Without a mask a blocked signal does not end the wait. */
#include "guest.h"
#include <signal.h>
#include <sys/epoll.h>
#include <time.h>

static volatile int hits;
static void handler(int sig) { (void)sig; hits++; }

int main(void)
{
    struct timespec ts = { 0, 30 * 1000 * 1000 };
    struct epoll_event ev = { .events = EPOLLIN }, out[1];
    sigset_t block, empty, now;
    int ep, p[2], st;
    pid_t c;

    CHECK(signal(SIGUSR1, handler) != SIG_ERR);
    sigemptyset(&block);
    sigaddset(&block, SIGUSR1);
    sigemptyset(&empty);
    CHECK_OK(sigprocmask(SIG_BLOCK, &block, NULL));
    CHECK_OK(pipe(p));
    ep = CHECK_OK(epoll_create1(0));
    CHECK_OK(epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev));
    c = CHECK_OK(fork());
    if (c == 0) {
        nanosleep(&ts, NULL);
        kill(getppid(), SIGUSR1);
        _exit(0);
    }
    CHECK_ERR(epoll_pwait(ep, out, 1, -1, &empty), EINTR);
    CHECK(hits == 1);
    CHECK_OK(sigprocmask(SIG_BLOCK, NULL, &now));
    CHECK(sigismember(&now, SIGUSR1));
    CHECK(waitpid(c, &st, 0) == c);

    CHECK_OK(kill(getpid(), SIGUSR1));
    CHECK(CHECK_OK(epoll_pwait(ep, out, 1, 20, NULL)) == 0);
    CHECK(hits == 1);
    CHECK_ERR(epoll_pwait(ep, out, 1, 20, &empty), EINTR);
    CHECK(hits == 2);
    CHECK_ERR(syscall(SYS_epoll_pwait, ep, out, 1, 0, &empty, 4), EINVAL);
    CHECK_ERR(syscall(SYS_epoll_pwait, ep, out, 1, 0, BAD_PTR, 8), EFAULT);
    return 0;
}
