/* getcwd into a buffer too small fails with ERANGE, size 0 with ERANGE, and into an
 * unmapped buffer with EFAULT. */
#include "guest.h"

int main(void)
{
    CHECK_OK(chdir("/tmp"));
    char buf[4];
    CHECK_ERR(syscall(SYS_getcwd, buf, 4), ERANGE);
    CHECK_ERR(syscall(SYS_getcwd, buf, 0), ERANGE);
    CHECK_ERR(syscall(SYS_getcwd, BAD_PTR, 4096), EFAULT);
    return 0;
}
