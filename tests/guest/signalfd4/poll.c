/* A signalfd is readable (POLLIN, no POLLRDNORM) while a signal of its
 * mask is pending; a wait in poll(2) or epoll_wait(2) ends when one is
 * sent by another process; a blocking read waits for one. */
#include "guest.h"
#include <poll.h>
#include <signal.h>
#include <sys/epoll.h>
#include <sys/signalfd.h>
#include <time.h>

static void send_later(int sig)
{
    struct timespec ts = { 0, 30 * 1000 * 1000 };
    pid_t parent = getpid();

    if (fork() == 0) {
        nanosleep(&ts, NULL);
        kill(parent, sig);
        _exit(0);
    }
}

int main(void)
{
    struct epoll_event ev = { .events = EPOLLIN }, out[1];
    struct signalfd_siginfo si;
    struct pollfd pfd;
    sigset_t set;
    int fd, ep, st;

    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    CHECK_OK(sigprocmask(SIG_BLOCK, &set, NULL));
    fd = CHECK_OK(signalfd(-1, &set, 0));
    pfd = (struct pollfd){ .fd = fd, .events = POLLIN | POLLRDNORM };
    CHECK(CHECK_OK(poll(&pfd, 1, 0)) == 0);
    send_later(SIGUSR1);
    CHECK(CHECK_OK(poll(&pfd, 1, -1)) == 1);
    CHECK(pfd.revents == POLLIN);
    CHECK(CHECK_OK(read(fd, &si, sizeof si)) == sizeof si);
    CHECK(wait(&st) > 0);

    ep = CHECK_OK(epoll_create1(0));
    CHECK_OK(epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev));
    CHECK(CHECK_OK(epoll_wait(ep, out, 1, 0)) == 0);
    send_later(SIGUSR1);
    CHECK(CHECK_OK(epoll_wait(ep, out, 1, -1)) == 1);
    CHECK(CHECK_OK(read(fd, &si, sizeof si)) == sizeof si);
    CHECK(wait(&st) > 0);

    send_later(SIGUSR1);
    CHECK(CHECK_OK(read(fd, &si, sizeof si)) == sizeof si);
    CHECK(si.ssi_signo == SIGUSR1);
    CHECK(wait(&st) > 0);
    return 0;
}
