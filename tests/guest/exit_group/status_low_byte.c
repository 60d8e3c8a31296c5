/* Only the low 8 bits of the exit code reach the parent: 0x103 exits with 3. */
/* guest-test: exit=3 */
#include "guest.h"

int main(void)
{
    syscall(SYS_exit_group, 0x103);
    FAIL("exit_group returned");
}
