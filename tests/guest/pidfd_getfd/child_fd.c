/* pidfd_getfd(2) copies a descriptor of another process into ours: the
 * same open file (a pipe end the child made), close-on-exec; flags must
 * be 0, a descriptor the process lacks is EBADF, a fd that is not a pidfd
 * EBADF; a process that has exited (reaped or not) is ESRCH. */
#include "guest.h"

int main(void)
{
    int sync[2], fd, got, st;
    char buf[8];
    pid_t c;

    CHECK_OK(pipe(sync));
    c = CHECK_OK(fork());
    if (c == 0) {
        int p[2];
        close(sync[0]);
        if (pipe(p) != 0 || write(p[1], "hello", 5) != 5)
            _exit(1);
        if (dup2(p[0], 40) != 40 || write(sync[1], "r", 1) != 1)
            _exit(1);
        pause();
        _exit(0);
    }
    close(sync[1]);
    CHECK(CHECK_OK(read(sync[0], buf, 1)) == 1);
    fd = CHECK_OK(syscall(SYS_pidfd_open, c, 0));
    CHECK_ERR(syscall(SYS_pidfd_getfd, fd, 40, 1), EINVAL);
    CHECK_ERR(syscall(SYS_pidfd_getfd, fd, 41, 0), EBADF);
    CHECK_ERR(syscall(SYS_pidfd_getfd, sync[0], 40, 0), EBADF);
    got = CHECK_OK(syscall(SYS_pidfd_getfd, fd, 40, 0));
    CHECK(CHECK_OK(fcntl(got, F_GETFD)) == FD_CLOEXEC);
    CHECK(CHECK_OK(read(got, buf, sizeof buf)) == 5);
    CHECK(memcmp(buf, "hello", 5) == 0);
    CHECK_OK(kill(c, SIGKILL));
    for (;;) {
        siginfo_t si = { 0 };
        CHECK_OK(waitid(P_PID, c, &si, WEXITED | WNOWAIT));
        if (si.si_pid == c)
            break;
    }
    CHECK_ERR(syscall(SYS_pidfd_getfd, fd, 40, 0), ESRCH);
    CHECK(waitpid(c, &st, 0) == c);
    CHECK_ERR(syscall(SYS_pidfd_getfd, fd, 40, 0), ESRCH);
    return 0;
}
