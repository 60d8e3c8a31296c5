/* Queued real-time signals are read in order, one record each (several
 * per read when the buffer holds them), with SI_QUEUE and the value in
 * ssi_int and ssi_ptr. */
#include "guest.h"
#include <signal.h>
#include <sys/signalfd.h>

int main(void)
{
    struct signalfd_siginfo si[4];
    union sigval v;
    sigset_t set;
    int fd, sig = SIGRTMIN + 1;

    sigemptyset(&set);
    sigaddset(&set, sig);
    CHECK_OK(sigprocmask(SIG_BLOCK, &set, NULL));
    fd = CHECK_OK(signalfd(-1, &set, 0));
    for (int i = 0; i < 3; i++) {
        v.sival_int = 100 + i;
        CHECK_OK(sigqueue(getpid(), sig, v));
    }
    CHECK(CHECK_OK(read(fd, si, sizeof si)) == 3 * sizeof si[0]);
    for (int i = 0; i < 3; i++) {
        CHECK(si[i].ssi_signo == (uint32_t)sig);
        CHECK(si[i].ssi_code == SI_QUEUE);
        CHECK(si[i].ssi_int == 100 + i);
        CHECK(si[i].ssi_ptr == (uint64_t)(100 + i));
        CHECK(si[i].ssi_pid == (uint32_t)getpid());
    }
    return 0;
}
