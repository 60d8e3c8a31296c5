/* A guest that finds the stub's own mmap instruction and jumps to it, asking for the
 * physical-memory file (fd 3) at offset 0, must die: the guest threads' seccomp filter
 * kills any system call from a stub address it does not allow.  If it lived, it could
 * read every other guest's memory. */
/* guest-test: trellis-only signal=any */
#include "guest.h"
#include "stub_gate.h"

int main(void)
{
    uintptr_t gate = stub_find_gate(9);   /* mmap */

    if (gate == 0)
        FAIL("no mmap instruction found in the stub: update this test");
    stub_jump(gate, 0x10000000, 4096, 3 /* RW */, 0x11 /* SHARED|FIXED */, 3, 0);
    FAIL("the stub's mmap returned to the guest");
}
