/* munmap of an unaligned address or length 0 fails with EINVAL; unmapping a range that
 * holds nothing succeeds. */
#include "guest.h"
#include <sys/mman.h>

int main(void)
{
    unsigned char *p = mmap(NULL, 2 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(p != MAP_FAILED);
    CHECK_ERR(munmap(p + 1, 4096), EINVAL);
    CHECK_ERR(munmap(p, 0), EINVAL);
    CHECK_OK(munmap(p, 2 * 4096));
    CHECK_OK(munmap(p, 2 * 4096));
    return 0;
}
