/* pidfd_send_signal(2) sends a signal to the process a pidfd names, with
 * a siginfo of our own making for ourselves only; signal 0 checks
 * existence; once the process is reaped it is ESRCH. */
#include "guest.h"
#include <signal.h>
#include <string.h>

int main(void)
{
    siginfo_t info;
    int fd, self, st;
    sigset_t set;
    pid_t c;

    c = CHECK_OK(fork());
    if (c == 0) {
        for (;;)
            pause();
    }
    fd = CHECK_OK(syscall(SYS_pidfd_open, c, 0));
    CHECK_OK(syscall(SYS_pidfd_send_signal, fd, 0, NULL, 0));
    CHECK_OK(syscall(SYS_pidfd_send_signal, fd, SIGTERM, NULL, 0));
    CHECK(waitpid(c, &st, 0) == c);
    CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGTERM);
    CHECK_ERR(syscall(SYS_pidfd_send_signal, fd, SIGTERM, NULL, 0), ESRCH);

    /* A siginfo to oneself: taken as given. */
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    CHECK_OK(sigprocmask(SIG_BLOCK, &set, NULL));
    self = CHECK_OK(syscall(SYS_pidfd_open, getpid(), 0));
    memset(&info, 0, sizeof info);
    info.si_signo = SIGUSR1;
    info.si_code = SI_QUEUE;
    info.si_value.sival_int = 77;
    CHECK_OK(syscall(SYS_pidfd_send_signal, self, SIGUSR1, &info, 0));
    memset(&info, 0, sizeof info);
    CHECK(sigwaitinfo(&set, &info) == SIGUSR1);
    CHECK(info.si_code == SI_QUEUE && info.si_value.sival_int == 77);
    return 0;
}
