/* mmap(MAP_FIXED_NOREPLACE) maps at exactly addr when the range is free, and fails with
 * EEXIST when any page of it is mapped (at the start, the end, inside, or all of it),
 * leaving the existing mapping and its data alone. */
#include "guest.h"
#include <sys/mman.h>

#ifndef MAP_FIXED_NOREPLACE
#define MAP_FIXED_NOREPLACE 0x100000
#endif
#define PG 4096L

static void *nr(char *addr, long len)
{
    return mmap(addr, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
}

int main(void)
{
    char *area = mmap(NULL, 16 * PG, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(area != MAP_FAILED);
    CHECK_OK(munmap(area, 16 * PG));
    char *m = area + 6 * PG;                   /* pages 6..9 mapped */
    CHECK(nr(m, 4 * PG) == m);
    memset(m, 'm', 4 * PG);

    CHECK_ERR(nr(m, 4 * PG), EEXIST);
    CHECK_ERR(nr(m - 2 * PG, 3 * PG), EEXIST);   /* ends in it */
    CHECK_ERR(nr(m + 3 * PG, 3 * PG), EEXIST);   /* starts in it */
    CHECK_ERR(nr(m + PG, PG), EEXIST);           /* inside it */
    CHECK_ERR(nr(area, 16 * PG), EEXIST);        /* around it */
    for (long i = 0; i < 4 * PG; i += 256)
        CHECK(m[i] == 'm');

    /* Just before and just after: free. */
    CHECK(nr(m - 2 * PG, 2 * PG) == m - 2 * PG);
    CHECK(nr(m + 4 * PG, PG) == m + 4 * PG);
    CHECK(m[-1] == 0 && m[4 * PG] == 0 && m[0] == 'm');
    CHECK_ERR(mmap(area + 1, PG, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0),
              EINVAL);
    CHECK_OK(munmap(area, 16 * PG));
    return 0;
}
