/* A read of a page just unmapped kills the program with SIGSEGV. */
/* guest-test: signal=SEGV */
#include "guest.h"
#include <sys/mman.h>

int main(void)
{
    volatile unsigned char *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(p != MAP_FAILED);
    CHECK_OK(munmap((void *)p, 4096));
    unsigned char v = p[0];
    FAIL("read of an unmapped page returned %d", v);
}
