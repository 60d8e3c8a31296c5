/* The int3 breakpoint instruction kills the program with SIGTRAP. */
/* guest-test: signal=TRAP */
#include "guest.h"

int main(void)
{
    __asm__ volatile("int3");
    FAIL("int3 returned");
}
