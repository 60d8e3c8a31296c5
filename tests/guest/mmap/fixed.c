/* MAP_FIXED places a mapping exactly at the address, replacing what was there. */
#include "guest.h"
#include <sys/mman.h>

int main(void)
{
    unsigned char *r = mmap(NULL, 4 * 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(r != MAP_FAILED);
    unsigned char *want = r + 4096;
    unsigned char *p = mmap(want, 2 * 4096, PROT_READ | PROT_WRITE,
                            MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    CHECK(p == want);
    p[0] = 1;
    p[2 * 4096 - 1] = 2;
    CHECK(p[0] == 1 && p[2 * 4096 - 1] == 2);
    CHECK_OK(munmap(r, 4 * 4096));
    return 0;
}
