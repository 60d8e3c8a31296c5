/* Calling address 0 kills the program with SIGSEGV. */
/* guest-test: signal=SEGV */
#include "guest.h"

int main(void)
{
    void (*volatile fn)(void) = NULL;
    fn();
    FAIL("call to address 0 returned");
}
