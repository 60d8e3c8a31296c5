/* madvise's errors: EINVAL for unknown advice and an unaligned start, and for a length
 * that wraps; ENOMEM when part of the range is unmapped (after advising the mapped
 * part, as Linux does); a length of 0 succeeds. */
#include "guest.h"
#include <sys/mman.h>

#define PG 4096L

int main(void)
{
    char *p = mmap(NULL, 4 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(p != MAP_FAILED);
    CHECK_OK(munmap(p + 2 * PG, PG));         /* a hole at page 2 */
    memset(p, 'e', 2 * PG);
    p[3 * PG] = 'e';

    CHECK_ERR(madvise(p, PG, 999), EINVAL);
    CHECK_ERR(madvise(p, PG, 5), EINVAL);
    CHECK_ERR(madvise(p, PG, -1), EINVAL);
    CHECK_ERR(madvise(p + 1, PG, MADV_NORMAL), EINVAL);
    CHECK_ERR(madvise(p + 1, PG, 999), EINVAL);
    CHECK_ERR(madvise(p, (size_t)-1, MADV_NORMAL), EINVAL);
    CHECK_OK(madvise(p, 0, MADV_NORMAL));
    CHECK_OK(madvise(p + 2 * PG, 0, MADV_DONTNEED));

    CHECK_ERR(madvise(p + 2 * PG, PG, MADV_NORMAL), ENOMEM);
    CHECK_ERR(madvise(p, 4 * PG, MADV_WILLNEED), ENOMEM);
    CHECK(p[0] == 'e' && p[3 * PG] == 'e');
    /* DONTNEED still drops the mapped pages around the hole. */
    CHECK_ERR(madvise(p + PG, 3 * PG, MADV_DONTNEED), ENOMEM);
    CHECK(p[0] == 'e' && p[PG] == 0 && p[3 * PG] == 0);
    return 0;
}
