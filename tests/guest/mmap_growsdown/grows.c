/* A MAP_GROWSDOWN mapping grows down to a fault just below it, and a larger jump too,
 * and by exactly the pages down to the fault: the new pages read zero and are writable;
 * the memory below the new start stays unmapped.  A kernel access (read(2) into it)
 * grows it as well. */
#include "guest.h"
#include <sys/mman.h>

#define PG 4096L

static int mapped(char *p)
{
    return madvise(p, PG, MADV_NORMAL) == 0;
}

int main(void)
{
    /* 4 MiB of free room, the stack at its top. */
    char *area = mmap(NULL, 1024 * PG, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(area != MAP_FAILED);
    CHECK_OK(munmap(area, 1024 * PG));
    char *g = mmap(area + 1020 * PG, 4 * PG, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_GROWSDOWN | MAP_FIXED, -1, 0);
    CHECK(g == area + 1020 * PG);
    g[0] = 'g';
    CHECK(!mapped(g - PG));

    volatile char *v = g;
    CHECK(v[-1] == 0);                         /* one page down */
    CHECK(mapped(g - PG) && !mapped(g - 2 * PG));
    v[-PG - 1] = 'a';                          /* the next page */
    CHECK(mapped(g - 2 * PG) && !mapped(g - 3 * PG));
    v[-20 * PG] = 'b';                         /* a jump of many pages */
    CHECK(mapped(g - 20 * PG) && mapped(g - 10 * PG) && !mapped(g - 21 * PG));
    CHECK(v[-15 * PG] == 0 && v[-PG - 1] == 'a' && v[0] == 'g');

    int fds[2];
    CHECK_OK(pipe(fds));
    CHECK(write(fds[1], "k", 1) == 1);
    CHECK(read(fds[0], g - 30 * PG + 5, 1) == 1);
    CHECK(g[-30 * PG + 5] == 'k' && !mapped(g - 31 * PG));
    return 0;
}
