/* The program is the first process of its own kernel: pid 1 with parent 0, not a host
 * pid.  Trellis only. */
/* guest-test: trellis-only */
#include "guest.h"

int main(void)
{
    CHECK(syscall(SYS_getpid) == 1);
    CHECK(syscall(SYS_getppid) == 0);
    return 0;
}
