/* sigaltstack stores an alternate stack and reads it back; SS_DISABLE turns it off. */
#include "guest.h"
#include <signal.h>

static char stack_mem[64 * 1024];

int main(void)
{
    stack_t ss = {.ss_sp = stack_mem, .ss_size = sizeof stack_mem, .ss_flags = 0}, got, old;
    CHECK_OK(sigaltstack(NULL, &old));
    CHECK(old.ss_flags == SS_DISABLE);
    CHECK_OK(sigaltstack(&ss, NULL));
    memset(&got, 0xff, sizeof got);
    CHECK_OK(sigaltstack(NULL, &got));
    CHECK(got.ss_sp == stack_mem);
    CHECK(got.ss_size == sizeof stack_mem);
    CHECK(got.ss_flags == 0);
    stack_t off = {.ss_sp = NULL, .ss_size = 0, .ss_flags = SS_DISABLE};
    CHECK_OK(sigaltstack(&off, &got));
    CHECK(got.ss_sp == stack_mem);
    CHECK_OK(sigaltstack(NULL, &got));
    CHECK(got.ss_flags == SS_DISABLE);
    return 0;
}
