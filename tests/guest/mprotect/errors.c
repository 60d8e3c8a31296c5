/* mprotect: unaligned address EINVAL; unknown protection bits EINVAL; a range holding
 * unmapped pages ENOMEM. */
#include "guest.h"
#include <sys/mman.h>

int main(void)
{
    unsigned char *p = mmap(NULL, 2 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(p != MAP_FAILED);
    CHECK_ERR(syscall(SYS_mprotect, p + 1, 4096, PROT_READ), EINVAL); /* musl rounds; raw */
    CHECK_ERR(mprotect(p, 4096, 0x10), EINVAL);
    CHECK_OK(munmap(p + 4096, 4096));
    CHECK_ERR(mprotect(p, 2 * 4096, PROT_READ), ENOMEM);
    CHECK_OK(munmap(p, 4096));
    CHECK_ERR(mprotect(p, 4096, PROT_READ), ENOMEM);
    return 0;
}
