/* ARCH_SET_FS moves the %fs base (loads through %fs see the new block) and ARCH_GET_FS
 * reads it back.  The libc's thread pointer lives in %fs, so the test switches and
 * restores it with raw syscall instructions and touches nothing else in between. */
#include "guest.h"

#define ARCH_SET_FS 0x1002
#define ARCH_GET_FS 0x1003

static inline long raw_syscall2(long n, long a, long b)
{
    long r;
    __asm__ volatile("syscall" : "=a"(r) : "a"(n), "D"(a), "S"(b) : "rcx", "r11", "memory");
    return r;
}

static unsigned long block[4] = {0, 0x1122334455667788UL, 0, 0};

__attribute__((noinline, optimize("no-stack-protector"))) static int swap_fs(unsigned long *got,
                                                                            unsigned long *seen)
{
    unsigned long old = 0;
    if (raw_syscall2(SYS_arch_prctl, ARCH_GET_FS, (long)&old) != 0)
        return 1;
    if (raw_syscall2(SYS_arch_prctl, ARCH_SET_FS, (long)block) != 0)
        return 2;
    long r = raw_syscall2(SYS_arch_prctl, ARCH_GET_FS, (long)got);
    __asm__ volatile("mov %%fs:8, %0" : "=r"(*seen));
    if (raw_syscall2(SYS_arch_prctl, ARCH_SET_FS, (long)old) != 0)
        __builtin_trap();
    return r == 0 ? 0 : 3;
}

int main(void)
{
    block[0] = (unsigned long)block;
    unsigned long got = 0, seen = 0;
    int r = swap_fs(&got, &seen);
    if (r != 0)
        FAIL("arch_prctl step %d failed", r);
    CHECK(got == (unsigned long)block);
    CHECK(seen == 0x1122334455667788UL);
    errno = 0; /* the thread pointer (and errno with it) still works */
    return 0;
}
