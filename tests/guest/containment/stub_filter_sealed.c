/* The stub builds the guest threads' seccomp filter in its own memory, which guest code
 * shares.  A guest that found it and rewrote it to allow everything, while another of its
 * threads started, would give that thread the stub's mmap of the physical-memory file.
 * The filters are sealed read-only before any guest code runs: the write must kill the
 * guest with SIGSEGV. */
/* guest-test: trellis-only signal=SEGV */
#include "guest.h"
#include "stub_gate.h"

#define STUB_IMAGE 0x5000UL   /* code, read-only data, the sealed filters */

int main(void)
{
    /* Both filters begin: load the arch word; jump unless it is AUDIT_ARCH_X86_64. */
    static const unsigned char head[] = { 0x20, 0, 0, 0, 4, 0, 0, 0, 0x15 };
    static const unsigned char arch[] = { 0x3e, 0, 0, 0xc0 };
    const unsigned char *img = (const unsigned char *)STUB_BASE;

    for (uintptr_t i = 0; i + 16 <= STUB_IMAGE; i += 8) {
        if (memcmp(img + i, head, sizeof head) != 0 || memcmp(img + i + 12, arch, 4) != 0)
            continue;
        /* The verdict of the first instruction's neighbour: RET ALLOW, for all. */
        *(volatile uint32_t *)(uintptr_t)(STUB_BASE + i + 4) = 0x7fff0000;
        FAIL("the stub's seccomp filter is writable from guest code");
    }
    FAIL("no seccomp filter found in the stub: update this test");
}
