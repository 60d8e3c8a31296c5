/* waitid(P_PIDFD) waits for the child a pidfd names; with a nonblocking
 * pidfd it fails with EAGAIN while the child runs; a pidfd of a process
 * that is not our child is ECHILD, a non-pidfd EBADF, a negative fd
 * EINVAL. */
#include "guest.h"
#include <signal.h>

#ifndef P_PIDFD
#define P_PIDFD 3
#endif

int main(void)
{
    siginfo_t si;
    int fd, self, p[2];
    pid_t c;
    char ch;

    CHECK_OK(pipe(p));
    c = CHECK_OK(fork());
    if (c == 0) {
        _exit(read(p[0], &ch, 1) == 1 ? 4 : 1);
    }
    fd = CHECK_OK(syscall(SYS_pidfd_open, c, O_NONBLOCK));
    CHECK_ERR(waitid(P_PIDFD, fd, &si, WEXITED), EAGAIN);
    si.si_pid = 1;
    CHECK_OK(waitid(P_PIDFD, fd, &si, WEXITED | WNOHANG));
    CHECK(si.si_pid == 0);
    CHECK(CHECK_OK(write(p[1], "x", 1)) == 1);
    CHECK_OK(fcntl(fd, F_SETFL, 0));
    CHECK_OK(waitid(P_PIDFD, fd, &si, WEXITED));
    CHECK(si.si_pid == c && si.si_status == 4);
    CHECK_ERR(waitid(P_PIDFD, fd, &si, WEXITED), ECHILD);
    self = CHECK_OK(syscall(SYS_pidfd_open, getpid(), 0));
    CHECK_ERR(waitid(P_PIDFD, self, &si, WEXITED), ECHILD);
    CHECK_ERR(waitid(P_PIDFD, p[0], &si, WEXITED), EBADF);
    CHECK_ERR(waitid(P_PIDFD, -1, &si, WEXITED), EINVAL);
    return 0;
}
