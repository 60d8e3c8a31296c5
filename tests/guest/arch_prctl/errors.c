/* arch_prctl: an unknown code fails with EINVAL, ARCH_GET_FS into unmapped memory with
 * EFAULT, ARCH_SET_FS to a non-canonical address with EPERM. */
#include "guest.h"

#define ARCH_SET_FS 0x1002
#define ARCH_GET_FS 0x1003

int main(void)
{
    unsigned long v;
    CHECK_ERR(syscall(SYS_arch_prctl, 0x9999, &v), EINVAL);
    CHECK_ERR(syscall(SYS_arch_prctl, ARCH_GET_FS, BAD_PTR), EFAULT);
    CHECK_ERR(syscall(SYS_arch_prctl, ARCH_SET_FS, 0x8000000000000000UL), EPERM);
    CHECK_OK(syscall(SYS_arch_prctl, ARCH_GET_FS, &v));
    CHECK(v != 0);
    return 0;
}
