/* guest-test: signal=SEGV */
/* rt_sigreturn with the stack pointing at unmapped memory is SIGSEGV. */
#include "guest.h"
#include <signal.h>

int main(void)
{
    __asm__ volatile("mov $0x10000, %%rsp\n\tmov %0, %%eax\n\tsyscall"
                     : : "i"(SYS_rt_sigreturn) : "memory");
    return 1;
}
