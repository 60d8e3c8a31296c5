/* pidfd_send_signal(2)'s checks: EINVAL for unknown or several scope
 * flags, EBADF for a closed fd or one that is not a pidfd, EINVAL for a
 * siginfo whose si_signo differs, EPERM for a kernel-looking siginfo sent
 * to another process, EINVAL for a bad signal number. */
#include "guest.h"
#include <signal.h>
#include <string.h>

int main(void)
{
    siginfo_t info;
    int fd, p[2], st;
    pid_t c;

    CHECK_OK(pipe(p));
    c = CHECK_OK(fork());
    if (c == 0) {
        for (;;)
            pause();
    }
    fd = CHECK_OK(syscall(SYS_pidfd_open, c, 0));
    CHECK_ERR(syscall(SYS_pidfd_send_signal, fd, 0, NULL, 8), EINVAL);
    CHECK_ERR(syscall(SYS_pidfd_send_signal, fd, 0, NULL, 3), EINVAL);
    CHECK_ERR(syscall(SYS_pidfd_send_signal, closed_fd(), 0, NULL, 0), EBADF);
    CHECK_ERR(syscall(SYS_pidfd_send_signal, p[0], 0, NULL, 0), EBADF);
    memset(&info, 0, sizeof info);
    info.si_signo = SIGUSR2;
    info.si_code = SI_QUEUE;
    CHECK_ERR(syscall(SYS_pidfd_send_signal, fd, SIGUSR1, &info, 0), EINVAL);
    info.si_signo = SIGUSR1;
    info.si_code = SI_USER;
    CHECK_ERR(syscall(SYS_pidfd_send_signal, fd, SIGUSR1, &info, 0), EPERM);
    CHECK_ERR(syscall(SYS_pidfd_send_signal, fd, SIGUSR1, BAD_PTR, 0), EFAULT);
    CHECK_ERR(syscall(SYS_pidfd_send_signal, fd, 65, NULL, 0), EINVAL);
    CHECK_ERR(syscall(SYS_pidfd_send_signal, fd, -1, NULL, 0), EINVAL);
    CHECK_OK(syscall(SYS_pidfd_send_signal, fd, SIGKILL, NULL, 0));
    CHECK(waitpid(c, &st, 0) == c && WIFSIGNALED(st));
    return 0;
}
