/* madvise's hints (NORMAL, RANDOM, SEQUENTIAL, WILLNEED, DONTDUMP, DODUMP, COLD,
 * PAGEOUT) succeed on mapped memory and leave its contents alone, also over two
 * mappings with different prot. */
#include "guest.h"
#include <sys/mman.h>

#define PG 4096L

int main(void)
{
    static const int hints[] = { MADV_NORMAL, MADV_RANDOM, MADV_SEQUENTIAL, MADV_WILLNEED,
                                 MADV_DONTDUMP, MADV_DODUMP, MADV_COLD, MADV_PAGEOUT };
    char *p = mmap(NULL, 4 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(p != MAP_FAILED);
    memset(p, 'h', 4 * PG);
    CHECK_OK(mprotect(p + 2 * PG, 2 * PG, PROT_READ));
    for (size_t i = 0; i < sizeof hints / sizeof hints[0]; i++) {
        if (madvise(p, 4 * PG, hints[i]) != 0)
            FAIL("advice %d: %s", hints[i], strerror(errno));
        CHECK(p[0] == 'h' && p[4 * PG - 1] == 'h');
    }
    p[0] = 'i';
    return 0;
}
