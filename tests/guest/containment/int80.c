/* The 32-bit system call gate (int 0x80) reaches no host kernel.  Linux without IA32
 * emulation -- the reference host -- answers SIGSEGV, and so does Trellis; if the gate
 * returns at all, a syscall ran somewhere.  Trellis only: a host with IA32 emulation
 * runs i386 getpid (20) instead. */
/* guest-test: trellis-only signal=SEGV */
#include "guest.h"

int main(void)
{
    long r;
    __asm__ volatile("int $0x80" : "=a"(r) : "a"(20L) : "memory");
    FAIL("int 0x80 returned %ld (the guest's pid is %ld)", r, (long)syscall(SYS_getpid));
}
