/* mremap with MREMAP_FIXED|MREMAP_MAYMOVE moves a mapping to new_address, replacing what
 * was mapped there; a new size shrinks or grows it on the way. */
#include "guest.h"
#include <sys/mman.h>

#define PG 4096L

static int mapped(char *p)
{
    return madvise(p, PG, MADV_NORMAL) == 0;
}

int main(void)
{
    char *area = mmap(NULL, 32 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(area != MAP_FAILED);
    CHECK_OK(munmap(area + 4 * PG, 28 * PG));
    char *old = area, *dst = area + 16 * PG;
    memset(old, 's', 4 * PG);
    /* Something to replace at the target, partly. */
    char *t = mmap(dst + 2 * PG, 4 * PG, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    CHECK(t == dst + 2 * PG);

    CHECK(mremap(old, 4 * PG, 4 * PG, MREMAP_MAYMOVE | MREMAP_FIXED, dst) == dst);
    CHECK(dst[0] == 's' && dst[4 * PG - 1] == 's');
    dst[3 * PG] = 'w';                         /* the replaced read-only page is gone */
    CHECK(!mapped(old) && !mapped(old + 3 * PG));
    CHECK(mapped(dst + 5 * PG));               /* the rest of t stays */

    /* Shrinking on the way: only new_size moves, the old tail is unmapped. */
    CHECK(mremap(dst, 4 * PG, 2 * PG, MREMAP_MAYMOVE | MREMAP_FIXED, old) == old);
    CHECK(old[0] == 's' && old[2 * PG - 1] == 's');
    CHECK(!mapped(old + 2 * PG) && !mapped(dst) && !mapped(dst + 3 * PG));

    /* Growing on the way: the tail reads zero. */
    CHECK(mremap(old, 2 * PG, 6 * PG, MREMAP_MAYMOVE | MREMAP_FIXED, area + 24 * PG) == area + 24 * PG);
    char *n = area + 24 * PG;
    CHECK(n[0] == 's' && n[2 * PG - 1] == 's' && n[2 * PG] == 0 && n[6 * PG - 1] == 0);
    CHECK(!mapped(old));
    CHECK_OK(munmap(area, 32 * PG));
    return 0;
}
