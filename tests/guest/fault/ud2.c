/* The ud2 instruction kills the program with SIGILL. */
/* guest-test: signal=ILL */
#include "guest.h"

int main(void)
{
    __asm__ volatile("ud2");
    FAIL("ud2 returned");
}
