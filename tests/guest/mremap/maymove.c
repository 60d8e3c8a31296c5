/* mremap with MREMAP_MAYMOVE moves a mapping that cannot grow in place: the new address
 * holds the old contents (every page, touched or not, and its prot), the grown tail
 * reads zero, and the old range is unmapped. */
#include "guest.h"
#include <sys/mman.h>

#define PG 4096L
#define N 64

static int mapped(char *p)
{
    return madvise(p, PG, MADV_NORMAL) == 0;
}

int main(void)
{
    char *p = mmap(NULL, (N + 1) * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(p != MAP_FAILED);
    CHECK_OK(mprotect(p + N * PG, PG, PROT_NONE));   /* blocks growth in place */
    for (int i = 0; i < N; i += 2)                   /* odd pages stay untouched */
        memset(p + i * PG, 'A' + i % 26, PG);

    char *q = mremap(p, N * PG, 2 * N * PG, MREMAP_MAYMOVE);
    CHECK(q != MAP_FAILED && q != p);
    for (int i = 0; i < N; i++) {
        char want = i % 2 == 0 ? (char)('A' + i % 26) : 0;
        CHECK(q[i * PG] == want && q[i * PG + PG - 1] == want);
    }
    for (int i = N; i < 2 * N; i++)
        CHECK(q[i * PG] == 0);
    q[2 * N * PG - 1] = 'z';
    for (int i = 0; i < N; i++)
        CHECK(!mapped(p + i * PG));
    CHECK(mapped(p + N * PG));                       /* the PROT_NONE page stayed */

    /* A read-only mapping moves read-only. */
    CHECK_OK(mprotect(q, PG, PROT_READ));
    CHECK_OK(mprotect(q + PG, PG, PROT_NONE));        /* now q's first page is alone */
    char *r = mremap(q, PG, 3 * PG, MREMAP_MAYMOVE);
    CHECK(r != MAP_FAILED && r != q);
    CHECK(r[0] == 'A' && r[2 * PG] == 0);
    int fds[2];
    CHECK_OK(pipe(fds));
    CHECK(write(fds[1], r, 1) == 1);                  /* the kernel can read it */
    CHECK_ERR(read(fds[0], r, 1), EFAULT);            /* but not write it */
    CHECK_OK(munmap(r, 3 * PG));
    CHECK_OK(munmap(q + PG, 2 * N * PG - PG));
    CHECK_OK(munmap(p + N * PG, PG));
    return 0;
}
