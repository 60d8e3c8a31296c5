/* System calls given kernel addresses (the kernel's text and its linear map
 * on a bare-metal x86-64 Linux or Trellis, the top of the address space)
 * or non-canonical ones answer EFAULT, whether they read the buffer or
 * write to it; nothing is read from or written to kernel memory.  Raw
 * system calls: the libcs' own code (the vDSO, musl's fstat) would touch
 * the buffer in user mode first. */
#include "guest.h"
#include <sys/stat.h>
#include <time.h>

static const unsigned long bad[] = {
    0xffffffff81000000ul,       /* kernel text */
    0xffff800000000000ul,       /* start of the kernel half */
    0xffff888000000000ul,       /* Linux's direct map */
    0xfffffffffffff000ul,       /* the top page */
    0x8000000000000000ul,       /* non-canonical */
    0x0000800000000000ul,       /* just past user space */
};

int main(void)
{
    int p[2];

    CHECK_OK(pipe(p));
    CHECK(write(p[1], "x", 1) == 1);
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        void *a = (void *)bad[i];

        CHECK_ERR(write(p[1], a, 8), EFAULT);
        CHECK_ERR(read(p[0], a, 1), EFAULT);
        CHECK_ERR(syscall(SYS_fstat, p[0], a), EFAULT);
        CHECK_ERR(syscall(SYS_clock_gettime, CLOCK_REALTIME, a), EFAULT);
        CHECK_ERR(syscall(SYS_stat, a, &(struct stat){0}), EFAULT);
        CHECK_ERR(syscall(SYS_uname, a), EFAULT);
    }
    char c;
    CHECK(read(p[0], &c, 1) == 1 && c == 'x');      /* still there */
    return 0;
}
