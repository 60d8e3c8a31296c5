/* A 64 MiB anonymous mapping succeeds and its pages are touched lazily: writing one
 * byte per 1 MiB works. */
#include "guest.h"
#include <sys/mman.h>

int main(void)
{
    size_t len = 64UL << 20;
    unsigned char *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(p != MAP_FAILED);
    for (size_t i = 0; i < len; i += 1 << 20)
        p[i] = 7;
    for (size_t i = 0; i < len; i += 1 << 20)
        CHECK(p[i] == 7 && p[i + 1] == 0);
    CHECK_OK(munmap(p, len));
    return 0;
}
