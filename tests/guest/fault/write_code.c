/* A write into the program's own text kills it with SIGSEGV. */
/* guest-test: signal=SEGV */
#include "guest.h"

int main(void)
{
    volatile unsigned char *p = (volatile unsigned char *)(void *)main;
    p[0] = 0xc3;
    FAIL("write to the text segment succeeded");
}
