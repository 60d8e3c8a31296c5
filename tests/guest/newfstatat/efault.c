/* newfstatat with an unmapped path or an unmapped buffer fails with EFAULT. */
#include "guest.h"

int main(void)
{
    struct stat st;
    CHECK_ERR(syscall(SYS_newfstatat, AT_FDCWD, BAD_PTR, &st, 0), EFAULT);
    CHECK_ERR(syscall(SYS_newfstatat, AT_FDCWD, "/", BAD_PTR, 0), EFAULT);
    return 0;
}
