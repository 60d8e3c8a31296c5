/* A read from a pipe into a bad buffer (unmapped, read-only, or a kernel
 * address) fails with EFAULT and consumes nothing: the next read with a good
 * buffer gets every byte, in order. */
#include "guest.h"
#include <sys/mman.h>

int main(void)
{
    int p[2];
    char got[16];

    CHECK_OK(pipe(p));
    CHECK(write(p[1], "0123456789", 10) == 10);

    char *ro = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    char *gone = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(ro != MAP_FAILED && gone != MAP_FAILED);
    CHECK_OK(munmap(gone, 4096));

    CHECK_ERR(syscall(SYS_read, p[0], gone, 4), EFAULT);
    CHECK_ERR(syscall(SYS_read, p[0], ro, 4), EFAULT);
    CHECK_ERR(syscall(SYS_read, p[0], (void *)0xffffffff81000000ul, 4), EFAULT);
    CHECK_ERR(syscall(SYS_read, p[0], BAD_PTR, 4), EFAULT);
    CHECK(read(p[0], got, sizeof got) == 10);
    CHECK(memcmp(got, "0123456789", 10) == 0);
    return 0;
}
