/* gettimeofday into unmapped memory fails with EFAULT; both arguments NULL is fine. */
#include "guest.h"

int main(void)
{
    CHECK_ERR(syscall(SYS_gettimeofday, BAD_PTR, NULL), EFAULT);
    CHECK_OK(syscall(SYS_gettimeofday, NULL, NULL));
    return 0;
}
