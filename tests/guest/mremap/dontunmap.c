/* mremap with MREMAP_DONTUNMAP moves a private anonymous mapping's pages to a new place
 * and leaves the old range mapped, reading zero; with MREMAP_FIXED to new_address. */
#include "guest.h"
#include <sys/mman.h>

#ifndef MREMAP_DONTUNMAP
#define MREMAP_DONTUNMAP 4
#endif
#define PG 4096L

int main(void)
{
    char *p = mmap(NULL, 4 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(p != MAP_FAILED);
    memset(p, 'd', 4 * PG);
    char *q = mremap(p, 4 * PG, 4 * PG, MREMAP_MAYMOVE | MREMAP_DONTUNMAP, NULL);
    CHECK(q != MAP_FAILED && q != p);
    for (long i = 0; i < 4 * PG; i += 512)
        CHECK(q[i] == 'd' && p[i] == 0);
    p[0] = 'o';                                 /* the old range is still writable */
    CHECK(q[0] == 'd');

    char *dst = mmap(NULL, 4 * PG, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(dst != MAP_FAILED);
    CHECK(mremap(q, 4 * PG, 4 * PG, MREMAP_MAYMOVE | MREMAP_DONTUNMAP | MREMAP_FIXED, dst) == dst);
    CHECK(dst[PG] == 'd' && q[PG] == 0);
    dst[PG] = 'n';                              /* it took the moved mapping's prot */
    CHECK(q[PG] == 0);
    CHECK_OK(munmap(p, 4 * PG));
    CHECK_OK(munmap(q, 4 * PG));
    CHECK_OK(munmap(dst, 4 * PG));
    return 0;
}
