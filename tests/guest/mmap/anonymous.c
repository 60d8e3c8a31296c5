/* An anonymous private mapping is page-aligned, zero-filled, readable and writable. */
#include "guest.h"
#include <sys/mman.h>

int main(void)
{
    size_t len = 5 * 4096;
    unsigned char *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(p != MAP_FAILED);
    CHECK(((unsigned long)p & 4095) == 0);
    for (size_t i = 0; i < len; i++)
        if (p[i] != 0)
            FAIL("byte %zu is %d, not 0", i, p[i]);
    for (size_t i = 0; i < len; i += 4096)
        p[i] = (unsigned char)(i / 4096 + 1);
    for (size_t i = 0; i < len; i += 4096)
        CHECK(p[i] == (unsigned char)(i / 4096 + 1));
    CHECK_OK(munmap(p, len));
    return 0;
}
