/* mprotect to read-only keeps the contents readable; back to read-write allows writes. */
#include "guest.h"
#include <sys/mman.h>

int main(void)
{
    unsigned char *p = mmap(NULL, 2 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(p != MAP_FAILED);
    p[10] = 42;
    CHECK_OK(mprotect(p, 2 * 4096, PROT_READ));
    CHECK(((volatile unsigned char *)p)[10] == 42);
    CHECK_OK(mprotect(p, 4096, PROT_READ | PROT_WRITE));
    p[11] = 43;
    CHECK(p[10] == 42 && p[11] == 43);
    CHECK_OK(mprotect(p, 2 * 4096, PROT_NONE));
    CHECK_OK(mprotect(p, 2 * 4096, PROT_READ | PROT_WRITE));
    CHECK(p[10] == 42 && p[11] == 43);
    CHECK_OK(munmap(p, 2 * 4096));
    return 0;
}
