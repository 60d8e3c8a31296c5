/* madvise(MADV_FREE) accepts private anonymous memory (whose pages may then read back as
 * they were or as zero, and stay usable) and refuses shared memory with EINVAL. */
#include "guest.h"
#include <sys/mman.h>

#define PG 4096L

int main(void)
{
    char *p = mmap(NULL, 2 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    char *s = mmap(NULL, PG, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    CHECK(p != MAP_FAILED && s != MAP_FAILED);
    memset(p, 'f', 2 * PG);
    CHECK_OK(madvise(p, 2 * PG, MADV_FREE));
    CHECK(p[0] == 'f' || p[0] == 0);
    p[PG] = 'g';                               /* a write keeps the page */
    CHECK(p[PG] == 'g');
    s[0] = 's';
    CHECK_ERR(madvise(s, PG, MADV_FREE), EINVAL);
    CHECK(s[0] == 's');
    return 0;
}
