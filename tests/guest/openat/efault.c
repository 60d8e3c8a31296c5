/* openat with an unmapped path fails with EFAULT. */
#include "guest.h"

int main(void)
{
    CHECK_ERR(syscall(SYS_openat, AT_FDCWD, BAD_PTR, O_RDONLY, 0), EFAULT);
    return 0;
}
