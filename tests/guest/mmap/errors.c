/* mmap: length 0 EINVAL; neither MAP_PRIVATE nor MAP_SHARED EINVAL; unaligned offset
 * EINVAL; unaligned MAP_FIXED address EINVAL; a file mapping of fd -1 EBADF. */
#include "guest.h"
#include <sys/mman.h>

static long sys_mmap(void *addr, size_t len, int prot, int flags, int fd, long off)
{
    return syscall(SYS_mmap, addr, len, prot, flags, fd, off);
}

int main(void)
{
    CHECK_ERR(sys_mmap(NULL, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), EINVAL);
    CHECK_ERR(sys_mmap(NULL, 4096, PROT_READ, MAP_ANONYMOUS, -1, 0), EINVAL);
    CHECK_ERR(sys_mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 123), EINVAL);
    CHECK_ERR(sys_mmap((void *)0x10000123, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0),
              EINVAL);
    CHECK_ERR(sys_mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, -1, 0), EBADF);
    return 0;
}
