/* Syscall numbers no kernel assigns (1000, 0x3fff, -1) fail with ENOSYS. */
#include "guest.h"

int main(void)
{
    CHECK_ERR(syscall(1000), ENOSYS);
    CHECK_ERR(syscall(1000, 1, 2, 3, 4, 5, 6), ENOSYS);
    CHECK_ERR(syscall(0x3fff), ENOSYS);
    CHECK_ERR(syscall(-1), ENOSYS);
    return 0;
}
