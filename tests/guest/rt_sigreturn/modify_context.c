/* A handler can change the interrupted registers through its ucontext:
 * a SIGILL handler steps over ud2 (rip += 2) and sets rax; a SIGSEGV
 * handler learns the faulting address and access from si_addr, the error
 * code and cr2, then skips the faulting 3-byte store. */
#include "guest.h"
#include <signal.h>
#include <ucontext.h>

static volatile void *seen_addr;
static volatile long long seen_err, seen_trap, seen_cr2;

static void on_ill(int sig, siginfo_t *si, void *p)
{
    ucontext_t *uc = p;

    (void)sig;
    CHECK(si->si_code == ILL_ILLOPN);
    CHECK((unsigned long long)si->si_addr == (unsigned long long)uc->uc_mcontext.gregs[REG_RIP]);
    uc->uc_mcontext.gregs[REG_RIP] += 2;
    uc->uc_mcontext.gregs[REG_RAX] = 4242;
}

static void on_segv(int sig, siginfo_t *si, void *p)
{
    ucontext_t *uc = p;

    (void)sig;
    seen_addr = si->si_addr;
    seen_err = uc->uc_mcontext.gregs[REG_ERR];
    seen_trap = uc->uc_mcontext.gregs[REG_TRAPNO];
    seen_cr2 = uc->uc_mcontext.gregs[REG_CR2];
    CHECK(si->si_code == SEGV_MAPERR);
    uc->uc_mcontext.gregs[REG_RIP] += 3;   /* mov %eax,(%rdx): 89 02 + ... */
}

int main(void)
{
    struct sigaction sa;
    long rax = 0;

    memset(&sa, 0, sizeof(sa));
    sa.sa_flags = SA_SIGINFO;
    sa.sa_sigaction = on_ill;
    CHECK_OK(sigaction(SIGILL, &sa, NULL));
    __asm__ volatile("xor %%eax, %%eax\n\tud2" : "=a"(rax));
    CHECK(rax == 4242);

    sa.sa_sigaction = on_segv;
    CHECK_OK(sigaction(SIGSEGV, &sa, NULL));
    /* A 3-byte store: 89 42 08 = mov %eax, 8(%rdx). */
    __asm__ volatile(".byte 0x89, 0x42, 0x08" : : "a"(1), "d"(0x10000ULL) : "memory");
    CHECK(seen_addr == (void *)0x10008);
    CHECK(seen_trap == 14);
    CHECK((seen_err & 6) == 6);             /* a write, from user mode */
    CHECK(seen_cr2 == 0x10008);
    return 0;
}
