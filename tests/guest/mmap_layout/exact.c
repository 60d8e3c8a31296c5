/* The memory map is kept exactly, page by page, through mmap, munmap, mprotect, mremap
 * and madvise: each page is mapped or not, readable, and writable as the calls made it
 * (probed with madvise, which fails with ENOMEM on unmapped pages, and with write(2) to
 * a pipe and clock_gettime(2), which fail with EFAULT on memory the kernel may not read
 * or write). */
#include "guest.h"
#include <sys/mman.h>
#include <time.h>

#define PG 4096L
#define N 24

static int fds[2];

/* '.' unmapped, 'n' PROT_NONE, 'r' read-only, 'w' read-write */
static char probe(char *p)
{
    char c;
    if (madvise(p, PG, MADV_NORMAL) != 0)
        return errno == ENOMEM ? '.' : '?';
    if (write(fds[1], p, 1) != 1)
        return errno == EFAULT ? 'n' : '?';
    if (read(fds[0], &c, 1) != 1)
        return '?';
    if (syscall(SYS_clock_gettime, CLOCK_MONOTONIC, p) != 0)
        return errno == EFAULT ? 'r' : '?';
    return 'w';
}

static void expect(char *base, const char *want)
{
    char got[N + 1];
    for (int i = 0; i < N; i++)
        got[i] = probe(base + i * PG);
    got[N] = '\0';
    if (strcmp(got, want) != 0)
        FAIL("map is %s, want %s", got, want);
}

int main(void)
{
    CHECK_OK(pipe(fds));
    char *b = mmap(NULL, N * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(b != MAP_FAILED);
    expect(b, "wwwwwwwwwwwwwwwwwwwwwwww");
    CHECK_OK(munmap(b + 4 * PG, 2 * PG));
    CHECK_OK(mprotect(b + 8 * PG, 3 * PG, PROT_READ));
    CHECK_OK(mprotect(b + 9 * PG, PG, PROT_NONE));
    expect(b, "wwww..wwrnrwwwwwwwwwwwww");
    CHECK_OK(mprotect(b + 8 * PG, 3 * PG, PROT_READ | PROT_WRITE));   /* merge back */
    expect(b, "wwww..wwwwwwwwwwwwwwwwww");
    CHECK(mremap(b + 12 * PG, 2 * PG, PG, 0) == b + 12 * PG);
    expect(b, "wwww..wwwwwww.wwwwwwwwww");
    CHECK(mremap(b, 2 * PG, 2 * PG, MREMAP_MAYMOVE | MREMAP_FIXED, b + 4 * PG) == b + 4 * PG);
    expect(b, "..wwwwwwwwwww.wwwwwwwwww");
    CHECK_OK(mprotect(b + 16 * PG, 2 * PG, PROT_READ));
    CHECK(mremap(b + 16 * PG, 2 * PG, 2 * PG, MREMAP_MAYMOVE | MREMAP_FIXED, b) == b);
    expect(b, "rrwwwwwwwwwww.ww..wwwwww");
    CHECK(mmap(b + 13 * PG, PG, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) == b + 13 * PG);
    CHECK_OK(madvise(b + 2 * PG, 4 * PG, MADV_DONTFORK));
    CHECK_OK(madvise(b + 3 * PG, 2 * PG, MADV_DOFORK));
    expect(b, "rrwwwwwwwwwwwnww..wwwwww");
    CHECK(mremap(b + 20 * PG, 4 * PG, 2 * PG, 0) == b + 20 * PG);
    expect(b, "rrwwwwwwwwwwwnww..wwww..");
    CHECK_OK(munmap(b, N * PG));
    expect(b, "........................");
    return 0;
}
