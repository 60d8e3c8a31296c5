/* guest-test: signal=SEGV */
/* A handler that corrupts the saved FP state (a reserved MXCSR bit) makes
 * rt_sigreturn fail: the process gets SIGSEGV instead of a bad state. */
#include "guest.h"
#include <signal.h>
#include <ucontext.h>

static void handler(int sig, siginfo_t *si, void *p)
{
    ucontext_t *uc = p;

    (void)sig;
    (void)si;
    uc->uc_mcontext.fpregs->mxcsr |= 0x80000000u;
}

int main(void)
{
    struct sigaction sa;

    memset(&sa, 0, sizeof(sa));
    sa.sa_flags = SA_SIGINFO;
    sa.sa_sigaction = handler;
    CHECK_OK(sigaction(SIGUSR1, &sa, NULL));
    raise(SIGUSR1);
    fprintf(stderr, "survived a corrupt signal frame\n");
    return 1;
}
