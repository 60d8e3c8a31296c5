/* Calling into the host stub's area (STUB_BASE, 0x7ff000000000) must not reach its
 * syscall instructions: the guest dies by a signal instead. */
/* guest-test: trellis-only signal=any */
#include "guest.h"

int main(void)
{
    void (*volatile fn)(void) = (void (*)(void))0x7ff000000000UL;
    fn();
    FAIL("call into the stub area returned");
}
