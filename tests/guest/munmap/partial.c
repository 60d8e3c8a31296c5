/* Unmapping the middle page of three leaves the outer pages usable and the middle one
 * unmapped (mprotect of it then fails with ENOMEM). */
#include "guest.h"
#include <sys/mman.h>

int main(void)
{
    unsigned char *p = mmap(NULL, 3 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(p != MAP_FAILED);
    p[0] = 1;
    p[4096] = 2;
    p[2 * 4096] = 3;
    CHECK_OK(munmap(p + 4096, 4096));
    CHECK(p[0] == 1 && p[2 * 4096] == 3);
    p[0] = 4;
    p[2 * 4096 + 100] = 5;
    CHECK_ERR(mprotect(p + 4096, 4096, PROT_READ), ENOMEM);
    CHECK_OK(munmap(p, 3 * 4096));
    return 0;
}
