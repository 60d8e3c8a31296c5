/* A write to a page mprotect'ed read-only kills the program with SIGSEGV. */
/* guest-test: signal=SEGV */
#include "guest.h"
#include <sys/mman.h>

int main(void)
{
    volatile unsigned char *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(p != MAP_FAILED);
    p[0] = 1;
    CHECK_OK(mprotect((void *)p, 4096, PROT_READ));
    CHECK(p[0] == 1);
    p[0] = 2;
    FAIL("write to a read-only page succeeded");
}
