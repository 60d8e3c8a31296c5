/* A read of a PROT_NONE page kills the program with SIGSEGV. */
/* guest-test: signal=SEGV */
#include "guest.h"
#include <sys/mman.h>

int main(void)
{
    volatile unsigned char *p = mmap(NULL, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(p != MAP_FAILED);
    unsigned char v = p[0];
    FAIL("read of a PROT_NONE page returned %d", v);
}
