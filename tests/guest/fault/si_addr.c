/* A write to a read-only page dies by SIGSEGV at exactly that address; the program
 * prints the address first, so tests/sim/cli.sh can match it with the si_addr that
 * `trellis run --strace` reports. */
/* guest-test: signal=SEGV */
#include "guest.h"
#include <sys/mman.h>

int main(void)
{
    unsigned char *p = mmap(NULL, 2 * 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(p != MAP_FAILED);
    volatile unsigned char *target = p + 4096 + 123;
    printf("fault address %p\n", (void *)target);
    fflush(stdout);
    *target = 1;
    FAIL("write to a read-only page succeeded");
}
