/* mremap shrinking a mapping keeps its address and its head's contents and unmaps the
 * tail, even when the old range spans two VMAs; without MREMAP_MAYMOVE. */
#include "guest.h"
#include <sys/mman.h>

#define PG 4096L

static int mapped(char *p)
{
    return madvise(p, PG, MADV_NORMAL) == 0;
}

int main(void)
{
    char *p = mmap(NULL, 8 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(p != MAP_FAILED);
    for (int i = 0; i < 8; i++)
        p[i * PG] = (char)('a' + i);
    CHECK(mremap(p, 8 * PG, 5 * PG, 0) == p);
    for (int i = 0; i < 5; i++)
        CHECK(mapped(p + i * PG) && p[i * PG] == 'a' + i);
    for (int i = 5; i < 8; i++)
        CHECK(!mapped(p + i * PG));
    /* A partial page of new_size rounds up: 3 pages stay. */
    CHECK(mremap(p, 5 * PG, 2 * PG + 1, 0) == p);
    CHECK(mapped(p + 2 * PG) && !mapped(p + 3 * PG));
    /* Across two VMAs (different prot): only the tail goes. */
    CHECK_OK(mprotect(p + 2 * PG, PG, PROT_READ));
    CHECK(mremap(p, 3 * PG, PG, 0) == p);
    CHECK(p[0] == 'a' && !mapped(p + PG) && !mapped(p + 2 * PG));
    /* Same size: nothing changes. */
    CHECK(mremap(p, PG, PG, 0) == p);
    CHECK(p[0] == 'a');
    CHECK_OK(munmap(p, PG));
    return 0;
}
