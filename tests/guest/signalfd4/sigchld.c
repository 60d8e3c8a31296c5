/* A blocked SIGCHLD read from a signalfd carries the child's pid, uid,
 * CLD_EXITED and its exit status in ssi_status. */
#include "guest.h"
#include <signal.h>
#include <sys/signalfd.h>

int main(void)
{
    struct signalfd_siginfo si;
    sigset_t set;
    int fd, st;
    pid_t c;

    sigemptyset(&set);
    sigaddset(&set, SIGCHLD);
    CHECK_OK(sigprocmask(SIG_BLOCK, &set, NULL));
    fd = CHECK_OK(signalfd(-1, &set, 0));
    c = CHECK_OK(fork());
    if (c == 0)
        _exit(7);
    CHECK(CHECK_OK(read(fd, &si, sizeof si)) == sizeof si);
    CHECK(si.ssi_signo == SIGCHLD);
    CHECK(si.ssi_code == CLD_EXITED);
    CHECK(si.ssi_pid == (uint32_t)c);
    CHECK(si.ssi_uid == getuid());
    CHECK(si.ssi_status == 7);
    CHECK(waitpid(c, &st, 0) == c && WEXITSTATUS(st) == 7);
    return 0;
}
