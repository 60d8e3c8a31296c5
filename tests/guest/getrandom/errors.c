/* getrandom into unmapped memory fails with EFAULT; unknown flags with EINVAL. */
#include "guest.h"

int main(void)
{
    unsigned char buf[16];
    CHECK_ERR(syscall(SYS_getrandom, BAD_PTR, 16, 0), EFAULT);
    CHECK_ERR(syscall(SYS_getrandom, buf, sizeof buf, 0x100), EINVAL);
    return 0;
}
