/* uname into an unmapped buffer fails with EFAULT. */
#include "guest.h"

int main(void)
{
    CHECK_ERR(syscall(SYS_uname, BAD_PTR), EFAULT);
    return 0;
}
