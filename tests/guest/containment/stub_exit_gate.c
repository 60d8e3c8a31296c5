/* The stub's thread-exit instruction is one a guest thread may legitimately reach
 * (the simulator ends threads through it).  A guest that jumps there ends only its own
 * host thread: Trellis must notice and report the thread killed, not hang. */
/* guest-test: trellis-only signal=any */
#include "guest.h"
#include "stub_gate.h"

int main(void)
{
    uintptr_t gate = stub_find_gate(60);  /* exit */

    if (gate == 0)
        FAIL("no exit instruction found in the stub: update this test");
    stub_jump(gate, 0, 0, 0, 0, 0, 0);
    FAIL("the stub's exit returned to the guest");
}
