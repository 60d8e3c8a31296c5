/* signalfd4(2)'s checks, in Linux's order: EINVAL for a mask size other
 * than 8, EFAULT for the mask, EINVAL for unknown flags, EBADF for a
 * closed fd, EINVAL for an fd that is not a signalfd.  Given a signalfd,
 * it changes that one's mask and returns it; SIGKILL and SIGSTOP are
 * silently left out. */
#include "guest.h"
#include <signal.h>
#include <sys/signalfd.h>

int main(void)
{
    struct signalfd_siginfo si;
    unsigned long mask = 1UL << (SIGUSR1 - 1);
    sigset_t set;
    int fd, p[2];

    CHECK_OK(pipe(p));
    CHECK_ERR(syscall(SYS_signalfd4, -1, &mask, 4, 0), EINVAL);
    CHECK_ERR(syscall(SYS_signalfd4, -1, BAD_PTR, 8, 0), EFAULT);
    CHECK_ERR(syscall(SYS_signalfd4, -1, &mask, 8, 1), EINVAL);
    CHECK_ERR(syscall(SYS_signalfd4, closed_fd(), &mask, 8, 0), EBADF);
    CHECK_ERR(syscall(SYS_signalfd4, p[0], &mask, 8, 0), EINVAL);
    CHECK_ERR(syscall(SYS_signalfd, -1, &mask, 16), EINVAL);
    fd = CHECK_OK(syscall(SYS_signalfd4, -1, &mask, 8, SFD_CLOEXEC | SFD_NONBLOCK));
    CHECK(CHECK_OK(fcntl(fd, F_GETFD)) == FD_CLOEXEC);
    CHECK(CHECK_OK(fcntl(fd, F_GETFL)) == (O_RDWR | O_NONBLOCK));
    sigemptyset(&set);
    sigaddset(&set, SIGUSR2);
    CHECK_OK(sigprocmask(SIG_BLOCK, &set, NULL));
    sigaddset(&set, SIGKILL);
    CHECK(CHECK_OK(signalfd(fd, &set, 0)) == fd);
    CHECK_OK(kill(getpid(), SIGUSR2));
    CHECK(CHECK_OK(read(fd, &si, sizeof si)) == sizeof si);
    CHECK(si.ssi_signo == SIGUSR2);
    return 0;
}
