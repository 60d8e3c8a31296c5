/* A blocked signal sent to oneself is read from a signalfd as a
 * signalfd_siginfo: its number, SI_USER, the sender's pid and uid; it is
 * then no longer pending.  A signal outside the mask is not read. */
#include "guest.h"
#include <signal.h>
#include <sys/signalfd.h>

int main(void)
{
    struct signalfd_siginfo si;
    sigset_t set, pend;
    int fd;

    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    sigaddset(&set, SIGUSR2);
    CHECK_OK(sigprocmask(SIG_BLOCK, &set, NULL));
    sigdelset(&set, SIGUSR2);
    fd = CHECK_OK(signalfd(-1, &set, SFD_NONBLOCK));
    CHECK_ERR(read(fd, &si, sizeof si), EAGAIN);
    CHECK_OK(kill(getpid(), SIGUSR2));
    CHECK_ERR(read(fd, &si, sizeof si), EAGAIN);
    CHECK_OK(kill(getpid(), SIGUSR1));
    CHECK(CHECK_OK(read(fd, &si, sizeof si)) == sizeof si);
    CHECK(si.ssi_signo == SIGUSR1);
    CHECK(si.ssi_code == SI_USER);
    CHECK(si.ssi_pid == (uint32_t)getpid());
    CHECK(si.ssi_uid == getuid());
    CHECK(si.ssi_errno == 0);
    CHECK_OK(sigpending(&pend));
    CHECK(!sigismember(&pend, SIGUSR1) && sigismember(&pend, SIGUSR2));
    CHECK_ERR(read(fd, &si, sizeof si), EAGAIN);
    CHECK_ERR(read(fd, &si, sizeof si - 1), EINVAL);
    return 0;
}
