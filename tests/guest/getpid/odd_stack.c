/* A system call needs no stack: one made with the stack pointer on an
 * unmapped page works, and returns with rsp, the direction flag and the
 * carry flag as they were. */
#include "guest.h"

int main(void)
{
    unsigned long flags;
    long r;

    __asm__ volatile("mov %%rsp, %%r12\n\t"
                     "mov $16, %%rsp\n\t"          /* page 0: never mapped */
                     "std\n\t"
                     "stc\n\t"
                     "mov %2, %%eax\n\t"
                     "syscall\n\t"
                     "mov %%r12, %%rsp\n\t"        /* mov and lea keep flags */
                     "lea -128(%%rsp), %%rsp\n\t"  /* past the red zone */
                     "pushfq\n\t"
                     "pop %1\n\t"
                     "lea 128(%%rsp), %%rsp\n\t"
                     "cld"
                     : "=a"(r), "=r"(flags)
                     : "i"(SYS_getpid)
                     : "rcx", "r11", "r12", "memory", "cc");
    if (r != getpid())
        FAIL("getpid with rsp 16: %ld, want %ld", r, (long)getpid());
    if (!(flags & 0x400))
        FAIL("the direction flag was cleared (rflags 0x%lx)", flags);
    if (!(flags & 0x1))
        FAIL("the carry flag was cleared (rflags 0x%lx)", flags);
    return 0;
}
