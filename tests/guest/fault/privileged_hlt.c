/* A privileged instruction (hlt) in user mode kills the program with SIGSEGV. */
/* guest-test: signal=SEGV */
#include "guest.h"

int main(void)
{
    __asm__ volatile("hlt");
    FAIL("hlt returned");
}
