/* sysinfo into unmapped memory fails with EFAULT. */
#include "guest.h"

int main(void)
{
    CHECK_ERR(syscall(SYS_sysinfo, BAD_PTR), EFAULT);
    return 0;
}
