/* exit_group's argument is the process's exit status. */
/* guest-test: exit=42 */
#include "guest.h"

int main(void)
{
    syscall(SYS_exit_group, 42);
    FAIL("exit_group returned");
}
