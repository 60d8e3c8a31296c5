/* An integer division by zero raises SIGFPE with si_code FPE_INTDIV and
 * si_addr at the div instruction; the handler skips it (2 bytes: f7 f1) and
 * the program goes on. */
#include "guest.h"
#include <signal.h>
#include <ucontext.h>

extern char div_insn[];
static volatile int code, hits;
static void *volatile addr;

static void on_fpe(int sig, siginfo_t *si, void *uc_)
{
    ucontext_t *uc = uc_;

    (void)sig;
    hits++;
    code = si->si_code;
    addr = si->si_addr;
    uc->uc_mcontext.gregs[REG_RIP] += 2;
}

int main(void)
{
    struct sigaction sa;
    unsigned int q;

    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_fpe;
    sa.sa_flags = SA_SIGINFO;
    CHECK_OK(sigaction(SIGFPE, &sa, NULL));
    __asm__ volatile("xorl %%edx, %%edx\n\t"
                     "movl $7, %%eax\n\t"
                     "xorl %%ecx, %%ecx\n"
                     "div_insn:\n\t"
                     "divl %%ecx"
                     : "=a"(q) : : "ecx", "edx");
    (void)q;
    CHECK(hits == 1);
    CHECK(code == FPE_INTDIV);
    CHECK(addr == (void *)div_insn);
    return 0;
}
