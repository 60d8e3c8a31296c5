/* mprotect with PROT_GROWSDOWN applies to a MAP_GROWSDOWN mapping from the given range
 * down to the mapping's start (including pages it grew by); on other mappings it fails
 * with EINVAL, and with ENOMEM where nothing is mapped. */
#include "guest.h"
#include <sys/mman.h>
#include <time.h>

#define PG 4096L

static int writable(char *p)
{
    return syscall(SYS_clock_gettime, CLOCK_MONOTONIC, p) == 0;
}

int main(void)
{
    char *area = mmap(NULL, 1024 * PG, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(area != MAP_FAILED);
    CHECK_OK(munmap(area, 1024 * PG));
    char *g = mmap(area + 1020 * PG, 4 * PG, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_GROWSDOWN | MAP_FIXED, -1, 0);
    CHECK(g == area + 1020 * PG);
    ((volatile char *)g)[-2 * PG] = 'x';       /* grow by two pages */
    CHECK_OK(mprotect(g + PG, PG, PROT_READ | PROT_GROWSDOWN));
    CHECK(!writable(g - 2 * PG) && !writable(g) && !writable(g + PG));
    CHECK(writable(g + 2 * PG) && g[-2 * PG] == 'x');

    char *p = mmap(NULL, 2 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(p != MAP_FAILED);
    CHECK_ERR(mprotect(p + PG, PG, PROT_READ | PROT_GROWSDOWN), EINVAL);
    CHECK(writable(p) && writable(p + PG));
    CHECK_ERR(mprotect(area, PG, PROT_READ | PROT_GROWSDOWN), ENOMEM);
    return 0;
}
