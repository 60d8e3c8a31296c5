/* pipe2 with an unmapped array fails with EFAULT and leaves no descriptor behind; bad
 * flags are checked first (EINVAL). */
#include "guest.h"

int main(void)
{
    int next = CHECK_OK(dup(0));
    close(next);
    CHECK_ERR(syscall(SYS_pipe2, BAD_PTR, 0), EFAULT);
    CHECK_ERR(syscall(SYS_pipe2, BAD_PTR, O_CLOEXEC), EFAULT);
    CHECK_ERR(syscall(SYS_pipe2, BAD_PTR, O_APPEND), EINVAL);
    int again = CHECK_OK(dup(0));
    CHECK(again == next);
    close(again);
    return 0;
}
