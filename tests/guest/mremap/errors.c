/* mremap's errors: EINVAL for an unaligned old_address, unknown flags, MREMAP_FIXED or
 * MREMAP_DONTUNMAP without MREMAP_MAYMOVE, DONTUNMAP with a change of size, a new size of
 * 0, an unaligned new_address, overlapping old and new ranges, and old_size 0 on a
 * private mapping; EFAULT when old_address is unmapped or the range to grow is not one
 * mapping; ENOMEM when it cannot grow in place without MREMAP_MAYMOVE.  None of them
 * changes the mapping. */
#include "guest.h"
#include <sys/mman.h>

#ifndef MREMAP_DONTUNMAP
#define MREMAP_DONTUNMAP 4
#endif
#define PG 4096L

static long sys_mremap(void *old, long olen, long nlen, long flags, void *new)
{
    return syscall(SYS_mremap, old, olen, nlen, flags, new);
}

int main(void)
{
    char *p = mmap(NULL, 8 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(p != MAP_FAILED);
    CHECK_OK(munmap(p + 4 * PG, 4 * PG));       /* p: 4 pages, then a hole */
    p[0] = 'k';

    CHECK_ERR(sys_mremap(p + 1, PG, 2 * PG, MREMAP_MAYMOVE, NULL), EINVAL);
    CHECK_ERR(sys_mremap(p, PG, 2 * PG, 8, NULL), EINVAL);
    CHECK_ERR(sys_mremap(p, PG, PG, MREMAP_FIXED, p + 5 * PG), EINVAL);
    CHECK_ERR(sys_mremap(p, PG, PG, MREMAP_DONTUNMAP, NULL), EINVAL);
    CHECK_ERR(sys_mremap(p, PG, 2 * PG, MREMAP_MAYMOVE | MREMAP_DONTUNMAP, NULL), EINVAL);
    CHECK_ERR(sys_mremap(p, PG, 0, MREMAP_MAYMOVE, NULL), EINVAL);
    CHECK_ERR(sys_mremap(p, PG, PG, MREMAP_MAYMOVE | MREMAP_FIXED, p + 5 * PG + 1), EINVAL);
    /* new range overlapping the old one, either way */
    CHECK_ERR(sys_mremap(p, 2 * PG, 2 * PG, MREMAP_MAYMOVE | MREMAP_FIXED, p + PG), EINVAL);
    CHECK_ERR(sys_mremap(p + 2 * PG, 2 * PG, 4 * PG, MREMAP_MAYMOVE | MREMAP_FIXED, p), EINVAL);
    CHECK_ERR(sys_mremap(p, 0, PG, MREMAP_MAYMOVE, NULL), EINVAL);

    CHECK_ERR(sys_mremap(p + 5 * PG, PG, 2 * PG, MREMAP_MAYMOVE, NULL), EFAULT);
    /* Growing a range that runs past its mapping, into a hole or another mapping. */
    CHECK_ERR(sys_mremap(p, 5 * PG, 6 * PG, MREMAP_MAYMOVE, NULL), EFAULT);
    CHECK_OK(mprotect(p + 2 * PG, 2 * PG, PROT_READ));
    CHECK_ERR(sys_mremap(p, 3 * PG, 4 * PG, MREMAP_MAYMOVE, NULL), EFAULT);
    CHECK_ERR(sys_mremap(p, 4 * PG, 5 * PG, 0, NULL), EFAULT);
    /* In place only, and the page after is taken. */
    CHECK_ERR(sys_mremap(p, PG, 2 * PG, 0, NULL), ENOMEM);

    CHECK(p[0] == 'k');
    p[PG] = 'l';
    CHECK_OK(munmap(p, 4 * PG));
    return 0;
}
