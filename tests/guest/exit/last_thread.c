/* exit from the only thread ends the process with that thread's status. */
/* guest-test: exit=7 */
#include "guest.h"

int main(void)
{
    syscall(SYS_exit, 7);
    FAIL("exit returned");
}
