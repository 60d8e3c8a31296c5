/* A guest that jumps to the stub's pwrite64 instruction (which proves to the simulator
 * that an unmap is done) must die, so it can never forge that proof. */
/* guest-test: trellis-only signal=any */
#include "guest.h"
#include "stub_gate.h"

int main(void)
{
    static const uint32_t forged = 1;
    uintptr_t gate = stub_find_gate(18);  /* pwrite64 */

    if (gate == 0)
        FAIL("no pwrite64 instruction found in the stub: update this test");
    stub_jump(gate, 3, (uintptr_t)&forged, 4, 0, 0, 0);
    FAIL("the stub's pwrite64 returned to the guest");
}
