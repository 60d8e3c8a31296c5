/* After munmap, mapping the same range again gives fresh zero pages. */
#include "guest.h"
#include <sys/mman.h>

int main(void)
{
    unsigned char *p = mmap(NULL, 2 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(p != MAP_FAILED);
    memset(p, 0x77, 2 * 4096);
    CHECK_OK(munmap(p, 2 * 4096));
    unsigned char *q = mmap(p, 2 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    CHECK(q == p);
    for (int i = 0; i < 2 * 4096; i++)
        if (q[i] != 0)
            FAIL("byte %d is %#x after remap", i, q[i]);
    CHECK_OK(munmap(q, 2 * 4096));
    return 0;
}
