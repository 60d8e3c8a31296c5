/* A free, page-aligned hint address without MAP_FIXED is honoured. */
#include "guest.h"
#include <sys/mman.h>

int main(void)
{
    unsigned char *r = mmap(NULL, 8 * 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(r != MAP_FAILED);
    CHECK_OK(munmap(r, 8 * 4096));
    unsigned char *p = mmap(r + 4096, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(p == r + 4096);
    p[0] = 1;
    CHECK_OK(munmap(p, 4096));
    return 0;
}
