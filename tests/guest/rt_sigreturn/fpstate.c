/* A handler starts with the initial FP state (MXCSR 0x1f80, so
 * round-to-nearest) whatever the interrupted code had, may clobber the
 * vector and x87 registers freely, and the interrupted code gets its own
 * back: XMM registers, MXCSR and the x87 control word survive. */
#include "guest.h"
#include <signal.h>

static volatile unsigned int handler_mxcsr;
static volatile unsigned short handler_fcw;

static void handler(int sig)
{
    unsigned int m = 0x7f80 | (3u << 13);     /* round toward zero */
    unsigned short cw = 0x0c7f;
    (void)sig;
    __asm__ volatile("stmxcsr %0" : "=m"(handler_mxcsr));
    __asm__ volatile("fnstcw %0" : "=m"(handler_fcw));
    __asm__ volatile("ldmxcsr %0" : : "m"(m));
    __asm__ volatile("fldcw %0" : : "m"(cw));
    /* Clobber every XMM register the caller may hold values in. */
    __asm__ volatile("pcmpeqd %%xmm0, %%xmm0\n\tmovdqa %%xmm0, %%xmm1\n\t"
                     "movdqa %%xmm0, %%xmm2\n\tmovdqa %%xmm0, %%xmm8\n\t"
                     "movdqa %%xmm0, %%xmm15"
                     ::: "xmm0", "xmm1", "xmm2", "xmm8", "xmm15");
}

int main(void)
{
    unsigned int mine = 0x1f80 | (1u << 13), after;   /* round down */
    unsigned short cw = 0x027f, cw_after;
    unsigned long long in[2] = { 0x0123456789abcdefULL, 0xfedcba9876543210ULL };
    unsigned long long out[2];

    CHECK(signal(SIGUSR1, handler) != SIG_ERR);
    __asm__ volatile("ldmxcsr %0" : : "m"(mine));
    __asm__ volatile("fldcw %0" : : "m"(cw));
    /* xmm8 holds a value across the signal: raise is a syscall, so the
     * compiler need not preserve it, but the kernel must. */
    __asm__ volatile("movdqu %1, %%xmm8\n\t"
                     "mov %2, %%eax\n\t"
                     "mov %3, %%edi\n\t"
                     "mov %4, %%esi\n\t"
                     "mov %5, %%edx\n\t"
                     "syscall\n\t"
                     "movdqu %%xmm8, %0"
                     : "=m"(out)
                     : "m"(in), "i"(SYS_tgkill), "r"(getpid()), "r"(getpid()),
                       "i"(SIGUSR1)
                     : "rax", "rdi", "rsi", "rdx", "rcx", "r11", "xmm8", "memory");
    __asm__ volatile("stmxcsr %0" : "=m"(after));
    __asm__ volatile("fnstcw %0" : "=m"(cw_after));
    if (handler_mxcsr != 0x1f80)
        FAIL("handler MXCSR 0x%x, want 0x1f80", handler_mxcsr);
    if (handler_fcw != 0x037f)
        FAIL("handler FCW 0x%x, want 0x37f", handler_fcw);
    if (after != mine)
        FAIL("MXCSR after 0x%x, want 0x%x", after, mine);
    if (cw_after != cw)
        FAIL("FCW after 0x%x, want 0x%x", cw_after, cw);
    CHECK(out[0] == in[0] && out[1] == in[1]);
    return 0;
}
