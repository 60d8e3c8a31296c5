/* pipe with an unmapped array fails with EFAULT and leaves no descriptor behind. */
#include "guest.h"

int main(void)
{
    int next = CHECK_OK(dup(0));
    close(next);
#ifdef SYS_pipe
    CHECK_ERR(syscall(SYS_pipe, BAD_PTR), EFAULT);
#endif
    int again = CHECK_OK(dup(0));
    CHECK(again == next);
    close(again);
    return 0;
}
