/* pidfd_open(2): EINVAL for unknown flags or a pid <= 0, ESRCH for a pid
 * no process has (a reaped child's); a zombie can still be opened, and is
 * readable at once.  PIDFD_NONBLOCK gives O_NONBLOCK. */
#include "guest.h"
#include <poll.h>

int main(void)
{
    struct pollfd pfd = { .events = POLLIN };
    int st, fd;
    pid_t c;

    CHECK_ERR(syscall(SYS_pidfd_open, getpid(), 1), EINVAL);
    CHECK_ERR(syscall(SYS_pidfd_open, 0, 0), EINVAL);
    CHECK_ERR(syscall(SYS_pidfd_open, -1, 0), EINVAL);
    c = CHECK_OK(fork());
    if (c == 0)
        _exit(0);
    for (;;) {
        siginfo_t si = { 0 };
        CHECK_OK(waitid(P_PID, c, &si, WEXITED | WNOWAIT));
        if (si.si_pid == c)
            break;
    }
    fd = CHECK_OK(syscall(SYS_pidfd_open, c, O_NONBLOCK));
    CHECK(CHECK_OK(fcntl(fd, F_GETFL)) & O_NONBLOCK);
    pfd.fd = fd;
    CHECK(CHECK_OK(poll(&pfd, 1, 0)) == 1);
    CHECK(waitpid(c, &st, 0) == c);
    CHECK_ERR(syscall(SYS_pidfd_open, c, 0), ESRCH);
    fd = CHECK_OK(syscall(SYS_pidfd_open, getpid(), 0));
    CHECK(fd >= 0);
    return 0;
}
