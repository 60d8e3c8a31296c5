/* sigaltstack: a stack smaller than MINSIGSTKSZ ENOMEM; unknown flags EINVAL; an
 * unmapped argument EFAULT. */
#include "guest.h"
#include <signal.h>

static char stack_mem[64 * 1024];

int main(void)
{
    stack_t small = {.ss_sp = stack_mem, .ss_size = 1024, .ss_flags = 0};
    CHECK_ERR(sigaltstack(&small, NULL), ENOMEM);
    stack_t flags = {.ss_sp = stack_mem, .ss_size = sizeof stack_mem, .ss_flags = 0x1234};
    CHECK_ERR(sigaltstack(&flags, NULL), EINVAL);
    CHECK_ERR(syscall(SYS_sigaltstack, BAD_PTR, NULL), EFAULT);
    CHECK_ERR(syscall(SYS_sigaltstack, NULL, BAD_PTR), EFAULT);
    stack_t got;
    CHECK_OK(sigaltstack(NULL, &got));
    CHECK(got.ss_flags == SS_DISABLE);
    return 0;
}
