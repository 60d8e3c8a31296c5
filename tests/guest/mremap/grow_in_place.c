/* mremap grows a mapping in place when the pages after it are free, with or without
 * MREMAP_MAYMOVE: the old contents stay, the new pages read zero and take the mapping's
 * prot.  When the pages after it are taken, or the old range does not reach the end of
 * its mapping, it fails with ENOMEM without MREMAP_MAYMOVE and leaves the mapping alone. */
#include "guest.h"
#include <sys/mman.h>

#define PG 4096L

int main(void)
{
    /* Reserve 16 pages, keep 2 of them mapped: 14 free pages follow. */
    char *p = mmap(NULL, 16 * PG, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(p != MAP_FAILED);
    CHECK_OK(munmap(p + 2 * PG, 14 * PG));
    CHECK_OK(mprotect(p, 2 * PG, PROT_READ | PROT_WRITE));
    memset(p, 'x', 2 * PG);

    CHECK(mremap(p, 2 * PG, 4 * PG, 0) == p);
    CHECK(p[0] == 'x' && p[2 * PG - 1] == 'x');
    for (long i = 2 * PG; i < 4 * PG; i++)
        CHECK(p[i] == 0);
    p[4 * PG - 1] = 'y';                       /* writable like the rest */
    CHECK(mremap(p, 4 * PG, 6 * PG + 100, MREMAP_MAYMOVE) == p);
    CHECK(p[4 * PG - 1] == 'y' && p[7 * PG - 1] == 0);

    /* Blocked by a mapping right after: ENOMEM, nothing moves. */
    char *q = mmap(p + 7 * PG, PG, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    CHECK(q == p + 7 * PG);
    CHECK_ERR(mremap(p, 7 * PG, 8 * PG, 0), ENOMEM);
    CHECK(p[0] == 'x' && p[4 * PG - 1] == 'y');
    /* The old range ends inside the mapping: ENOMEM too. */
    CHECK_ERR(mremap(p, 2 * PG, 3 * PG, 0), ENOMEM);
    CHECK(p[2 * PG] == 0 && p[0] == 'x');
    CHECK_OK(munmap(p, 8 * PG));
    return 0;
}
