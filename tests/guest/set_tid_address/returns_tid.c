/* set_tid_address returns the caller's thread id. */
#include "guest.h"

static int clear_me = 1;

int main(void)
{
    long tid = syscall(SYS_gettid);
    CHECK(syscall(SYS_set_tid_address, &clear_me) == tid);
    CHECK(syscall(SYS_set_tid_address, NULL) == tid);
    CHECK(clear_me == 1);
    return 0;
}
